package jp.ceptoarhub.members;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.identity.AppUser;
import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.testing.KeycloakLogin;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class UserAdminTest extends MembersTestSupport {

    private static Map<String, Object> invite(String role, Long memberOperatorId) {
        String username = unique("u-");
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("email", username + "@example.jp");
        body.put("displayName", "招待 花子");
        body.put("role", role);
        if (memberOperatorId != null) {
            body.put("memberOperatorId", memberOperatorId);
        }
        return body;
    }

    @Test
    void invitedOperatorAdminLogsInWithExactlyTheRightTenantOrganisationAndRole() throws Exception {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        Map<String, Object> body = invite("operator-admin", member);
        HttpResponse<Map> r = exchange(HttpRequest.POST("/api/v1/users", body), sec, Map.class);
        assertThat(r.code()).isEqualTo(201);
        Map inv = r.body();
        assertThat((List<String>) inv.get("requiredActions")).contains("UPDATE_PASSWORD").doesNotContain("CONFIGURE_TOTP");
        assertThat(r.getHeaders().get("Location")).isEqualTo("/api/v1/users/" + inv.get("userId"));

        KeycloakLogin.Result login = firstLogin(tenantA().realmName(), (String) body.get("username"),
                (String) inv.get("temporaryPassword"));
        Map me = get("/api/v1/me", login.accessToken());
        assertThat(((Map) me.get("tenant")).get("code")).isEqualTo(tenantA().code());
        assertThat(((Number) me.get("memberOperatorId")).longValue()).isEqualTo(member);
        assertThat(((Map) ((List) me.get("roles")).getFirst()).get("code")).isEqualTo("operator-admin");

        // the new operator admin invites a colleague into its own organisation (memberOperatorId implied) ...
        Map<String, Object> colleague = invite("operator-staff", null);
        HttpResponse<Map> c = exchange(HttpRequest.POST("/api/v1/users", colleague), login.accessToken(), Map.class);
        assertThat(c.code()).isEqualTo(201);
        AppUser stored = users.find(tenantA().id(), ((Number) c.body().get("userId")).longValue()).orElseThrow();
        assertThat(stored.memberOperatorId()).isEqualTo(member);
        assertThat(stored.role()).isEqualTo("operator-staff");
        // ... and sees only its own organisation's users
        Map page = get("/api/v1/users?limit=200", login.accessToken());
        assertThat(MemberApiTest.items(page)).isNotEmpty().allSatisfy(u -> assertThat(((Number) u.get("memberOperatorId")).longValue()).isEqualTo(member));
    }

    @Test
    void invitedSecretariatStaffMustConfigureTotp() throws Exception {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        Map<String, Object> body = invite("secretariat-staff", null);
        Map inv = exchange(HttpRequest.POST("/api/v1/users", body), sec, Map.class).body();
        assertThat((List<String>) inv.get("requiredActions")).contains("UPDATE_PASSWORD", "CONFIGURE_TOTP");
        KeycloakLogin.Result login = firstLogin(tenantA().realmName(), (String) body.get("username"),
                (String) inv.get("temporaryPassword"));
        assertThat(login.totpSecret()).isNotNull();
        Map me = get("/api/v1/me", login.accessToken());
        assertThat(((Map) ((List) me.get("roles")).getFirst()).get("code")).isEqualTo("secretariat-staff");
        assertThat(me).doesNotContainKey("memberOperatorId");
    }

    @Test
    void operatorAdminCannotTouchOtherOrganisationsOrGrantSecretariatRoles() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long own = createMember(sec);
        long other = createMember(sec);
        String opAdmin = token(person(tenantA(), Role.OPERATOR_ADMIN, own));
        var otherUser = person(tenantA(), Role.OPERATOR_STAFF, other);
        var secStaff = person(tenantA(), Role.SECRETARIAT_STAFF);
        long usersBefore = countUsers(tenantA());

        assertThat(error(HttpRequest.POST("/api/v1/users", invite("operator-staff", other)).bearerAuth(opAdmin)).code()).isEqualTo(403);
        assertThat(error(HttpRequest.POST("/api/v1/users", invite("secretariat-admin", null)).bearerAuth(opAdmin)).code()).isEqualTo(403);
        for (var target : List.of(otherUser, secStaff)) {
            for (var call : manage(target.userId())) {
                assertThat(error(call.get().bearerAuth(opAdmin)).code()).as(call.get().getMethodName() + " " + call.get().getPath()).isEqualTo(404);
            }
        }
        Map page = get("/api/v1/users?limit=200&memberOperatorId=" + other, opAdmin);
        assertThat(MemberApiTest.items(page)).isEmpty();
        assertThat(countUsers(tenantA())).isEqualTo(usersBefore);
        assertThat(users.find(tenantA().id(), otherUser.userId()).orElseThrow().active()).isTrue();
        // operator staff cannot manage users at all
        String opStaff = token(person(tenantA(), Role.OPERATOR_STAFF, own));
        assertThat(error(HttpRequest.POST("/api/v1/users", invite("operator-staff", own)).bearerAuth(opStaff)).code()).isEqualTo(403);
        assertThat(error(HttpRequest.GET("/api/v1/users").bearerAuth(opStaff)).code()).isEqualTo(403);
    }

    @Test
    void disabledUsersTokenIsRefusedOnTheNextRequestAndEnableRestoresLogin() throws Exception {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        var op = person(tenantA(), Role.OPERATOR_STAFF, member);
        String opToken = token(op);
        assertThat(get("/api/v1/me", opToken)).isNotNull();

        HttpResponse<Map> d = exchange(HttpRequest.POST("/api/v1/users/" + op.userId() + "/disable", Map.of()), sec, Map.class);
        assertThat(d.body().get("status")).isEqualTo("DISABLED");
        assertThat(error(HttpRequest.GET("/api/v1/me").bearerAuth(opToken)).code()).isEqualTo(401);
        assertThatThrownBy(() -> new KeycloakLogin(keycloakUrl()).login(tenantA().realmName(), op.username(), PASSWORD))
                .as("Keycloak refuses the disabled user too").isInstanceOf(Exception.class);

        HttpResponse<Map> e = exchange(HttpRequest.POST("/api/v1/users/" + op.userId() + "/enable", Map.of()), sec, Map.class);
        assertThat(e.body().get("status")).isEqualTo("ACTIVE");
        String fresh = new KeycloakLogin(keycloakUrl()).login(tenantA().realmName(), op.username(), PASSWORD).accessToken();
        assertThat(get("/api/v1/me", fresh)).isNotNull();

        // nobody disables or removes their own account
        var me = person(tenantA(), Role.SECRETARIAT_ADMIN);
        assertThat(error(HttpRequest.POST("/api/v1/users/" + me.userId() + "/disable", Map.of()).bearerAuth(token(me))).code()).isEqualTo(409);
    }

    @Test
    void roleChangeNeedsIfMatchAndValidRoleAndRemovalDeletesEverywhere() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        var op = person(tenantA(), Role.OPERATOR_STAFF, member);
        String path = "/api/v1/users/" + op.userId();
        HttpResponse<Map> got = exchange(HttpRequest.GET(path), sec, Map.class);
        String etag = got.getHeaders().get("ETag");
        assertThat(error(HttpRequest.PATCH(path, Map.of("role", "operator-admin")).bearerAuth(sec)).code()).isEqualTo(428);
        HttpResponse<Map> bad = error(HttpRequest.PATCH(path, Map.of("role", "nisc-analyst")).header("If-Match", etag).bearerAuth(sec));
        assertThat(bad.code()).isEqualTo(400);
        assertThat(violationFields(bad)).containsExactly("role");
        HttpResponse<Map> changed = exchange(HttpRequest.PATCH(path, Map.of("role", "operator-admin")).header("If-Match", etag), sec, Map.class);
        assertThat(changed.body().get("role")).isEqualTo("operator-admin");
        assertThat(((Number) changed.body().get("memberOperatorId")).longValue()).isEqualTo(member);
        assertThat(error(HttpRequest.PATCH(path, Map.of("role", "operator-staff")).header("If-Match", etag).bearerAuth(sec)).code())
                .as("stale ETag").isEqualTo(412);

        HttpResponse<?> removed = exchange(HttpRequest.DELETE(path), sec, Map.class);
        assertThat(removed.code()).isEqualTo(204);
        assertThat(users.find(tenantA().id(), op.userId())).isEmpty();
        assertThatThrownBy(() -> new KeycloakLogin(keycloakUrl()).login(tenantA().realmName(), op.username(), PASSWORD))
                .isInstanceOf(Exception.class);
        assertThat(error(HttpRequest.GET(path).bearerAuth(sec)).code()).isEqualTo(404);
    }

    @Test
    void badInviteInputIsRefusedNamingTheFieldAndNothingIsWritten() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        long before = countUsers(tenantA());
        Map<String, Object> bad = invite("operator-king", member);
        bad.put("username", "x");
        bad.put("email", "not-an-email");
        assertThat(violationFields(error(HttpRequest.POST("/api/v1/users", bad).bearerAuth(sec))))
                .containsExactlyInAnyOrder("username", "email", "role");
        assertThat(violationFields(error(HttpRequest.POST("/api/v1/users", invite("operator-admin", null)).bearerAuth(sec))))
                .containsExactly("memberOperatorId");
        assertThat(violationFields(error(HttpRequest.POST("/api/v1/users", invite("secretariat-staff", member)).bearerAuth(sec))))
                .containsExactly("memberOperatorId");
        assertThat(violationFields(error(HttpRequest.POST("/api/v1/users", invite("operator-admin", 999_999_999L)).bearerAuth(sec))))
                .containsExactly("memberOperatorId");
        Map<String, Object> first = invite("operator-staff", member);
        exchange(HttpRequest.POST("/api/v1/users", first), sec, Map.class);
        long afterFirst = countUsers(tenantA());
        assertThat(error(HttpRequest.POST("/api/v1/users", first).bearerAuth(sec)).code()).as("same username").isEqualTo(409);
        assertThat(afterFirst).isEqualTo(before + 1);
        assertThat(countUsers(tenantA())).isEqualTo(afterFirst);
    }

    @Test
    void anotherTenantsSecretariatAndNiscCannotReadOrChangeUsers() {
        String secA = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        String secB = token(person(tenantB(), Role.SECRETARIAT_ADMIN));
        long memberB = createMember(secB);
        var userB = person(tenantB(), Role.OPERATOR_ADMIN, memberB);
        long before = countUsers(tenantB());
        String nisc = nisc();
        for (var call : manage(userB.userId())) {
            String what = call.get().getMethodName() + " " + call.get().getPath();
            assertThat(error(call.get().bearerAuth(secA)).code()).as("A: " + what).isEqualTo(404);
            assertThat(error(call.get().bearerAuth(nisc)).code()).as("NISC: " + what).isEqualTo(403);
        }
        assertThat(violationFields(error(HttpRequest.POST("/api/v1/users", invite("operator-admin", memberB)).bearerAuth(secA))))
                .as("A cannot invite into B's member").containsExactly("memberOperatorId");
        assertThat(error(HttpRequest.POST("/api/v1/users", invite("operator-admin", memberB)).bearerAuth(nisc)).code()).isEqualTo(403);
        assertThat(error(HttpRequest.GET("/api/v1/users").bearerAuth(nisc)).code()).isEqualTo(403);
        Map pageA = get("/api/v1/users?limit=200", secA);
        assertThat(MemberApiTest.items(pageA).stream().map(u -> ((Number) u.get("id")).longValue()).toList())
                .doesNotContain(userB.userId());
        assertThat(countUsers(tenantB())).isEqualTo(before);
        AppUser still = users.find(tenantB().id(), userB.userId()).orElseThrow();
        assertThat(still.active()).isTrue();
        assertThat(still.role()).isEqualTo("operator-admin");
    }

    /** Fresh requests each time: bearerAuth adds a header, so a request object must not be reused. */
    private static List<java.util.function.Supplier<MutableHttpRequest<?>>> manage(long id) {
        return List.of(
                () -> HttpRequest.GET("/api/v1/users/" + id),
                () -> HttpRequest.PATCH("/api/v1/users/" + id, Map.of("role", "operator-staff")).header("If-Match", "*"),
                () -> HttpRequest.POST("/api/v1/users/" + id + "/disable", Map.of()),
                () -> HttpRequest.POST("/api/v1/users/" + id + "/enable", Map.of()),
                () -> HttpRequest.DELETE("/api/v1/users/" + id));
    }

    long countUsers(Tenant tenant) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT COUNT(*) FROM app_user WHERE tenant_id = ?")) {
                ps.setLong(1, tenant.id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
