package jp.ceptoarhub.tenancy;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.identity.KeycloakAdmin;
import jp.ceptoarhub.testing.IntegrationTest;
import jp.ceptoarhub.testing.KeycloakLogin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 item 5: denied attempts of signed-in callers land in a trail platform admins read
 * ({@code GET /api/v1/platform/access-denials}), counted per caller, route, reason and minute; a flood of them
 * neither grows nor waits on the tenant's audit chain.
 */
@MicronautTest(transactional = false)
class AccessDenialTrailTest extends IntegrationTest {
    @Inject
    KeycloakAdmin keycloakAdmin;

    Tenant tenant;
    TestUser operator;
    String secretariat;

    @BeforeAll
    void setUp() {
        tenant = newTenant("拒否記録CEPTOAR");
        operator = person(tenant, Role.OPERATOR_STAFF);
        secretariat = token(person(tenant, Role.SECRETARIAT_ADMIN));
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void aFloodOfDenialsIsCountedInOneRowPerRouteAndMinuteAndStaysOffTheAuditChain() throws Exception {
        String op = token(operator);
        long auditBefore = auditEntries();
        int flood = 600;
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < flood; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> error(HttpRequest.GET("/api/v1/audit-log").bearerAuth(op)).code()));
        }
        for (int i = 0; i < 3; i++) {
            assertThat(error(HttpRequest.GET("/api/v1/platform/tenants/" + tenant.id()).bearerAuth(op)).code()).isEqualTo(403);
        }
        assertThat(calls.stream().map(CompletableFuture::join).toList()).allMatch(code -> code == 403);

        List<Map> rows = denials("?tenantId=" + tenant.id());
        List<Map> mine = rows.stream().filter(r -> operator.username().equals(r.get("username"))).toList();
        assertThat(mine).filteredOn(r -> "/api/v1/audit-log".equals(r.get("route")))
                .as("one row per minute the flood spanned").hasSizeBetween(1, 3)
                .allSatisfy(r -> {
                    assertThat(r.get("status")).isEqualTo(403);
                    assertThat(r.get("reason")).isEqualTo("forbidden");
                    assertThat(r.get("role")).isEqualTo("operator-staff");
                    assertThat(r.get("tenantCode")).isEqualTo(tenant.code());
                });
        assertThat(mine.stream().filter(r -> "/api/v1/audit-log".equals(r.get("route")))
                .mapToLong(r -> ((Number) r.get("count")).longValue()).sum()).isEqualTo(flood);
        assertThat(mine).anySatisfy(r -> assertThat(r.get("route")).isEqualTo("/api/v1/platform/tenants/{id}"));
        assertThat(auditEntries()).as("the tenant's audit chain").isEqualTo(auditBefore);
    }

    @Test
    @SuppressWarnings("rawtypes")
    void aTokenWithoutTheSecondFactorItsRoleNeedsIsCounted() throws Exception {
        Tenant loose = newTenant("拒否記録CEPTOAR（緩和）");
        RealmRepresentation binding = new RealmRepresentation();
        binding.setBrowserFlow("browser");
        keycloakAdmin.client().realm(loose.realmName()).update(binding);
        TestUser staff = person(loose, Role.SECRETARIAT_STAFF);
        String withoutSecondFactor = new KeycloakLogin(keycloakUrl()).login(loose.realmName(), staff.username(), PASSWORD)
                .accessToken();
        assertThat(error(HttpRequest.GET("/api/v1/me").bearerAuth(withoutSecondFactor)).code()).isEqualTo(401);

        assertThat(denials("?tenantId=" + loose.id())).anySatisfy(r -> {
            assertThat(r.get("username")).isEqualTo(staff.username());
            assertThat(r.get("status")).isEqualTo(401);
            assertThat(r.get("reason")).isEqualTo("second-factor-required");
        });
    }

    @Test
    @SuppressWarnings("rawtypes")
    void onlyPlatformAdminsReadTheTrailAndBadInputIsNamed() {
        for (String token : List.of(secretariat, token(operator), token(person(national(), Role.NISC_ANALYST)))) {
            assertThat(error(HttpRequest.GET("/api/v1/platform/access-denials").bearerAuth(token)).code()).isEqualTo(403);
        }
        HttpResponse<Map> since = error(HttpRequest.GET("/api/v1/platform/access-denials?since=yesterday")
                .bearerAuth(platformAdminToken()));
        assertThat(since.code()).isEqualTo(400);
        assertThat(since.getBody(Map.class).orElseThrow().toString()).contains("since");
        assertThat(error(HttpRequest.GET("/api/v1/platform/access-denials?limit=0").bearerAuth(platformAdminToken()))
                .code()).isEqualTo(400);
        assertThat(denials("?since=2999-01-01T00:00:00Z")).isEmpty();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private List<Map> denials(String query) {
        List<Map> all = new ArrayList<>();
        String cursor = null;
        do {
            String sep = query.isEmpty() ? "?" : "&";
            Map page = get("/api/v1/platform/access-denials" + query + sep + "limit=200"
                    + (cursor == null ? "" : "&cursor=" + cursor), platformAdminToken());
            all.addAll((List<Map>) page.get("items"));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        return all;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private long auditEntries() {
        long n = 0;
        String cursor = null;
        do {
            Map page = get("/api/v1/audit-log?limit=200" + (cursor == null ? "" : "&cursor=" + cursor), secretariat);
            n += ((List) page.get("items")).size();
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        return n;
    }
}
