package jp.ceptoarhub.continuity;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Inject;
import jp.ceptoarhub.identity.Role;
import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.testing.IntegrationTest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Tenants, members and continuity plans created through the API, as MembersTestSupport does for members. */
@SuppressWarnings({"rawtypes", "unchecked"})
abstract class ContinuityTestSupport extends IntegrationTest {
    @Inject
    JdbcOperations jdbc;

    private Tenant tenantA;
    private Tenant tenantB;

    protected synchronized Tenant tenantA() {
        if (tenantA == null) {
            tenantA = createTenant();
        }
        return tenantA;
    }

    protected synchronized Tenant tenantB() {
        if (tenantB == null) {
            tenantB = createTenant();
        }
        return tenantB;
    }

    private Tenant createTenant() {
        return newTenant("試験CEPTOAR");
    }

    protected String nisc() {
        return token(person(national(), Role.NISC_ANALYST));
    }

    protected long createMember(String secretariatToken) {
        StringBuilder base = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            base.append(ThreadLocalRandom.current().nextInt(10));
        }
        String corporateNumber = checkDigit(base.toString()) + base.toString();
        Map<String, Object> body = new HashMap<>();
        body.put("nameJa", "東都電力株式会社");
        body.put("nameKana", "トウトデンリョクカブシキガイシャ");
        body.put("corporateNumber", corporateNumber);
        body.put("sectorCode", "ELECTRICITY");
        body.put("membershipKind", "MEMBER");
        HttpResponse<Map> r = exchange(HttpRequest.POST("/api/v1/members", body), secretariatToken, Map.class);
        assertThat(r.code()).isEqualTo(201);
        return ((Number) r.body().get("id")).longValue();
    }

    /** 法人番号 check digit of a 12-digit base (as OrganisationCodes, which is package-private to members). */
    private static int checkDigit(String base12) {
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            sum += (base12.charAt(12 - n) - '0') * (n % 2 == 1 ? 1 : 2);
        }
        return 9 - (sum % 9);
    }

    protected static String plans(long memberId) {
        return "/api/v1/members/" + memberId + "/continuity-plans";
    }

    protected static Map<String, Object> planBody(String planType, String status) {
        Map<String, Object> body = new HashMap<>();
        body.put("planType", planType);
        body.put("status", status);
        body.put("cyberScenariosCovered", "PARTIAL");
        body.put("lastReviewedOn", "2025-04-01");
        body.put("lastExercisedOn", "2025-10-15");
        body.put("nextReviewDue", java.time.LocalDate.now().plusYears(1).toString());
        body.put("ownerName", "山田 太郎");
        body.put("ownerRole", "CISO");
        body.put("scopeNotes", "送配電システム及び需給調整システム");
        return body;
    }

    protected static Map<String, Object> planBody() {
        return planBody("BCP", "bcp-only");
    }

    protected HttpResponse<Map> createPlan(String token, long memberId, Map<String, Object> body) {
        HttpResponse<Map> r = exchange(HttpRequest.POST(plans(memberId), body), token, Map.class);
        assertThat(r.code()).isEqualTo(201);
        return r;
    }

    protected long createPlanId(String token, long memberId, Map<String, Object> body) {
        return ((Number) createPlan(token, memberId, body).body().get("id")).longValue();
    }

    protected long count(String sql, Object... args) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    protected long countPlans(long memberId) {
        return count("SELECT COUNT(*) FROM continuity_plan WHERE member_operator_id = ?", memberId);
    }

    protected long countChanges(long memberId) {
        return count("SELECT COUNT(*) FROM continuity_plan_change WHERE member_operator_id = ?", memberId);
    }

    protected String etagOf(String path, String token) {
        return http.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(token), Map.class).header("ETag");
    }

    protected void execute(String sql, Object... args) {
        jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

    protected static List<String> violationFields(HttpResponse<Map> error) {
        Map body = error.getBody(Map.class).orElseThrow();
        return ((List<Map>) body.getOrDefault("violations", List.of())).stream()
                .map(v -> (String) v.get("field")).toList();
    }
}
