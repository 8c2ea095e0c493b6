package jp.ceptoarhub.members;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class FreshnessDashboardTest extends MembersTestSupport {

    @Test
    void dashboardReportsPerRecordTypeStatusLastActivityAndPicksUpProviders() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long current = createMember(sec);
        long stale = createMember(sec);
        long incomplete = createMember(sec);
        long none = createMember(sec);
        Instant now = Instant.now();
        // current: a complete call tree changed long ago but confirmed three days ago; stale: complete, changed 181
        // days ago; incomplete: changed yesterday, a primary PoC only. Times are moved behind the API's back.
        callTree(sec, current, true);
        callTree(sec, stale, true);
        callTree(sec, incomplete, false);
        exchange(HttpRequest.POST("/api/v1/members/" + current + "/contacts/confirm", Map.of()), sec, Map.class);
        age("contact", "updated_at", current, now.minus(Duration.ofDays(400)));
        age("record_confirmation", "confirmed_at", current, now.minus(Duration.ofDays(3)));
        age("contact", "updated_at", stale, now.minus(Duration.ofDays(181)));
        age("contact", "updated_at", incomplete, now.minus(Duration.ofDays(1)));
        var op = person(tenantA(), Role.OPERATOR_STAFF, current);
        get("/api/v1/me", token(op)); // makes the operator user "last active"

        Map d = get("/api/v1/members/freshness", sec);
        assertThat(((Number) d.get("staleAfterDays")).intValue()).isEqualTo(180);
        List<Map> types = (List<Map>) d.get("recordTypes");
        assertThat(types.stream().map(t -> t.get("code")).toList())
                .containsExactly("contacts", "suppliers", "cloud-services", "critical-services", "continuity-plans",
                        "self-assessment");
        assertThat(types).as("every record type reports real values").allSatisfy(t ->
                assertThat(t.get("available")).as((String) t.get("code")).isEqualTo(true));

        Map<Long, Map> rows = new HashMap<>();
        for (Map r : (List<Map>) d.get("items")) {
            rows.put(((Number) r.get("memberId")).longValue(), r);
        }
        assertThat(contacts(rows.get(current)).get("status")).isEqualTo("CURRENT");
        assertThat(contacts(rows.get(stale)).get("status")).isEqualTo("STALE");
        assertThat(contacts(rows.get(incomplete)).get("status")).isEqualTo("INCOMPLETE");
        assertThat(contacts(rows.get(none)).get("status")).isEqualTo("MISSING");
        // record types whose features have not landed are MISSING for everyone, so every member is MISSING overall
        assertThat(((List<Map>) rows.get(current).get("records")).get(1).get("status")).isEqualTo("MISSING");
        assertThat(rows.get(current).get("status")).isEqualTo("MISSING");
        assertThat(rows.get(current).get("lastActiveUsername")).isEqualTo(op.username());
        assertThat(rows.get(stale)).doesNotContainKey("lastActiveAt");

        // filter on one record type's status, and sort
        List<Long> staleContacts = memberIds(get("/api/v1/members/freshness?recordType=contacts&status=STALE", sec));
        assertThat(staleContacts).containsExactly(stale);
        List<Long> byActivity = memberIds(get("/api/v1/members/freshness?sort=-lastActive", sec));
        assertThat(byActivity.getFirst()).isEqualTo(current);
        assertThat(error(HttpRequest.GET("/api/v1/members/freshness?status=OLD").bearerAuth(sec)).code()).isEqualTo(400);
        assertThat(error(HttpRequest.GET("/api/v1/members/freshness?sort=size").bearerAuth(sec)).code()).isEqualTo(400);

        // CSV export, by Accept header and by ?format=csv
        HttpResponse<String> csv = http.toBlocking().exchange(HttpRequest.GET("/api/v1/members/freshness")
                .accept("text/csv").bearerAuth(sec), String.class);
        assertThat(csv.getContentType().orElseThrow().getName()).isEqualTo("text/csv");
        String body = csv.body();
        assertThat(body).startsWith("\uFEFFmemberId,nameJa,nameKana");
        assertThat(body).contains("contacts.status").contains(current + ",東都電力株式会社");
        assertThat(body.lines().count()).isEqualTo(1 + ((List) get("/api/v1/members/freshness", sec).get("items")).size());
        String csv2 = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/members/freshness?format=csv").bearerAuth(sec));
        assertThat(csv2).startsWith("\uFEFFmemberId");
    }

    @Test
    void onlyTheTenantsSecretariatSeesItsDashboard() {
        String secA = token(person(tenantA(), Role.SECRETARIAT_STAFF));
        String secB = token(person(tenantB(), Role.SECRETARIAT_ADMIN));
        long idB = createMember(secB);
        long idA = createMember(secA);
        assertThat(memberIds(get("/api/v1/members/freshness", secA))).contains(idA).doesNotContain(idB);
        assertThat(error(HttpRequest.GET("/api/v1/members/freshness").bearerAuth(nisc())).code()).isEqualTo(403);
        String op = token(person(tenantA(), Role.OPERATOR_ADMIN, idA));
        assertThat(error(HttpRequest.GET("/api/v1/members/freshness").bearerAuth(op)).code()).isEqualTo(403);
        assertThat(error(HttpRequest.GET("/api/v1/members/freshness?format=csv").bearerAuth(op)).code()).isEqualTo(403);
    }

    /** Contacts of the member: a primary and a deputy for PoC and incident contact, or a primary PoC only. */
    private void callTree(String token, long memberId, boolean complete) {
        for (String order : complete ? List.of("PRIMARY", "DEPUTY") : List.of("PRIMARY")) {
            Map<String, Object> contact = Map.of("nameJa", "山田 太郎", "nameKana", "ヤマダ タロウ", "role", "CISO",
                    "functions", List.of(Map.of("function", "POC", "order", order),
                            Map.of("function", "INCIDENT_CONTACT", "order", order)),
                    "channels", List.of(Map.of("type", "MOBILE", "value", "090-1234-5678")), "availability", "H24");
            exchange(HttpRequest.POST("/api/v1/members/" + memberId + "/contacts", contact), token, Map.class);
        }
    }

    private void age(String table, String column, long memberId, Instant at) {
        execute("UPDATE " + table + " SET " + column + " = ? WHERE member_operator_id = ?", Timestamp.from(at),
                memberId);
    }

    private static Map contacts(Map row) {
        return ((List<Map>) row.get("records")).getFirst();
    }

    private static List<Long> memberIds(Map d) {
        return ((List<Map>) d.get("items")).stream().map(r -> ((Number) r.get("memberId")).longValue()).toList();
    }
}
