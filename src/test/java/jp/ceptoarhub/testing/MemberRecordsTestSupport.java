package jp.ceptoarhub.testing;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Inject;
import jp.ceptoarhub.identity.Role;
import jp.ceptoarhub.members.OrganisationCodes;
import jp.ceptoarhub.tenancy.Tenant;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Base of the readiness-record tests: two tenants, members created through the API, a NISC analyst. */
@SuppressWarnings({"rawtypes", "unchecked"})
public abstract class MemberRecordsTestSupport extends IntegrationTest {
    @Inject
    protected JdbcOperations jdbc;

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
        String corporateNumber = OrganisationCodes.corporateCheckDigit(base.toString()) + base.toString();
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
}
