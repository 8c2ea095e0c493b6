package jp.ceptoarhub.tenancy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.identity.KeycloakAdmin;
import jp.ceptoarhub.testing.IntegrationTest;
import jp.ceptoarhub.testing.KeycloakLogin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code POST /api/v1/users/{id}/second-factor-reset} (a lost phone) over its whole audience: who may reset whose
 * second factor, across tenants; what a reset does (OTP gone, sessions and tokens ended, enrolment at the next
 * sign-in); where it is audited.
 */
@MicronautTest(transactional = false)
class SecondFactorResetTest extends IntegrationTest {
    @Inject
    KeycloakAdmin keycloakAdmin;

    Tenant tenantA;
    Tenant tenantB;
    TestUser adminA;
    String adminAToken;

    @BeforeAll
    void setUp() {
        tenantA = newTenant("リセット試験CEPTOAR（A）");
        tenantB = newTenant("リセット試験CEPTOAR（B）");
        adminA = person(tenantA, Role.SECRETARIAT_ADMIN);
        adminAToken = token(adminA);
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void aSecretariatAdminResetsAStaffMembersSecondFactorWhoThenEnrolsAgain() throws Exception {
        TestUser staff = person(tenantA, Role.SECRETARIAT_STAFF);
        String before = token(staff);
        assertThat(otpCount(tenantA, staff)).isEqualTo(1);

        HttpResponse<?> reset = http.toBlocking().exchange(resetOf(staff.userId()).bearerAuth(adminAToken));

        assertThat(reset.code()).isEqualTo(204);
        assertThat(otpCount(tenantA, staff)).isZero();
        assertThat(error(HttpRequest.GET("/api/v1/me").bearerAuth(before)).code()).as("token held before").isEqualTo(401);
        KeycloakLogin.forgetAuthenticator(tenantA.realmName(), staff.username());
        assertThatThrownBy(() -> new KeycloakLogin(keycloakUrl()).loginWithPasswordOnly(tenantA.realmName(),
                staff.username(), PASSWORD)).isInstanceOf(KeycloakLogin.SecondFactorDemandedException.class)
                .hasMessageContaining("authenticator set-up");
        // Ending the sessions refuses tokens up to the next whole second (issue times have whole seconds).
        Thread.sleep(1_100);
        String after = new KeycloakLogin(keycloakUrl()).login(tenantA.realmName(), staff.username(), PASSWORD).accessToken();
        assertThat(get("/api/v1/me", after)).isNotNull();
        assertThat(otpCount(tenantA, staff)).isEqualTo(1);

        List<Map> log = (List<Map>) get("/api/v1/audit-log?limit=200", adminAToken).get("items");
        assertThat(log).anySatisfy(e -> {
            assertThat(e.get("action")).isEqualTo("user.second-factor-reset");
            assertThat(e.get("entityId")).isEqualTo(String.valueOf(staff.userId()));
            assertThat(e.get("actorName")).isEqualTo(adminA.username());
        });
    }

    @Test
    void aSecretariatAdminResetsOperatorsButNeitherOtherAdminsNorItselfNorAnotherTenantsPeople() {
        TestUser operator = person(tenantA, Role.OPERATOR_STAFF);
        TestUser otherAdmin = person(tenantA, Role.SECRETARIAT_ADMIN);
        TestUser staffB = person(tenantB, Role.SECRETARIAT_STAFF);

        assertThat(http.toBlocking().exchange(resetOf(operator.userId()).bearerAuth(adminAToken)).code()).isEqualTo(204);
        assertThat(error(resetOf(otherAdmin.userId()).bearerAuth(adminAToken)).code()).isEqualTo(403);
        assertThat(error(resetOf(adminA.userId()).bearerAuth(adminAToken)).code()).isEqualTo(409);
        assertThat(error(resetOf(staffB.userId()).bearerAuth(adminAToken)).code()).as("another tenant's id").isEqualTo(404);
        assertThat(error(resetOf(Long.MAX_VALUE).bearerAuth(adminAToken)).code()).isEqualTo(404);
    }

    @Test
    void othersCannotResetAnyone() {
        TestUser staff = person(tenantA, Role.SECRETARIAT_STAFF);
        TestUser target = person(tenantA, Role.OPERATOR_STAFF);
        TestUser operatorAdmin = person(tenantA, Role.OPERATOR_ADMIN);
        TestUser analyst = person(national(), Role.NISC_ANALYST);
        for (TestUser caller : List.of(staff, operatorAdmin, analyst)) {
            assertThat(error(resetOf(target.userId()).bearerAuth(token(caller))).code()).as(caller.username()).isEqualTo(403);
        }
        assertThat(error(resetOf(target.userId())).code()).as("anonymous").isEqualTo(401);
        assertThat(otpCount(tenantA, staff)).isEqualTo(1);
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void aPlatformAdminResetsSecretariatAdminsAndNationalPeopleAndTheActionIsInTheNationalTrail() {
        TestUser adminB = person(tenantB, Role.SECRETARIAT_ADMIN);
        token(adminB);
        TestUser operatorB = person(tenantB, Role.OPERATOR_STAFF);
        TestUser analyst = person(national(), Role.NISC_ANALYST);
        token(analyst);
        String platform = platformAdminToken();

        assertThat(http.toBlocking().exchange(resetOf(adminB.userId()).bearerAuth(platform)).code()).isEqualTo(204);
        assertThat(otpCount(tenantB, adminB)).isZero();
        assertThat(http.toBlocking().exchange(resetOf(analyst.userId()).bearerAuth(platform)).code()).isEqualTo(204);
        assertThat(error(resetOf(operatorB.userId()).bearerAuth(platform)).code()).isEqualTo(403);
        long niscSystem = users.usersOf(national().id()).stream().filter(u -> u.role().equals("nisc-system"))
                .findFirst().orElseThrow().id();
        assertThat(error(resetOf(niscSystem).bearerAuth(platform)).code()).isEqualTo(409);

        List<Map> national = (List<Map>) get("/api/v1/audit-log?limit=200", platform).get("items");
        assertThat(national).anySatisfy(e -> {
            assertThat(e.get("action")).isEqualTo("user.second-factor-reset");
            assertThat(e.get("entityId")).isEqualTo(String.valueOf(adminB.userId()));
            assertThat((String) e.get("details")).contains("tenantId=" + tenantB.id());
        });
        String secretariatB = token(person(tenantB, Role.SECRETARIAT_ADMIN));
        List<Map> tenantLog = (List<Map>) get("/api/v1/audit-log?limit=200", secretariatB).get("items");
        assertThat(tenantLog).anySatisfy(e -> {
            assertThat(e.get("action")).isEqualTo("user.second-factor-reset");
            assertThat(e.get("entityId")).isEqualTo(String.valueOf(adminB.userId()));
        });
    }

    @Test
    @SuppressWarnings("rawtypes")
    void aMalformedIdIsABadRequestNamingIt() {
        HttpResponse<Map> bad = error(HttpRequest.POST("/api/v1/users/abc/second-factor-reset", "").bearerAuth(adminAToken));
        assertThat(bad.code()).isEqualTo(400);
        assertThat(bad.getBody(Map.class).orElseThrow().toString()).contains("id");
    }

    private static MutableHttpRequest<?> resetOf(long userId) {
        return HttpRequest.POST("/api/v1/users/" + userId + "/second-factor-reset", "");
    }

    private long otpCount(Tenant t, TestUser user) {
        return keycloakAdmin.client().realm(t.realmName()).users().get(user.subject()).credentials().stream()
                .filter(c -> "otp".equals(c.getType())).count();
    }
}
