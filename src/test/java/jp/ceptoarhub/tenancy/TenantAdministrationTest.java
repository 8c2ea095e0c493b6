package jp.ceptoarhub.tenancy;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.identity.IdentityProvisioning;
import jp.ceptoarhub.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input, attacks and the HTTP contract (problem+json, Idempotency-Key, ETag/If-Match, cursors) on tenants. */
@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class TenantAdministrationTest extends IntegrationTest {
    @Inject
    JdbcOperations jdbc;
    @Inject
    IdentityProvisioning keycloak;

    private Map<String, Object> body(String code) {
        Map<String, Object> b = new HashMap<>();
        b.put("code", code);
        b.put("nameJa", "自治体CEPTOAR（試験）");
        b.put("nameEn", "Local Government CEPTOAR (test)");
        b.put("ceptoarCode", "LOCAL_GOVERNMENT_CEPTOAR");
        b.put("firstAdmin", Map.of("username", "admin-" + code, "email", "admin-" + code + "@example.jp"));
        return b;
    }

    private long count(String sql, Object... params) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private HttpResponse<Map> create(Map<String, Object> body) {
        return http.toBlocking().exchange(HttpRequest.POST("/api/v1/platform/tenants", body)
                .bearerAuth(platformAdminToken()), Map.class);
    }

    @Test
    void malformedCodeIsRefusedWithAProblemNamingTheFieldAndNothingIsCreated() {
        long tenantsBefore = count("SELECT COUNT(*) FROM tenant");
        for (String bad : List.of("A", "Bad_Code", "1starts-with-digit", "ends-with-", "x".repeat(40), "national")) {
            HttpResponse<Map> r = error(HttpRequest.POST("/api/v1/platform/tenants", body(bad)).bearerAuth(platformAdminToken()));
            assertThat(r.code()).as(bad).isEqualTo(400);
            assertThat(r.getContentType().map(MediaType::toString)).contains("application/problem+json");
            List<Map> violations = (List<Map>) r.getBody(Map.class).orElseThrow().get("violations");
            assertThat(violations).as(bad).extracting(v -> v.get("field")).anySatisfy(f -> assertThat((String) f).endsWith("code"));
            assertThat(keycloak.realmExists("ceptoar-" + bad.toLowerCase())).isFalse();
        }
        assertThat(count("SELECT COUNT(*) FROM tenant")).isEqualTo(tenantsBefore);
    }

    @Test
    void missingAndInvalidFieldsAreNamed() {
        Map<String, Object> b = body(unique("t"));
        b.remove("nameJa");
        b.put("firstAdmin", Map.of("username", "ok-name", "email", "not-an-email"));
        b.put("ceptoarCode", "NO_SUCH_CEPTOAR");
        HttpResponse<Map> r = error(HttpRequest.POST("/api/v1/platform/tenants", b).bearerAuth(platformAdminToken()));
        assertThat(r.code()).isEqualTo(400);
        List<Map> violations = (List<Map>) r.getBody(Map.class).orElseThrow().get("violations");
        assertThat(violations).extracting(v -> (String) v.get("field"))
                .anySatisfy(f -> assertThat(f).endsWith("nameJa"))
                .anySatisfy(f -> assertThat(f).endsWith("email"));

        Map<String, Object> unknownCeptoar = body(unique("t"));
        unknownCeptoar.put("ceptoarCode", "NO_SUCH_CEPTOAR");
        HttpResponse<Map> r2 = error(HttpRequest.POST("/api/v1/platform/tenants", unknownCeptoar).bearerAuth(platformAdminToken()));
        assertThat(r2.code()).isEqualTo(400);
        assertThat((List<Map>) r2.getBody(Map.class).orElseThrow().get("violations"))
                .extracting(v -> v.get("field")).containsExactly("ceptoarCode");
    }

    @Test
    void takenCodeIsAConflictAndTheExistingRealmIsUntouched() {
        String code = unique("t");
        create(body(code));
        platformAdminToken();
        long users = count("SELECT COUNT(*) FROM app_user");
        HttpResponse<Map> r = error(HttpRequest.POST("/api/v1/platform/tenants", body(code)).bearerAuth(platformAdminToken()));
        assertThat(r.code()).isEqualTo(409);
        assertThat(keycloak.realmExists("ceptoar-" + code)).isTrue();
        assertThat(count("SELECT COUNT(*) FROM tenant WHERE code = ?", code)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM app_user")).isEqualTo(users);
    }

    @Test
    void aDatabaseFailureAfterKeycloakSucceededLeavesNothingBehindInKeycloak() {
        // Another row already holds the realm name this tenant would get: the database refuses after the realm and
        // the first admin were created in Keycloak, so both must be removed again.
        String code = unique("t");
        jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO tenant (code, kind, name_ja, name_en, realm_name, "
                    + "issuer, status, created_at, updated_at) VALUES (?, 'CEPTOAR', 'x', 'x', ?, ?, 'SUSPENDED', ?, ?)")) {
                ps.setString(1, "other-" + code);
                ps.setString(2, "ceptoar-" + code);
                ps.setString(3, "http://nowhere/" + UUID.randomUUID());
                ps.setObject(4, java.sql.Timestamp.from(Instant.now()));
                ps.setObject(5, java.sql.Timestamp.from(Instant.now()));
                return ps.executeUpdate();
            }
        });
        String admin = platformAdminToken();
        long users = count("SELECT COUNT(*) FROM app_user");
        HttpResponse<Map> r = error(HttpRequest.POST("/api/v1/platform/tenants", body(code)).bearerAuth(admin));
        assertThat(r.code()).isEqualTo(409);
        assertThat(keycloak.realmExists("ceptoar-" + code)).as("realm removed by compensation").isFalse();
        assertThat(count("SELECT COUNT(*) FROM tenant WHERE code = ?", code)).isZero();
        assertThat(count("SELECT COUNT(*) FROM app_user")).isEqualTo(users);
    }

    @Test
    void onlyPlatformAdminsOfTheNationalTenantManageTenants() {
        var tenant = newTenant("権限試験CEPTOAR");
        String secretariat = token(person(tenant, Role.SECRETARIAT_ADMIN));
        String analyst = token(person(national(), Role.NISC_ANALYST));
        for (String token : List.of(secretariat, analyst)) {
            assertThat(error(HttpRequest.POST("/api/v1/platform/tenants", body(unique("t"))).bearerAuth(token)).code()).isEqualTo(403);
            assertThat(error(HttpRequest.GET("/api/v1/platform/tenants").bearerAuth(token)).code()).isEqualTo(403);
            assertThat(error(HttpRequest.GET("/api/v1/platform/tenants/" + tenant.id()).bearerAuth(token)).code()).isEqualTo(403);
            assertThat(error(HttpRequest.POST("/api/v1/platform/tenants/" + tenant.id() + "/suspend", "").bearerAuth(token)).code()).isEqualTo(403);
        }
        assertThat(tenants.findById(tenant.id()).orElseThrow().status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(error(HttpRequest.GET("/api/v1/platform/tenants/999999999").bearerAuth(platformAdminToken())).code()).isEqualTo(404);
    }

    @Test
    void idempotencyKeyReplaysTheFirstResultAndRefusesADifferentBody() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> b = body(unique("t"));
        HttpResponse<Map> first = http.toBlocking().exchange(HttpRequest.POST("/api/v1/platform/tenants", b)
                .header("Idempotency-Key", key).bearerAuth(platformAdminToken()), Map.class);
        HttpResponse<Map> replay = http.toBlocking().exchange(HttpRequest.POST("/api/v1/platform/tenants", b)
                .header("Idempotency-Key", key).bearerAuth(platformAdminToken()), Map.class);
        assertThat(replay.code()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.body().get("id")).isEqualTo(first.body().get("id"));
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
        assertThat(replay.header("ETag")).isEqualTo(first.header("ETag"));
        // The one-time password is shown once; the stored copy for replays does not keep it.
        assertThat((Map) first.body().get("firstAdmin")).containsKey("temporaryPassword");
        assertThat((Map) replay.body().get("firstAdmin")).doesNotContainKey("temporaryPassword");
        assertThat(count("SELECT COUNT(*) FROM idempotency_record WHERE response_body LIKE '%temporaryPassword%'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM tenant WHERE code = ?", b.get("code"))).isEqualTo(1);

        HttpResponse<Map> reused = error(HttpRequest.POST("/api/v1/platform/tenants", body(unique("t")))
                .header("Idempotency-Key", key).bearerAuth(platformAdminToken()));
        assertThat(reused.code()).isEqualTo(422);
    }

    @Test
    void updatesNeedTheCurrentETag() {
        var tenant = newTenant("更新試験CEPTOAR");
        String path = "/api/v1/platform/tenants/" + tenant.id();
        HttpResponse<Map> current = http.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(platformAdminToken()), Map.class);
        String etag = current.header("ETag");

        assertThat(error(HttpRequest.PATCH(path, Map.of("staleAfterDays", 90)).bearerAuth(platformAdminToken())).code())
                .as("no If-Match").isEqualTo(428);
        HttpResponse<Map> ok = http.toBlocking().exchange(HttpRequest.PATCH(path, Map.of("staleAfterDays", 90, "nameEn", "Renamed"))
                .header("If-Match", etag).bearerAuth(platformAdminToken()), Map.class);
        assertThat(ok.body().get("staleAfterDays")).isEqualTo(90);
        assertThat(ok.header("ETag")).isNotEqualTo(etag);

        HttpResponse<Map> stale = error(HttpRequest.PATCH(path, Map.of("staleAfterDays", 30))
                .header("If-Match", etag).bearerAuth(platformAdminToken()));
        assertThat(stale.code()).isEqualTo(412);
        assertThat(stale.getBody(Map.class).orElseThrow().get("currentEtag")).isEqualTo(ok.header("ETag"));
        assertThat(tenants.findById(tenant.id()).orElseThrow().staleAfterDays()).isEqualTo(90);

        assertThat(error(HttpRequest.PATCH(path, Map.of("staleAfterDays", 1)).header("If-Match", ok.header("ETag"))
                .bearerAuth(platformAdminToken())).code()).as("out of range").isEqualTo(400);
    }

    @Test
    void twoEditorsWithTheSameETagAtTheSameMomentGetOneSuccessAndOneStaleVersion() throws Exception {
        var tenant = newTenant("同時更新試験CEPTOAR");
        String path = "/api/v1/platform/tenants/" + tenant.id();
        String admin = platformAdminToken();
        String etag = http.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(admin), Map.class).header("ETag");
        List<Integer> statuses = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<Thread> editors = new java.util.ArrayList<>();
        for (int days : List.of(60, 120)) {
            editors.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    var request = HttpRequest.PATCH(path, Map.of("staleAfterDays", days)).header("If-Match", etag).bearerAuth(admin);
                    statuses.add(http.toBlocking().exchange(request, Map.class).code());
                } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
                    statuses.add(e.getStatus().getCode());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        start.countDown();
        for (Thread t : editors) {
            t.join();
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 412);
    }

    @Test
    void tenantListIsCursorPaginatedWithoutRepeatsOrGaps() {
        newTenant("一覧試験1");
        newTenant("一覧試験2");
        newTenant("一覧試験3");
        List<Object> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            String path = "/api/v1/platform/tenants?limit=2" + (cursor == null ? "" : "&cursor=" + cursor);
            Map page = http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(platformAdminToken()), Map.class);
            List<Map> items = (List<Map>) page.get("items");
            assertThat(items.size()).isLessThanOrEqualTo(2);
            items.forEach(i -> seen.add(i.get("id")));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat((long) seen.size()).isEqualTo(count("SELECT COUNT(*) FROM tenant"));
        assertThat(error(HttpRequest.GET("/api/v1/platform/tenants?cursor=not-a-cursor").bearerAuth(platformAdminToken())).code()).isEqualTo(400);
        assertThat(error(HttpRequest.GET("/api/v1/platform/tenants?limit=0").bearerAuth(platformAdminToken())).code()).isEqualTo(400);
    }
}
