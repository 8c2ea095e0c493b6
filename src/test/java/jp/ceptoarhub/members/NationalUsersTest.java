package jp.ceptoarhub.members;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.identity.AppUser;
import jp.ceptoarhub.identity.Affiliation;
import jp.ceptoarhub.tenancy.NationalOrganisations;
import jp.ceptoarhub.testing.KeycloakLogin;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The national tier's organisations and people (decisions §3): the platform admin provisions NISC analysts and
 * ministry officers like any other users, each in its organisation and with TOTP; and every user's staff /
 * contractor affiliation, which TLP:AMBER and AMBER+STRICT read by, is set by the secretariat through the users API.
 */
@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class NationalUsersTest extends MembersTestSupport {

    private static Map<String, Object> invite(String role, String organisationCode) {
        String username = unique("n-");
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("email", username + "@example.go.jp");
        body.put("displayName", "所管 太郎");
        body.put("role", role);
        if (organisationCode != null) {
            body.put("nationalOrganisationCode", organisationCode);
        }
        return body;
    }

    @Test
    void theNationalOrganisationsAreTheNiscDeskAndTheFiveMinistriesWithTheirSectors() {
        List<Map> orgs = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/national-organisations")
                .bearerAuth(token(person(tenantA(), Role.OPERATOR_STAFF))), Argument.listOf(Map.class));
        assertThat(orgs).extracting(o -> o.get("code")).containsExactly("NISC_CI_DESK", "FSA", "MIC", "MHLW", "METI", "MLIT");
        Map<String, List<String>> sectors = new HashMap<>();
        orgs.forEach(o -> sectors.put((String) o.get("code"),
                ((List<Map>) o.get("sectors")).stream().map(s -> (String) s.get("code")).toList()));
        assertThat(sectors.get("NISC_CI_DESK")).isEmpty();
        assertThat(sectors.get("FSA")).containsExactly("FINANCE");
        assertThat(sectors.get("MIC")).containsExactlyInAnyOrder("INFORMATION_COMMUNICATIONS", "GOVERNMENT_ADMINISTRATIVE_SERVICES");
        assertThat(sectors.get("MHLW")).containsExactly("MEDICAL");
        assertThat(sectors.get("METI")).containsExactlyInAnyOrder("ELECTRICITY", "GAS", "CHEMICALS", "CREDIT_CARDS", "PETROLEUM");
        // 水道 moved from 厚生労働省 to 国土交通省 in 2024
        assertThat(sectors.get("MLIT")).containsExactlyInAnyOrder("AVIATION", "AIRPORTS", "RAILWAYS", "WATER", "LOGISTICS", "PORTS");
        assertThat(sectors.values().stream().mapToInt(List::size).sum()).isEqualTo(15);
        assertThat(orgs.get(0).get("nameJa")).isEqualTo("国家サイバー統括室 重要インフラ防護担当");
    }

    @Test
    void thePlatformAdminInvitesAMinistryOfficerIntoItsMinistryWithTotp() throws Exception {
        Map<String, Object> body = invite("ministry-officer", "METI");
        HttpResponse<Map> r = exchange(HttpRequest.POST("/api/v1/users", body), platformAdminToken(), Map.class);
        assertThat(r.code()).isEqualTo(201);
        assertThat((List<String>) r.body().get("requiredActions")).contains("UPDATE_PASSWORD", "CONFIGURE_TOTP");
        long id = ((Number) r.body().get("userId")).longValue();
        AppUser stored = users.find(national().id(), id).orElseThrow();
        long meti = context.getBean(NationalOrganisations.class).findByCode("METI").orElseThrow().id();
        assertThat(stored.nationalOrganisationId()).isEqualTo(meti);
        assertThat(stored.role()).isEqualTo("ministry-officer");
        assertThat(stored.affiliation()).isEqualTo(Affiliation.STAFF);

        KeycloakLogin.Result login = firstLogin(national().realmName(), (String) body.get("username"),
                (String) r.body().get("temporaryPassword"));
        assertThat(login.totpSecret()).as("ministry officers set up a second factor like every national role").isNotNull();
        Map me = get("/api/v1/me", login.accessToken());
        assertThat(((Map) me.get("nationalOrganisation")).get("code")).isEqualTo("METI");
        assertThat(((Map) ((List) me.get("roles")).getFirst()).get("code")).isEqualTo("ministry-officer");

        Map view = get("/api/v1/users/" + id, platformAdminToken());
        assertThat(view.get("nationalOrganisationCode")).isEqualTo("METI");
        assertThat(view.get("affiliation")).isEqualTo("STAFF");
    }

    @Test
    void aNiscAnalystIsPlacedInTheNiscDesk() {
        HttpResponse<Map> r = exchange(HttpRequest.POST("/api/v1/users", invite("nisc-analyst", null)),
                platformAdminToken(), Map.class);
        AppUser stored = users.find(national().id(), ((Number) r.body().get("userId")).longValue()).orElseThrow();
        assertThat(stored.nationalOrganisationId())
                .isEqualTo(context.getBean(NationalOrganisations.class).niscDesk().id());
    }

    @Test
    void nationalOrganisationsAreCheckedAgainstTheRole() {
        assertViolation(HttpRequest.POST("/api/v1/users", invite("ministry-officer", null)), platformAdminToken(),
                "nationalOrganisationCode");
        assertViolation(HttpRequest.POST("/api/v1/users", invite("ministry-officer", "NISC_CI_DESK")), platformAdminToken(),
                "nationalOrganisationCode");
        assertViolation(HttpRequest.POST("/api/v1/users", invite("ministry-officer", "MOD")), platformAdminToken(),
                "nationalOrganisationCode");
        assertViolation(HttpRequest.POST("/api/v1/users", invite("nisc-analyst", "FSA")), platformAdminToken(),
                "nationalOrganisationCode");
        assertViolation(HttpRequest.POST("/api/v1/users", invite("platform-admin", "FSA")), platformAdminToken(),
                "nationalOrganisationCode");
        assertViolation(HttpRequest.POST("/api/v1/users", invite("secretariat-admin", null)), platformAdminToken(), "role");
        // a CEPTOAR cannot place its users in a national organisation, nor give them national roles
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        Map<String, Object> body = invite("secretariat-staff", "METI");
        assertViolation(HttpRequest.POST("/api/v1/users", body), sec, "nationalOrganisationCode");
        assertViolation(HttpRequest.POST("/api/v1/users", invite("ministry-officer", "METI")), sec, "role");
        // nothing was created
        assertThat(users.usernameTaken(tenantA().id(), (String) body.get("username"))).isFalse();
    }

    @Test
    void onlyThePlatformAdminManagesNationalUsers() {
        String analyst = token(nationalPerson(Role.NISC_ANALYST, "NISC_CI_DESK"));
        assertThat(error(HttpRequest.POST("/api/v1/users", invite("ministry-officer", "METI")).bearerAuth(analyst))
                .code()).isEqualTo(403);
        assertThat(error(HttpRequest.GET("/api/v1/users").bearerAuth(analyst)).code()).isEqualTo(403);
        String officer = token(nationalPerson(Role.MINISTRY_OFFICER, "FSA"));
        assertThat(error(HttpRequest.GET("/api/v1/users").bearerAuth(officer)).code()).isEqualTo(403);
        // and a platform admin lists the national tenant's users only
        Map page = get("/api/v1/users?limit=200", platformAdminToken());
        assertThat(MemberApiTest.items(page)).allSatisfy(u -> assertThat(u.get("role"))
                .isIn("nisc-analyst", "ministry-officer", "nisc-system", "platform-admin"));
    }

    @Test
    void theSecretariatSetsStaffOrNdaContractorWithTheNdaDate() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        TestUser contractor = person(tenantA(), Role.OPERATOR_STAFF, createMember(sec));
        String path = "/api/v1/users/" + contractor.userId() + "/affiliation";
        String etag = exchange(HttpRequest.GET("/api/v1/users/" + contractor.userId()), sec, Map.class)
                .getHeaders().get("ETag");

        // If-Match is required
        assertThat(error(HttpRequest.PUT(path, Map.of("affiliation", "CONTRACTOR")).bearerAuth(sec)).code()).isEqualTo(428);
        // bad input names the field and changes nothing
        assertViolation(HttpRequest.PUT(path, Map.of("affiliation", "VENDOR")).header("If-Match", etag), sec, "affiliation");
        assertViolation(HttpRequest.PUT(path, Map.of("affiliation", "CONTRACTOR_NDA")).header("If-Match", etag), sec,
                "ndaSignedOn");
        assertViolation(HttpRequest.PUT(path, Map.of("affiliation", "CONTRACTOR_NDA",
                "ndaSignedOn", LocalDate.now().plusDays(3).toString())).header("If-Match", etag), sec, "ndaSignedOn");
        assertViolation(HttpRequest.PUT(path, Map.of("affiliation", "CONTRACTOR_NDA", "ndaSignedOn", "2026/01/15"))
                .header("If-Match", etag), sec, "ndaSignedOn");
        assertViolation(HttpRequest.PUT(path, Map.of("affiliation", "STAFF", "ndaSignedOn", "2026-01-15"))
                .header("If-Match", etag), sec, "ndaSignedOn");
        assertThat(users.find(tenantA().id(), contractor.userId()).orElseThrow().affiliation()).isEqualTo(Affiliation.STAFF);

        HttpResponse<Map> ok = exchange(HttpRequest.PUT(path, Map.of("affiliation", "CONTRACTOR_NDA",
                "ndaSignedOn", "2026-01-15")).header("If-Match", etag), sec, Map.class);
        assertThat(ok.body().get("affiliation")).isEqualTo("CONTRACTOR_NDA");
        assertThat(ok.body().get("ndaSignedOn")).isEqualTo("2026-01-15");
        AppUser stored = users.find(tenantA().id(), contractor.userId()).orElseThrow();
        assertThat(stored.affiliation()).isEqualTo(Affiliation.CONTRACTOR_NDA);
        assertThat(stored.ndaSignedOn()).isEqualTo(LocalDate.of(2026, 1, 15));
        // the old ETag is stale now
        assertThat(error(HttpRequest.PUT(path, Map.of("affiliation", "STAFF")).header("If-Match", etag).bearerAuth(sec))
                .code()).isEqualTo(412);
        // and the change is audited
        assertThat(auditActions(tenantA().id())).contains("user.affiliation-changed");
    }

    @Test
    void affiliationIsTheSecretariatAdminsNotTheUsersOwnNorAnotherTenants() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        TestUser secretary = person(tenantA(), Role.SECRETARIAT_ADMIN);
        Map<String, String> body = Map.of("affiliation", "STAFF");
        // nobody changes their own affiliation (a contractor admin cannot make itself staff)
        assertThat(error(HttpRequest.PUT("/api/v1/users/" + secretary.userId() + "/affiliation", body)
                .header("If-Match", "*").bearerAuth(token(secretary))).code()).isEqualTo(409);
        // operator admins and secretariat staff do not set it
        long member = createMember(sec);
        TestUser staff = person(tenantA(), Role.OPERATOR_STAFF, member);
        assertThat(error(HttpRequest.PUT("/api/v1/users/" + staff.userId() + "/affiliation", body).header("If-Match", "*")
                .bearerAuth(token(person(tenantA(), Role.OPERATOR_ADMIN, member)))).code()).isEqualTo(403);
        assertThat(error(HttpRequest.PUT("/api/v1/users/" + staff.userId() + "/affiliation", body).header("If-Match", "*")
                .bearerAuth(token(person(tenantA(), Role.SECRETARIAT_STAFF)))).code()).isEqualTo(403);
        // another CEPTOAR's secretariat gets 404 for this tenant's user
        assertThat(error(HttpRequest.PUT("/api/v1/users/" + staff.userId() + "/affiliation", body).header("If-Match", "*")
                .bearerAuth(token(person(tenantB(), Role.SECRETARIAT_ADMIN)))).code()).isEqualTo(404);
        // the platform admin sets national users' affiliation
        TestUser officer = nationalPerson(Role.MINISTRY_OFFICER, "MLIT");
        assertThat(exchange(HttpRequest.PUT("/api/v1/users/" + officer.userId() + "/affiliation",
                Map.of("affiliation", "CONTRACTOR")).header("If-Match", "*"), platformAdminToken(), Map.class).code())
                .isEqualTo(200);
    }

    private void assertViolation(MutableHttpRequest<?> request, String token, String field) {
        HttpResponse<Map> r = error(request.bearerAuth(token));
        assertThat(r.code()).as(r.getBody(Map.class).toString()).isEqualTo(400);
        assertThat((List<Map>) r.getBody(Map.class).orElseThrow().get("violations"))
                .extracting(v -> v.get("field")).contains(field);
    }

    private List<String> auditActions(long tenantId) {
        return jdbc.execute(conn -> {
            try (var ps = conn.prepareStatement("SELECT action FROM audit_log WHERE tenant_id = ?")) {
                ps.setLong(1, tenantId);
                List<String> out = new ArrayList<>();
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }
}
