package jp.ceptoarhub.testing;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Inject;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.members.OrganisationCodes;
import jp.ceptoarhub.tenancy.Tenant;

import java.util.HashMap;
import java.util.List;
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

    /** The ids of a listing page's items (tombstones included). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    protected static List<Long> ids(Map page) {
        return ((List<Map>) page.get("items")).stream().map(c -> ((Number) c.get("id")).longValue()).toList();
    }

    /**
     * A phone's delta sync read one item per page ({@code limit=1}, following {@code nextCursor}): the ids of every
     * page in order. Asserts that every page of the one listing carries the same {@code syncToken}.
     */
    @SuppressWarnings("rawtypes")
    protected List<Long> deltaPageByPage(String listPath, String updatedSince, String token) {
        List<Long> paged = new java.util.ArrayList<>();
        java.util.Set<String> tokens = new java.util.HashSet<>();
        String url = listPath + "?limit=1&updatedSince="
                + java.net.URLEncoder.encode(updatedSince, java.nio.charset.StandardCharsets.UTF_8);
        String cursor = null;
        do {
            Map page = get(url + (cursor == null ? "" : "&cursor=" + cursor), token);
            paged.addAll(ids(page));
            tokens.add((String) page.get("syncToken"));
            cursor = (String) page.get("nextCursor");
        } while (cursor != null);
        assertThat(tokens).as("one syncToken for every page of a listing").hasSize(1);
        return paged;
    }
}
