package jp.ceptoarhub.members;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Inject;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.testing.IntegrationTest;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Two CEPTOAR tenants created through the platform API, and helpers to create members through the API. */
abstract class MembersTestSupport extends IntegrationTest {
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

    @SuppressWarnings("rawtypes")
    private Tenant createTenant() {
        return newTenant("試験CEPTOAR");
    }

    protected String nisc() {
        return token(person(national(), Role.NISC_ANALYST));
    }

    protected static String corporateNumber() {
        StringBuilder base = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            base.append(ThreadLocalRandom.current().nextInt(10));
        }
        return OrganisationCodes.corporateCheckDigit(base.toString()) + base.toString();
    }

    protected static String localGovernmentCode() {
        String first5 = String.format("%05d", ThreadLocalRandom.current().nextInt(1000, 48000));
        return first5 + OrganisationCodes.localGovernmentCheckDigit(first5);
    }

    protected static Map<String, Object> memberBody(String corporateNumber) {
        Map<String, Object> body = new HashMap<>();
        body.put("nameJa", "東都電力株式会社");
        body.put("nameKana", "トウトデンリョクカブシキガイシャ");
        body.put("nameEn", "Toto Electric Power Co., Inc.");
        body.put("corporateNumber", corporateNumber);
        body.put("sectorCode", "ELECTRICITY");
        body.put("employeeBand", "1000-to-under-5000");
        body.put("capitalBand", "300m-or-more");
        body.put("membershipKind", "MEMBER");
        body.put("address", "東京都千代田区霞が関1-1-1");
        body.put("notes", "事務局メモ");
        return body;
    }

    @SuppressWarnings("rawtypes")
    protected long createMember(String token, Map<String, Object> body) {
        HttpResponse<Map> r = exchange(HttpRequest.POST("/api/v1/members", body), token, Map.class);
        assertThat(r.code()).isEqualTo(201);
        return ((Number) r.body().get("id")).longValue();
    }

    protected long createMember(String token) {
        return createMember(token, memberBody(corporateNumber()));
    }

    protected long countMembers(Tenant tenant) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT COUNT(*) FROM member_operator WHERE tenant_id = ?")) {
                ps.setLong(1, tenant.id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
