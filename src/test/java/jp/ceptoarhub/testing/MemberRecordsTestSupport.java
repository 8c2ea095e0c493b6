package jp.ceptoarhub.testing;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Inject;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.members.OrganisationCodes;
import jp.ceptoarhub.tenancy.Tenant;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the tests of member operators and their readiness records: two tenants, members created through the API,
 * a NISC analyst, and what the tests read back (rows, ETags, the fields a problem names, delta-sync pages).
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public abstract class MemberRecordsTestSupport extends IntegrationTest {
    @Inject
    protected JdbcOperations jdbc;

    private Tenant tenantA;
    private Tenant tenantB;

    protected synchronized Tenant tenantA() {
        if (tenantA == null) {
            tenantA = newTenant("試験CEPTOAR");
        }
        return tenantA;
    }

    protected synchronized Tenant tenantB() {
        if (tenantB == null) {
            tenantB = newTenant("試験CEPTOAR");
        }
        return tenantB;
    }

    protected String nisc() {
        return token(person(national(), Role.NISC_ANALYST));
    }

    /** A random 法人番号 with a valid check digit. */
    protected static String corporateNumber() {
        StringBuilder base = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            base.append(ThreadLocalRandom.current().nextInt(10));
        }
        return OrganisationCodes.corporateCheckDigit(base.toString()) + base.toString();
    }

    protected long createMember(String secretariatToken) {
        Map<String, Object> body = new HashMap<>();
        body.put("nameJa", "東都電力株式会社");
        body.put("nameKana", "トウトデンリョクカブシキガイシャ");
        body.put("corporateNumber", corporateNumber());
        body.put("sectorCode", "ELECTRICITY");
        body.put("membershipKind", "MEMBER");
        return createMember(secretariatToken, body);
    }

    protected long createMember(String secretariatToken, Map<String, Object> body) {
        HttpResponse<Map> r = exchange(HttpRequest.POST("/api/v1/members", body), secretariatToken, Map.class);
        assertThat(r.code()).isEqualTo(201);
        return ((Number) r.body().get("id")).longValue();
    }

    /** The first column of the first row of a query, e.g. a COUNT(*). */
    protected long count(String sql, Object... args) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** A statement that moves the data behind the API's back (e.g. ages a record to test staleness). */
    protected void execute(String sql, Object... args) {
        jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                bind(ps, args);
                return ps.executeUpdate();
            }
        });
    }

    /** How many history entries (shared record_change table) the member's records of these codes have. */
    protected long countChanges(long memberId, String... recordTypes) {
        List<Object> args = new ArrayList<>(List.of(memberId));
        args.addAll(List.of(recordTypes));
        return count("SELECT COUNT(*) FROM record_change WHERE member_operator_id = ? AND record_type IN ("
                + String.join(", ", Collections.nCopies(recordTypes.length, "?")) + ")", args.toArray());
    }

    protected String etagOf(String path, String token) {
        return http.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(token), Map.class).header("ETag");
    }

    /** The fields a problem response's violations name, in order. */
    protected static List<String> violationFields(HttpResponse<Map> error) {
        Map body = error.getBody(Map.class).orElseThrow();
        return ((List<Map>) body.getOrDefault("violations", List.of())).stream()
                .map(v -> (String) v.get("field")).toList();
    }

    /** The ids of a listing page's items (tombstones included). */
    protected static List<Long> ids(Map page) {
        return ((List<Map>) page.getOrDefault("items", List.of())).stream()
                .map(c -> ((Number) c.get("id")).longValue()).toList();
    }

    /**
     * A phone's delta sync read one item per page ({@code limit=1}, following {@code nextCursor}): the ids of every
     * page in order. Asserts that every page of the one listing carries the same {@code syncToken}.
     */
    protected List<Long> deltaPageByPage(String listPath, String updatedSince, String token) {
        List<Long> paged = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        String url = listPath + "?limit=1&updatedSince=" + URLEncoder.encode(updatedSince, StandardCharsets.UTF_8);
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

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }
}
