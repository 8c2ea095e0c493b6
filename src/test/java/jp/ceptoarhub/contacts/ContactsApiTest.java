package jp.ceptoarhub.contacts;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class ContactsApiTest extends ContactsTestSupport {

    @Test
    void createReadUpdateDeleteWithEtagsIdempotencyAndJapaneseText() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_ADMIN, member));

        Map<String, Object> body = contactBody();
        body.put("nameJa", "髙橋 𠮷子");           // IBM extension kanji and a 4-byte (non-BMP) character
        body.put("nameKana", "ﾀｶﾊｼ ﾖｼｺ");           // half-width katakana: stored as full-width
        body.put("role", "DISASTER_CRISIS_MANAGEMENT");
        body.put("department", "防災・危機管理部");
        HttpResponse<Map> created = exchange(HttpRequest.POST(contacts(member), body).header("Idempotency-Key", "k-1"),
                op, Map.class);
        assertThat(created.code()).isEqualTo(201);
        long id = ((Number) created.body().get("id")).longValue();
        String etag = created.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(created.header("Location")).isEqualTo(contacts(member) + "/" + id);
        HttpResponse<Map> replay = exchange(HttpRequest.POST(contacts(member), body).header("Idempotency-Key", "k-1"),
                op, Map.class);
        assertThat(((Number) replay.body().get("id")).longValue()).isEqualTo(id);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(countContacts(member)).isEqualTo(1);

        HttpResponse<Map> got = http.toBlocking().exchange(HttpRequest.GET(contacts(member) + "/" + id)
                .header("Accept-Language", "ja").bearerAuth(op), Map.class);
        Map c = got.body();
        assertThat(got.header("ETag")).isEqualTo(etag);
        assertThat(c.get("nameJa")).isEqualTo("髙橋 𠮷子");
        assertThat(c.get("nameKana")).isEqualTo("タカハシ ヨシコ");
        assertThat(c.get("department")).isEqualTo("防災・危機管理部");
        assertThat(c.get("notes")).isEqualTo("夜間は携帯へ連絡");
        assertThat(c.get("roleLabel")).isEqualTo("防災・危機管理");
        assertThat(c.get("availabilityLabel")).isEqualTo("24時間365日");
        assertThat(c).doesNotContainKey("availabilityHours").doesNotContainKey("deletedAt");
        assertThat(((List<Map>) c.get("functions")).getFirst()).containsEntry("function", "POC")
                .containsEntry("order", "PRIMARY").containsEntry("orderLabel", "正");
        List<Map> channels = (List<Map>) c.get("channels");
        assertThat(channels).hasSize(2);
        assertThat(channels.get(0)).containsEntry("verifiedAt", "2025-04-01");
        assertThat(channels.get(1)).doesNotContainKey("verifiedAt").containsEntry("value", "090-1234-5678");
        assertThat(count("SELECT COUNT(*) FROM contact WHERE id = ? AND name_ja = ?", id, "髙橋 𠮷子")).isEqualTo(1);
        Map en = http.toBlocking().retrieve(HttpRequest.GET(contacts(member) + "/" + id)
                .header("Accept-Language", "en-US,en;q=0.9").bearerAuth(op), Map.class);
        assertThat(en.get("roleLabel")).isEqualTo("Disaster prevention and crisis management");
        assertThat(en.get("nameJa")).isEqualTo("髙橋 𠮷子");

        // If-Match: missing → 428, wrong → 412, nothing changed either time
        Map<String, Object> patch = Map.of("department", "総務部", "availability", "BUSINESS_HOURS",
                "availabilityHours", "平日 9:00〜17:45");
        assertThat(error(HttpRequest.PATCH(contacts(member) + "/" + id, patch).bearerAuth(op)).code()).isEqualTo(428);
        assertThat(error(HttpRequest.PATCH(contacts(member) + "/" + id, patch).header("If-Match", "W/\"contact-" + id
                + "-v99\"").bearerAuth(op)).code()).isEqualTo(412);
        assertThat(count("SELECT COUNT(*) FROM contact WHERE id = ? AND department = ?", id, "防災・危機管理部")).isEqualTo(1);
        HttpResponse<Map> updated = exchange(HttpRequest.PATCH(contacts(member) + "/" + id, patch)
                .header("If-Match", etag), op, Map.class);
        assertThat(updated.body().get("department")).isEqualTo("総務部");
        assertThat(updated.body().get("availabilityHours")).isEqualTo("平日 9:00〜17:45");
        assertThat(updated.body().get("nameJa")).isEqualTo("髙橋 𠮷子");
        String etag2 = updated.header("ETag");
        assertThat(etag2).isNotEqualTo(etag);
        // the first phone still holds the old ETag: its edit is refused, not silently applied
        HttpResponse<Map> stale = error(HttpRequest.PATCH(contacts(member) + "/" + id, Map.of("notes", "上書き"))
                .header("If-Match", etag).bearerAuth(op));
        assertThat(stale.code()).isEqualTo(412);
        assertThat(stale.getBody(Map.class).orElseThrow().get("currentEtag")).isEqualTo(etag2);
        assertThat(count("SELECT COUNT(*) FROM contact WHERE id = ? AND notes = ?", id, "上書き")).isZero();

        // delete: If-Match required too; afterwards the contact is gone from reads but kept as a tombstone row
        assertThat(error(HttpRequest.DELETE(contacts(member) + "/" + id).bearerAuth(op)).code()).isEqualTo(428);
        assertThat(error(HttpRequest.DELETE(contacts(member) + "/" + id).header("If-Match", etag).bearerAuth(op))
                .code()).isEqualTo(412);
        HttpResponse<?> deleted = exchange(HttpRequest.DELETE(contacts(member) + "/" + id).header("If-Match", etag2),
                op, String.class);
        assertThat(deleted.code()).isEqualTo(204);
        assertThat(error(HttpRequest.GET(contacts(member) + "/" + id).bearerAuth(op)).code()).isEqualTo(404);
        assertThat(count("SELECT COUNT(*) FROM contact WHERE id = ? AND deleted_at IS NOT NULL", id)).isEqualTo(1);
        assertThat((List) get(contacts(member), op).get("items")).isEmpty();
    }

    @Test
    void badInputIsA400NamingTheFieldAndNothingIsWritten() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_STAFF));
        long member = createMember(sec);
        Map<String, Consumer<Map<String, Object>>> cases = new java.util.LinkedHashMap<>();
        cases.put("role", b -> b.put("role", "CEO"));
        cases.put("functions[0].function", b -> b.put("functions", List.of(Map.of("function", "CEO", "order", "PRIMARY"))));
        cases.put("functions[0].order", b -> b.put("functions", List.of(Map.of("function", "POC", "order", "FIRST"))));
        cases.put("functions[1].function", b -> b.put("functions", List.of(Map.of("function", "POC", "order", "PRIMARY"),
                Map.of("function", "POC", "order", "DEPUTY"))));
        cases.put("channels[0].value", b -> b.put("channels", List.of(Map.of("type", "EMAIL", "value", "yamada@@example"))));
        cases.put("channels[1].value", b -> b.put("channels", List.of(Map.of("type", "EMAIL", "value", "a@example.jp"),
                Map.of("type", "PHONE", "value", "12-345"))));
        cases.put("channels[0].type", b -> b.put("channels", List.of(Map.of("type", "FAX", "value", "03-1234-5678"))));
        cases.put("channels[0].verifiedAt", b -> b.put("channels", List.of(Map.of("type", "MOBILE",
                "value", "+819012345678", "verifiedAt", "2025-13-01"))));
        cases.put("channels", b -> b.put("channels", List.of()));
        cases.put("nameJa", b -> b.put("nameJa", "長".repeat(101)));
        cases.put("nameKana", b -> b.put("nameKana", "Yamada"));
        cases.put("notes", b -> b.put("notes", "x".repeat(2001)));
        cases.put("availability", b -> b.put("availability", "NIGHTS"));
        cases.put("availabilityHours", b -> b.put("availability", "BUSINESS_HOURS"));
        for (var e : cases.entrySet()) {
            Map<String, Object> body = contactBody();
            e.getValue().accept(body);
            HttpResponse<Map> r = error(HttpRequest.POST(contacts(member), body).bearerAuth(sec));
            assertThat(r.code()).as(e.getKey()).isEqualTo(400);
            assertThat(r.getContentType().orElseThrow().toString()).startsWith("application/problem+json");
            assertThat(violationFields(r)).as(e.getKey()).contains(e.getKey());
        }
        assertThat(countContacts(member)).isZero();
        assertThat(countChanges(member)).isZero();

        // the same rules on update: the stored contact stays as it was
        long id = createContactId(sec, member, contactBody());
        String etag = http.toBlocking().exchange(HttpRequest.GET(contacts(member) + "/" + id).bearerAuth(sec), Map.class)
                .header("ETag");
        HttpResponse<Map> r = error(HttpRequest.PATCH(contacts(member) + "/" + id,
                Map.of("department", "部".repeat(201), "channels", List.of(Map.of("type", "PHONE", "value", "abc"))))
                .header("If-Match", etag).bearerAuth(sec));
        assertThat(r.code()).isEqualTo(400);
        assertThat(violationFields(r)).contains("department", "channels[0].value");
        assertThat(count("SELECT COUNT(*) FROM contact WHERE id = ? AND version = 0 AND department = ?", id,
                "情報システム部")).isEqualTo(1);
        assertThat(countChanges(member)).isEqualTo(1);
        HttpResponse<Map> q = error(HttpRequest.GET(contacts(member) + "?updatedSince=yesterday").bearerAuth(sec));
        assertThat(violationFields(q)).containsExactly("updatedSince");
        assertThat(violationFields(error(HttpRequest.GET(contacts(member) + "?cursor=bogus!").bearerAuth(sec))))
                .containsExactly("cursor");
    }

    @Test
    void deltaSyncReturnsChangesAndTombstonesOnly() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_STAFF, member));
        long old = createContactId(op, member, contactBody());
        long kept = createContactId(op, member, contactBody("POC", "DEPUTY", "H24"));
        long gone = createContactId(op, member, contactBody("INCIDENT_CONTACT", "PRIMARY", "H24"));
        // these were synced long ago
        Timestamp anHourAgo = Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS));
        execute("UPDATE contact SET created_at = ?, updated_at = ? WHERE member_operator_id = ?", anHourAgo, anHourAgo,
                member);
        Map full = get(contacts(member), op);
        assertThat(ids(full)).containsExactly(old, kept, gone);
        String token = (String) full.get("syncToken");
        assertThat(Instant.parse(token)).isBefore(Instant.now()).isAfter(anHourAgo.toInstant());
        assertThat(full).containsKey("serverTime");

        String etagKept = http.toBlocking().exchange(HttpRequest.GET(contacts(member) + "/" + kept).bearerAuth(op),
                Map.class).header("ETag");
        exchange(HttpRequest.PATCH(contacts(member) + "/" + kept, Map.of("nameJa", "佐藤 花子", "nameKana", "サトウ ハナコ"))
                .header("If-Match", etagKept), op, Map.class);
        String etagGone = http.toBlocking().exchange(HttpRequest.GET(contacts(member) + "/" + gone).bearerAuth(op),
                Map.class).header("ETag");
        exchange(HttpRequest.DELETE(contacts(member) + "/" + gone).header("If-Match", etagGone), op, String.class);
        long added = createContactId(op, member, contactBody("BCP_OWNER", "PRIMARY", "BUSINESS_HOURS"));

        Map delta = get(contacts(member) + "?updatedSince=" + URLEncoder.encode(token, StandardCharsets.UTF_8), op);
        List<Map> items = (List<Map>) delta.get("items");
        assertThat(ids(delta)).containsExactly(kept, gone, added); // the unchanged contact is not sent again
        Map changed = items.get(0);
        assertThat(changed.get("nameJa")).isEqualTo("佐藤 花子");
        assertThat(changed.get("deleted")).isEqualTo(false);
        Map tombstone = items.get(1);
        assertThat(tombstone.keySet()).containsExactlyInAnyOrder("id", "deleted", "deletedAt");
        assertThat(tombstone.get("deleted")).isEqualTo(true);
        // a full listing never shows the deleted one
        assertThat(ids(get(contacts(member), op))).containsExactly(old, kept, added);

        // paging a delta: every page carries the same syncToken; the pages together hold every change once
        assertThat(deltaPageByPage(contacts(member), token, op)).containsExactly(kept, gone, added);

        // a later sync from the newest token (moved past the safety margin) returns nothing
        String later = Instant.now().plusSeconds(10).toString();
        assertThat(ids(get(contacts(member) + "?updatedSince=" + later, op))).isEmpty();
    }

    @Test
    void historyRecordsWhoChangedWhatAndSurvivesDeletion() {
        var secPerson = person(tenantA(), Role.SECRETARIAT_ADMIN);
        String sec = token(secPerson);
        long member = createMember(sec);
        var opPerson = person(tenantA(), Role.OPERATOR_ADMIN, member);
        String op = token(opPerson);
        long id = createContactId(op, member, contactBody());
        String etag = http.toBlocking().exchange(HttpRequest.GET(contacts(member) + "/" + id).bearerAuth(sec), Map.class)
                .header("ETag");
        String etag2 = exchange(HttpRequest.PATCH(contacts(member) + "/" + id, Map.of("nameJa", "山田 次郎",
                "role", "CISO", "channels", List.of(Map.of("type", "PHONE", "value", "03-1234-5678",
                        "verifiedAt", "2026-01-05")))).header("If-Match", etag), sec, Map.class).header("ETag");
        exchange(HttpRequest.DELETE(contacts(member) + "/" + id).header("If-Match", etag2), op, String.class);

        List<Map> h = (List<Map>) get(contacts(member) + "/" + id + "/history", op).get("items");
        assertThat(h).extracting(e -> e.get("changeType")).containsExactly("CREATED", "UPDATED", "DELETED");
        assertThat(h).extracting(e -> ((Number) e.get("seq")).intValue()).containsExactly(1, 2, 3);
        assertThat(h.get(0).get("actorName")).isEqualTo(opPerson.username());
        assertThat(h.get(0)).doesNotContainKey("before");
        assertThat((Map) h.get(0).get("after")).containsEntry("nameJa", "山田 太郎").containsEntry("role", "CISO");
        Map update = h.get(1);
        assertThat(update.get("actorName")).isEqualTo(secPerson.username());
        assertThat(update.get("actorSubject")).isEqualTo(secPerson.subject());
        assertThat(((Map) update.get("before")).keySet()).containsExactlyInAnyOrder("nameJa", "channels");
        assertThat((Map) update.get("before")).containsEntry("nameJa", "山田 太郎");
        assertThat((Map) update.get("after")).containsEntry("nameJa", "山田 次郎");
        assertThat((List<Map>) ((Map) update.get("after")).get("channels")).singleElement()
                .satisfies(ch -> assertThat(ch).containsEntry("value", "03-1234-5678").containsEntry("verifiedAt", "2026-01-05"));
        assertThat(h.get(2).get("actorName")).isEqualTo(opPerson.username());
        assertThat((Map) h.get(2).get("before")).containsEntry("nameJa", "山田 次郎");
        assertThat(h.get(2)).doesNotContainKey("after");
        // the audit log has the same three writes
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND entity_type = 'contact' AND entity_id = ?",
                tenantA().id(), String.valueOf(id))).isEqualTo(3);
        // paging
        Map first = get(contacts(member) + "/" + id + "/history?limit=2", sec);
        assertThat((List) first.get("items")).hasSize(2);
        Map rest = get(contacts(member) + "/" + id + "/history?limit=2&cursor=" + first.get("nextCursor"), sec);
        assertThat(((List<Map>) rest.get("items")).getFirst().get("changeType")).isEqualTo("DELETED");
    }

    @Test
    void coverageFlagsMissingDeputiesAndConfirmRefreshesTheFreshnessDashboard() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_ADMIN, member));
        assertThat(contactsState(sec, member).get("status")).isEqualTo("MISSING");
        assertThat(error(HttpRequest.POST(contacts(member) + "/confirm", Map.of()).bearerAuth(op)).code()).isEqualTo(409);

        long pocPrimary = createContactId(op, member, contactBody("POC", "PRIMARY", "H24"));
        createContactId(op, member, contactBody("POC", "DEPUTY", "BUSINESS_HOURS"));
        createContactId(op, member, contactBody("INCIDENT_CONTACT", "PRIMARY", "BUSINESS_HOURS"));
        Map coverage = get(contacts(member) + "/coverage", op);
        assertThat(coverage.get("complete")).isEqualTo(false);
        assertThat(((Number) coverage.get("contactCount")).intValue()).isEqualTo(3);
        Map poc = fn(coverage, "POC");
        assertThat(poc).containsEntry("hasPrimary", true).containsEntry("hasDeputy", true)
                .containsEntry("hasAfterHours", true).containsEntry("complete", true);
        Map incident = fn(coverage, "INCIDENT_CONTACT");
        assertThat(incident).containsEntry("hasPrimary", true).containsEntry("hasDeputy", false)
                .containsEntry("hasAfterHours", false).containsEntry("complete", false);
        assertThat((List<String>) incident.get("missing")).containsExactly("DEPUTY", "AFTER_HOURS");
        assertThat(fn(coverage, "BCP_OWNER")).containsEntry("required", false).containsEntry("complete", true);
        assertThat(contactsState(sec, member).get("status")).isEqualTo("INCOMPLETE");

        createContactId(op, member, contactBody("INCIDENT_CONTACT", "DEPUTY", "BUSINESS_HOURS"));
        coverage = get(contacts(member) + "/coverage", op);
        assertThat(coverage.get("complete")).isEqualTo(true);
        assertThat((List<String>) fn(coverage, "INCIDENT_CONTACT").get("missing")).containsExactly("AFTER_HOURS");
        assertThat(contactsState(sec, member).get("status")).isEqualTo("CURRENT");

        // nobody touched the list for 400 days: stale; "confirm unchanged" makes it current without an edit
        Timestamp longAgo = Timestamp.from(Instant.now().minus(400, ChronoUnit.DAYS));
        execute("UPDATE contact SET updated_at = ? WHERE member_operator_id = ?", longAgo, member);
        assertThat(contactsState(sec, member).get("status")).isEqualTo("STALE");
        Map versionsBefore = get(contacts(member), op);
        Map confirmed = http.toBlocking().retrieve(HttpRequest.POST(contacts(member) + "/confirm", Map.of())
                .bearerAuth(op), Map.class);
        assertThat(((Number) confirmed.get("contactCount")).intValue()).isEqualTo(4);
        Map state = contactsState(sec, member);
        assertThat(state.get("status")).isEqualTo("CURRENT");
        assertThat(Instant.parse((String) state.get("lastConfirmedAt"))).isAfter(Instant.now().minusSeconds(60));
        assertThat(Instant.parse((String) state.get("lastChangedAt"))).isBefore(Instant.now().minus(399, ChronoUnit.DAYS));
        assertThat(((List<Map>) get(contacts(member), op).get("items")).stream().map(c -> c.get("version")).toList())
                .isEqualTo(((List<Map>) versionsBefore.get("items")).stream().map(c -> c.get("version")).toList());
        List<Map> h = (List<Map>) get(contacts(member) + "/" + pocPrimary + "/history", sec).get("items");
        assertThat(h.getLast().get("changeType")).isEqualTo("CONFIRMED");
        assertThat(get(contacts(member) + "/coverage", sec).get("lastConfirmedAt")).isNotNull();
    }

    private Map contactsState(String sec, long member) {
        Map d = get("/api/v1/members/freshness", sec);
        for (Map row : (List<Map>) d.get("items")) {
            if (((Number) row.get("memberId")).longValue() == member) {
                return ((List<Map>) row.get("records")).stream().filter(r -> "contacts".equals(r.get("recordType")))
                        .findFirst().orElseThrow();
            }
        }
        throw new AssertionError("member " + member + " not on the dashboard");
    }

    private static Map fn(Map coverage, String function) {
        return ((List<Map>) coverage.get("functions")).stream().filter(f -> function.equals(f.get("function")))
                .findFirst().orElseThrow();
    }

}
