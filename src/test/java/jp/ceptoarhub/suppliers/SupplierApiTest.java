package jp.ceptoarhub.suppliers;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.records.RecordExport;
import jp.ceptoarhub.records.RecordLinks;
import jp.ceptoarhub.records.RecordType;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class SupplierApiTest extends SupplierTestSupport {
    @Inject
    JsonMapper json;
    @Inject
    List<RecordExport> exports;
    @Inject
    List<RecordLinks.Target> linkTargets;

    @Test
    void supplierTypesComeFromTheReferenceDataInBothLanguages() throws Exception {
        Map reference;
        try (InputStream in = Objects.requireNonNull(getClass().getClassLoader()
                .getResourceAsStream("reference-data/service-maintenance-levels.json"))) {
            reference = json.readValue(in.readAllBytes(), Argument.of(Map.class));
        }
        List<Map> expected = (List<Map>) reference.get("supplierTypes");
        String op = token(person(tenantA(), Role.OPERATOR_STAFF, createMember(token(person(tenantA(),
                Role.SECRETARIAT_ADMIN)))));
        List<Map> ja = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/reference/supplier-types")
                .header("Accept-Language", "ja").bearerAuth(op), Argument.listOf(Map.class));
        List<Map> en = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/reference/supplier-types")
                .header("Accept-Language", "en").bearerAuth(op), Argument.listOf(Map.class));
        assertThat(ja).extracting(t -> t.get("code")).containsExactlyElementsOf(
                expected.stream().map(t -> t.get("code")).toList()).hasSize(5);
        assertThat(ja).extracting(t -> t.get("label")).containsExactlyElementsOf(
                expected.stream().map(t -> t.get("labelJa")).toList());
        assertThat(en).extracting(t -> t.get("label")).containsExactlyElementsOf(
                expected.stream().map(t -> t.get("labelEn")).toList());
        assertThat(ja.getFirst().get("definition")).isEqualTo(expected.getFirst().get("definitionJa"));
        assertThat(en.getFirst().get("definition")).isEqualTo(expected.getFirst().get("definitionEn"));
        assertThat((String) ja.getFirst().get("source")).contains("L12379");
        // 外部委託先 has no Japanese definition in the source: the English one is given in both languages
        assertThat(ja.getLast().get("code")).isEqualTo("OUTSOURCING_CONTRACTOR");
        assertThat(ja.getLast().get("definition")).isEqualTo(expected.getLast().get("definitionEn"));
        assertThat(error(HttpRequest.GET("/api/v1/reference/supplier-types")).code()).isEqualTo(401);
    }

    @Test
    void createReadUpdateDeleteWithEtagsIdempotencyAndLabels() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_ADMIN, member));

        Map<String, Object> body = supplierBody();
        body.put("nameKana", "ﾄｳﾄ しすてむ"); // half-width katakana (NFKC) and hiragana become katakana
        body.put("corporateNumber", "7-0000-1205-0002");
        body.put("country", "jp");
        HttpResponse<Map> created = exchange(HttpRequest.POST(suppliers(member), body)
                .header("Idempotency-Key", "sup-1"), op, Map.class);
        assertThat(created.code()).isEqualTo(201);
        long id = ((Number) created.body().get("id")).longValue();
        String etag = created.header("ETag");
        assertThat(etag).isEqualTo("W/\"supplier-" + id + "-v0\"");
        assertThat(created.header("Location")).isEqualTo(suppliers(member) + "/" + id);
        HttpResponse<Map> replay = exchange(HttpRequest.POST(suppliers(member), body)
                .header("Idempotency-Key", "sup-1"), op, Map.class);
        assertThat(((Number) replay.body().get("id")).longValue()).isEqualTo(id);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(countSuppliers(member)).isEqualTo(1);

        Map ja = http.toBlocking().retrieve(HttpRequest.GET(suppliers(member) + "/" + id)
                .header("Accept-Language", "ja").bearerAuth(op), Map.class);
        assertThat(ja.get("nameJa")).isEqualTo("株式会社東都システムサービス");
        assertThat(ja.get("nameKana")).isEqualTo("トウト システム");
        assertThat(ja.get("corporateNumber")).isEqualTo(CORPORATE_NUMBER);
        assertThat((List<Map>) ja.get("supplierTypes")).extracting(t -> t.get("code") + "=" + t.get("label"))
                .containsExactly("SYSTEM_VENDOR=システムベンダー", "OUTSOURCING_CONTRACTOR=外部委託先");
        assertThat((List) ja.get("servicesSupplied")).containsExactly("給電制御システムの運用・保守", "データセンターの監視");
        assertThat((List) ja.get("criticalSystems")).containsExactly("給電制御システム");
        assertThat(ja.get("criticality")).isEqualTo("HIGH");
        assertThat(ja.get("criticalityLabel")).isEqualTo("高");
        Map contract = (Map) ja.get("contractSecurity");
        assertThat((List<Map>) contract.get("clauses")).extracting(c -> c.get("label"))
                .containsExactly("インシデント発生時の通知義務", "セキュリティ要件の遵守");
        assertThat(contract.get("reviewedOn")).isEqualTo("2025-04-01");
        assertThat((Map) ja.get("incidentContact")).containsEntry("name", "保守センター")
                .containsEntry("phone", "03-1234-5678").containsEntry("email", "soc@toto-system.example.jp")
                .containsEntry("afterHours", true);
        assertThat(ja.get("country")).isEqualTo("JP");
        assertThat(ja.get("countryLabel")).isEqualTo("日本");
        assertThat(ja.get("resubcontractingLabel")).isEqualTo("承認を得て再委託");
        assertThat((List) ja.get("missingForFreshness")).isEmpty();
        assertThat(ja).doesNotContainKey("deletedAt");
        Map en = http.toBlocking().retrieve(HttpRequest.GET(suppliers(member) + "/" + id)
                .header("Accept-Language", "en-US,en;q=0.9").bearerAuth(op), Map.class);
        assertThat((List<Map>) en.get("supplierTypes")).extracting(t -> t.get("label"))
                .containsExactly("System vendor", "Outsourcing contractor");
        assertThat(en.get("criticalityLabel")).isEqualTo("High");
        assertThat(en.get("countryLabel")).isEqualTo("Japan");
        assertThat(en.get("resubcontractingLabel")).isEqualTo("Subcontracts with the member's approval");
        assertThat((List<Map>) ((Map) en.get("contractSecurity")).get("clauses")).extracting(c -> c.get("label"))
                .containsExactly("Duty to notify incidents", "Security requirements");

        // If-Match: missing → 428, wrong → 412, nothing changed either time
        Map<String, Object> patch = Map.of("criticality", "LOW", "incidentContact", Map.of("phone", "+81312345678"));
        assertThat(error(HttpRequest.PATCH(suppliers(member) + "/" + id, patch).bearerAuth(op)).code()).isEqualTo(428);
        assertThat(error(HttpRequest.PATCH(suppliers(member) + "/" + id, patch)
                .header("If-Match", "W/\"supplier-" + id + "-v99\"").bearerAuth(op)).code()).isEqualTo(412);
        assertThat(count("SELECT COUNT(*) FROM supplier WHERE id = ? AND criticality = 'HIGH' AND version = 0", id))
                .isEqualTo(1);
        // nested objects merge field by field; lists replace
        HttpResponse<Map> updated = exchange(HttpRequest.PATCH(suppliers(member) + "/" + id, patch)
                .header("If-Match", etag), op, Map.class);
        assertThat(updated.body().get("criticality")).isEqualTo("LOW");
        assertThat((Map) updated.body().get("incidentContact")).containsEntry("phone", "+81312345678")
                .containsEntry("name", "保守センター").containsEntry("email", "soc@toto-system.example.jp");
        assertThat((List) updated.body().get("servicesSupplied")).hasSize(2);
        String etag2 = updated.header("ETag");
        assertThat(etag2).isEqualTo("W/\"supplier-" + id + "-v1\"");
        HttpResponse<Map> stale = error(HttpRequest.PATCH(suppliers(member) + "/" + id, Map.of("notes", "上書き"))
                .header("If-Match", etag).bearerAuth(op));
        assertThat(stale.code()).isEqualTo(412);
        assertThat(stale.getBody(Map.class).orElseThrow().get("currentEtag")).isEqualTo(etag2);
        assertThat(count("SELECT COUNT(*) FROM supplier WHERE id = ? AND notes = ?", id, "上書き")).isZero();
        // "" clears optional fields, [] clears a list, the same values again create no new version
        Map<String, Object> clear = new HashMap<>();
        clear.put("nameEn", "");
        clear.put("criticalSystems", List.of());
        clear.put("contractSecurity", Map.of("reviewedOn", ""));
        clear.put("incidentContact", Map.of("name", "", "phone", "", "email", ""));
        Map cleared = exchange(HttpRequest.PATCH(suppliers(member) + "/" + id, clear).header("If-Match", etag2), op,
                Map.class).body();
        assertThat(cleared).doesNotContainKey("nameEn").doesNotContainKey("incidentContact");
        assertThat((List) cleared.get("criticalSystems")).isEmpty();
        assertThat((Map) cleared.get("contractSecurity")).doesNotContainKey("reviewedOn");
        assertThat((List) ((Map) cleared.get("contractSecurity")).get("clauses")).hasSize(2);
        assertThat((List) cleared.get("missingForFreshness")).containsExactly("incidentContact");
        String etag3 = etagOf(suppliers(member) + "/" + id, op);
        HttpResponse<Map> same = exchange(HttpRequest.PATCH(suppliers(member) + "/" + id,
                Map.of("criticality", "LOW", "supplierTypes", List.of("SYSTEM_VENDOR", "OUTSOURCING_CONTRACTOR")))
                .header("If-Match", etag3), op, Map.class);
        assertThat(same.header("ETag")).isEqualTo(etag3);

        assertThat(error(HttpRequest.DELETE(suppliers(member) + "/" + id).bearerAuth(op)).code()).isEqualTo(428);
        assertThat(error(HttpRequest.DELETE(suppliers(member) + "/" + id).header("If-Match", etag2).bearerAuth(op))
                .code()).isEqualTo(412);
        assertThat(exchange(HttpRequest.DELETE(suppliers(member) + "/" + id).header("If-Match", etag3), op,
                String.class).code()).isEqualTo(204);
        assertThat(error(HttpRequest.GET(suppliers(member) + "/" + id).bearerAuth(op)).code()).isEqualTo(404);
        assertThat(error(HttpRequest.PATCH(suppliers(member) + "/" + id, Map.of("notes", "x"))
                .header("If-Match", "*").bearerAuth(op)).code()).isEqualTo(404);
        assertThat(count("SELECT COUNT(*) FROM supplier WHERE id = ? AND deleted_at IS NOT NULL", id)).isEqualTo(1);
        assertThat((List) get(suppliers(member), op).get("items")).isEmpty();
        // created, two updates (the unchanged PATCH wrote nothing), deleted
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND entity_type = 'supplier' "
                + "AND entity_id = ?", tenantA().id(), String.valueOf(id))).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND entity_type = 'supplier' "
                + "AND entity_id = ? AND action = 'supplier.updated'", tenantA().id(), String.valueOf(id))).isEqualTo(2);
        assertThat(countChanges(member)).isEqualTo(4);
    }

    @Test
    void badInputIsA400NamingTheFieldAndNothingIsWritten() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_STAFF));
        long member = createMember(sec);
        Map<String, Consumer<Map<String, Object>>> cases = new LinkedHashMap<>();
        cases.put("nameJa", b -> b.put("nameJa", "  "));
        cases.put("nameJa ", b -> b.put("nameJa", "社".repeat(201)));
        cases.put("nameKana", b -> b.put("nameKana", "東都"));
        cases.put("nameEn", b -> b.put("nameEn", "x".repeat(201)));
        cases.put("corporateNumber", b -> b.put("corporateNumber", "1000012050002")); // wrong check digit
        cases.put("corporateNumber ", b -> b.put("corporateNumber", "700001205000"));
        cases.put("supplierTypes", b -> b.put("supplierTypes", List.of()));
        cases.put("supplierTypes[1]", b -> b.put("supplierTypes", List.of("SYSTEM_VENDOR", "CLOUD")));
        cases.put("supplierTypes[1] ", b -> b.put("supplierTypes", List.of("SYSTEM_VENDOR", "SYSTEM_VENDOR")));
        cases.put("servicesSupplied", b -> b.put("servicesSupplied", java.util.Collections.nCopies(21, "保守")));
        cases.put("servicesSupplied[1]", b -> b.put("servicesSupplied", List.of("保守", "運".repeat(201))));
        cases.put("servicesSupplied[0]", b -> b.put("servicesSupplied", List.of(" ")));
        cases.put("criticalSystems", b -> {
            List<String> many = new ArrayList<>();
            for (int i = 0; i < 51; i++) {
                many.add("システム" + i);
            }
            b.put("criticalSystems", many);
        });
        cases.put("criticalSystems[0]", b -> b.put("criticalSystems", List.of("系".repeat(201))));
        cases.put("criticality", b -> b.put("criticality", "CRITICAL"));
        cases.put("contractSecurity.clauses[0]", b -> b.put("contractSecurity", Map.of("clauses", List.of("NDA"))));
        cases.put("contractSecurity.reviewedOn", b -> b.put("contractSecurity", Map.of("reviewedOn", "2025-02-30")));
        cases.put("contractSecurity.reviewedOn ", b -> b.put("contractSecurity",
                Map.of("reviewedOn", LocalDate.now().plusDays(10).toString())));
        cases.put("incidentContact", b -> b.put("incidentContact", Map.of("name", "保守センター")));
        cases.put("incidentContact ", b -> b.put("incidentContact", Map.of("afterHours", true)));
        cases.put("incidentContact.phone", b -> b.put("incidentContact", Map.of("phone", "12345")));
        cases.put("incidentContact.email", b -> b.put("incidentContact", Map.of("email", "soc-at-example")));
        cases.put("incidentContact.name", b -> b.put("incidentContact", Map.of("name", "名".repeat(101),
                "email", "soc@example.jp")));
        cases.put("country", b -> b.put("country", "XX"));
        cases.put("country ", b -> b.put("country", "JPN"));
        cases.put("resubcontracting", b -> b.put("resubcontracting", "SOMETIMES"));
        cases.put("resubcontractingNotes", b -> b.put("resubcontractingNotes", "再".repeat(1001)));
        cases.put("notes", b -> b.put("notes", "備".repeat(2001)));
        for (var e : cases.entrySet()) {
            Map<String, Object> body = supplierBody();
            e.getValue().accept(body);
            HttpResponse<Map> r = error(HttpRequest.POST(suppliers(member), body).bearerAuth(sec));
            assertThat(r.code()).as(e.getKey()).isEqualTo(400);
            assertThat(r.getContentType().orElseThrow().toString()).startsWith("application/problem+json");
            assertThat(violationFields(r)).as(e.getKey()).containsExactly(e.getKey().strip());
        }
        assertThat(violationFields(error(HttpRequest.POST(suppliers(member), Map.of()).bearerAuth(sec))))
                .containsExactlyInAnyOrder("nameJa", "supplierTypes");
        // JSON of the wrong shape (an object where a list belongs) cannot be read at all: a 400 naming the body
        // (the shared handling of unreadable bodies, api.ProblemResponses)
        Map<String, Object> wrongShape = supplierBody();
        wrongShape.put("servicesSupplied", Map.of("a", "b"));
        HttpResponse<Map> shape = error(HttpRequest.POST(suppliers(member), wrongShape).bearerAuth(sec));
        assertThat(shape.code()).isEqualTo(400);
        assertThat(shape.getContentType().orElseThrow().toString()).startsWith("application/problem+json");
        assertThat(violationFields(shape)).containsExactly("body");
        assertThat(countSuppliers(member)).isZero();
        assertThat(countChanges(member)).isZero();

        // the same rules on update, laid over the stored supplier: the stored supplier stays as it was
        long id = createSupplierId(sec, member, supplierBody());
        String etag = etagOf(suppliers(member) + "/" + id, sec);
        HttpResponse<Map> r = error(HttpRequest.PATCH(suppliers(member) + "/" + id, Map.of("supplierTypes", List.of(),
                "notes", "x".repeat(2001), "incidentContact", Map.of("phone", "", "email", ""))).header("If-Match", etag)
                .bearerAuth(sec));
        assertThat(r.code()).isEqualTo(400);
        assertThat(violationFields(r)).containsExactlyInAnyOrder("supplierTypes", "notes", "incidentContact");
        assertThat(count("SELECT COUNT(*) FROM supplier WHERE id = ? AND version = 0 AND notes = ? "
                + "AND incident_contact_phone = '03-1234-5678'", id, "年次の契約見直し時に確認")).isEqualTo(1);
        assertThat(countSuppliers(member)).isEqualTo(1);
        assertThat(countChanges(member)).isEqualTo(1);
        assertThat(violationFields(error(HttpRequest.GET(suppliers(member) + "?updatedSince=yesterday")
                .bearerAuth(sec)))).containsExactly("updatedSince");
        assertThat(violationFields(error(HttpRequest.GET(suppliers(member) + "?cursor=bogus!").bearerAuth(sec))))
                .containsExactly("cursor");
        assertThat(violationFields(error(HttpRequest.GET(suppliers(member) + "/" + id + "/history?cursor=bogus!")
                .bearerAuth(sec)))).containsExactly("cursor");
    }

    @Test
    void deltaSyncReturnsChangesAndTombstonesOnly() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_STAFF, member));
        long old = createSupplierId(op, member, supplierBody());
        long kept = createSupplierId(op, member, supplierBody());
        long gone = createSupplierId(op, member, supplierBody());
        Timestamp anHourAgo = Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS));
        execute("UPDATE supplier SET created_at = ?, updated_at = ? WHERE member_operator_id = ?", anHourAgo,
                anHourAgo, member);
        Map full = get(suppliers(member), op);
        assertThat(ids(full)).containsExactly(old, kept, gone);
        String token = (String) full.get("syncToken");
        assertThat(Instant.parse(token)).isBefore(Instant.now()).isAfter(anHourAgo.toInstant());
        assertThat(Instant.parse((String) full.get("serverTime"))).isAfter(Instant.parse(token));

        exchange(HttpRequest.PATCH(suppliers(member) + "/" + kept, Map.of("country", "US"))
                .header("If-Match", etagOf(suppliers(member) + "/" + kept, op)), op, Map.class);
        exchange(HttpRequest.DELETE(suppliers(member) + "/" + gone)
                .header("If-Match", etagOf(suppliers(member) + "/" + gone, op)), op, String.class);
        long added = createSupplierId(op, member, supplierBody());

        Map delta = get(suppliers(member) + "?updatedSince=" + URLEncoder.encode(token, StandardCharsets.UTF_8), op);
        List<Map> items = (List<Map>) delta.get("items");
        assertThat(ids(delta)).containsExactly(kept, gone, added);
        assertThat(items.get(0).get("country")).isEqualTo("US");
        assertThat(items.get(0).get("deleted")).isEqualTo(false);
        Map tombstone = items.get(1);
        assertThat(tombstone.keySet()).containsExactlyInAnyOrder("id", "deleted", "deletedAt");
        assertThat(tombstone.get("deleted")).isEqualTo(true);
        assertThat(ids(get(suppliers(member), op))).containsExactly(old, kept, added);

        assertThat(deltaPageByPage(suppliers(member), token, op)).containsExactly(kept, gone, added);
        assertThat(ids(get(suppliers(member) + "?updatedSince=" + Instant.now().plusSeconds(10), op))).isEmpty();
        // an offset date-time is accepted as well
        assertThat(ids(get(suppliers(member) + "?updatedSince=" + URLEncoder.encode(
                java.time.OffsetDateTime.parse(token).atZoneSameInstant(java.time.ZoneId.of("Asia/Tokyo"))
                        .toOffsetDateTime().toString(), StandardCharsets.UTF_8), op))).containsExactly(kept, gone, added);
    }

    @Test
    void historyRecordsWhoChangedWhatAndSurvivesDeletion() {
        var secPerson = person(tenantA(), Role.SECRETARIAT_ADMIN);
        String sec = token(secPerson);
        long member = createMember(sec);
        var opPerson = person(tenantA(), Role.OPERATOR_ADMIN, member);
        String op = token(opPerson);
        long id = createSupplierId(op, member, supplierBody());
        String etag2 = exchange(HttpRequest.PATCH(suppliers(member) + "/" + id, Map.of("criticality", "MEDIUM",
                "nameJa", "株式会社東都システムサービス", "servicesSupplied", List.of("運用・保守"),
                "incidentContact", Map.of("afterHours", false))).header("If-Match",
                etagOf(suppliers(member) + "/" + id, sec)), sec, Map.class).header("ETag");
        exchange(HttpRequest.DELETE(suppliers(member) + "/" + id).header("If-Match", etag2), op, String.class);

        List<Map> h = (List<Map>) get(suppliers(member) + "/" + id + "/history", op).get("items");
        assertThat(h).extracting(e -> e.get("changeType")).containsExactly("CREATED", "UPDATED", "DELETED");
        assertThat(h).extracting(e -> ((Number) e.get("seq")).intValue()).containsExactly(1, 2, 3);
        assertThat(h.get(0).get("actorName")).isEqualTo(opPerson.username());
        Map createdAfter = (Map) h.get(0).get("after");
        assertThat(createdAfter).containsEntry("nameJa", "株式会社東都システムサービス").containsEntry("criticality", "HIGH")
                .containsEntry("corporateNumber", CORPORATE_NUMBER);
        assertThat((List) createdAfter.get("supplierTypes")).containsExactly("SYSTEM_VENDOR", "OUTSOURCING_CONTRACTOR");
        assertThat((Map) createdAfter.get("contractSecurity")).containsEntry("reviewedOn", "2025-04-01");
        Map update = h.get(1);
        assertThat(update.get("actorSubject")).isEqualTo(secPerson.subject());
        assertThat(((Map) update.get("before")).keySet())
                .containsExactlyInAnyOrder("criticality", "servicesSupplied", "incidentContact");
        assertThat((Map) update.get("before")).containsEntry("criticality", "HIGH");
        assertThat((Map) update.get("after")).containsEntry("criticality", "MEDIUM")
                .containsEntry("servicesSupplied", List.of("運用・保守"));
        assertThat((Map) ((Map) update.get("after")).get("incidentContact")).containsEntry("afterHours", false)
                .containsEntry("phone", "03-1234-5678");
        assertThat(h.get(2).get("after")).isNull();
        assertThat((Map) h.get(2).get("before")).containsEntry("criticality", "MEDIUM");
        Map first = get(suppliers(member) + "/" + id + "/history?limit=2", sec);
        assertThat((List) first.get("items")).hasSize(2);
        Map rest = get(suppliers(member) + "/" + id + "/history?limit=2&cursor=" + first.get("nextCursor"), sec);
        assertThat(((List<Map>) rest.get("items")).getFirst().get("changeType")).isEqualTo("DELETED");
        assertThat(rest.get("nextCursor")).isNull();
    }

    @Test
    void freshnessNeedsCriticalityAndIncidentContactOnEverySupplierAndConfirmRefreshesIt() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_ADMIN, member));
        assertThat(state(sec, member).get("status")).isEqualTo("MISSING");
        HttpResponse<Map> empty = error(HttpRequest.POST(suppliers(member) + "/confirm", Map.of()).bearerAuth(op));
        assertThat(empty.code()).isEqualTo(409);
        assertThat((String) empty.getBody(Map.class).orElseThrow().get("type")).endsWith("suppliers-empty");

        long complete = createSupplierId(op, member, supplierBody());
        assertThat(state(sec, member).get("status")).isEqualTo("CURRENT");
        Map<String, Object> bare = Map.of("nameJa", "株式会社クラウド", "supplierTypes", List.of("EXTERNAL_SERVICE_PROVIDER"));
        long partial = createSupplierId(op, member, bare);
        assertThat((List) get(suppliers(member) + "/" + partial, op).get("missingForFreshness"))
                .containsExactly("criticality", "incidentContact");
        assertThat(state(sec, member).get("status")).isEqualTo("INCOMPLETE");
        exchange(HttpRequest.PATCH(suppliers(member) + "/" + partial, Map.of("criticality", "LOW"))
                .header("If-Match", etagOf(suppliers(member) + "/" + partial, op)), op, Map.class);
        assertThat(state(sec, member).get("status")).isEqualTo("INCOMPLETE"); // still no incident contact
        exchange(HttpRequest.PATCH(suppliers(member) + "/" + partial, Map.of("incidentContact",
                Map.of("email", "support@cloud.example.com"))).header("If-Match",
                etagOf(suppliers(member) + "/" + partial, op)), op, Map.class);
        assertThat(state(sec, member).get("status")).isEqualTo("CURRENT");

        // untouched for 400 days: stale; "confirm unchanged" makes it current without an edit
        Timestamp longAgo = Timestamp.from(Instant.now().minus(400, ChronoUnit.DAYS));
        execute("UPDATE supplier SET updated_at = ? WHERE member_operator_id = ?", longAgo, member);
        assertThat(state(sec, member).get("status")).isEqualTo("STALE");
        String etag = etagOf(suppliers(member) + "/" + complete, op);
        Map confirmed = http.toBlocking().retrieve(HttpRequest.POST(suppliers(member) + "/confirm", Map.of())
                .bearerAuth(op), Map.class);
        assertThat(((Number) confirmed.get("supplierCount")).intValue()).isEqualTo(2);
        assertThat(((Number) confirmed.get("memberId")).longValue()).isEqualTo(member);
        Map state = state(sec, member);
        assertThat(state.get("status")).isEqualTo("CURRENT");
        assertThat(Instant.parse((String) state.get("lastConfirmedAt"))).isAfter(Instant.now().minusSeconds(60));
        assertThat(etagOf(suppliers(member) + "/" + complete, op)).isEqualTo(etag);
        assertThat(count("SELECT COUNT(*) FROM record_confirmation WHERE record_type = 'suppliers' "
                + "AND member_operator_id = ?", member)).isEqualTo(1);
        List<Map> h = (List<Map>) get(suppliers(member) + "/" + complete + "/history", sec).get("items");
        assertThat(h.getLast().get("changeType")).isEqualTo("CONFIRMED");
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'supplier.list-confirmed' "
                + "AND entity_id = ?", tenantA().id(), String.valueOf(member))).isEqualTo(1);

        // deleting every supplier: MISSING again
        for (long id : List.of(complete, partial)) {
            exchange(HttpRequest.DELETE(suppliers(member) + "/" + id)
                    .header("If-Match", etagOf(suppliers(member) + "/" + id, op)), op, String.class);
        }
        assertThat(state(sec, member).get("status")).isEqualTo("MISSING");
    }

    @Test
    void exportGivesTheLiveSuppliersAsTheApiShowsThemAndTheLinkTargetOnlyLiveIdsOfTheMember() throws Exception {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        long other = createMember(sec);
        long a = createSupplierId(sec, member, supplierBody());
        long b = createSupplierId(sec, member, Map.of("nameJa", "株式会社セキュア", "supplierTypes",
                List.of("SECURITY_VENDOR")));
        long gone = createSupplierId(sec, member, supplierBody());
        long elsewhere = createSupplierId(sec, other, supplierBody());
        exchange(HttpRequest.DELETE(suppliers(member) + "/" + gone)
                .header("If-Match", etagOf(suppliers(member) + "/" + gone, sec)), sec, String.class);

        RecordExport export = exports.stream().filter(e -> e.recordType() == RecordType.SUPPLIERS)
                .findFirst().orElseThrow();
        List<?> rows = export.export(tenantA().id(), member, Labels.EN);
        assertThat(rows).hasSize(2).allMatch(r -> r instanceof SupplierView);
        List<SupplierView> views = (List<SupplierView>) rows;
        assertThat(views).extracting(SupplierView::id).containsExactly(a, b);
        assertThat(views.getFirst().criticalityLabel()).isEqualTo("High");
        assertThat(views.getFirst().supplierTypes()).extracting(SupplierView.CodeLabel::label)
                .containsExactly("System vendor", "Outsourcing contractor");
        Map asJson = json.readValue(json.writeValueAsString(views.getFirst()), Map.class);
        assertThat(asJson).isEqualTo(http.toBlocking().retrieve(HttpRequest.GET(suppliers(member) + "/" + a)
                .header("Accept-Language", "en").bearerAuth(sec), Map.class));
        assertThat(export.export(tenantB().id(), member, Labels.JA)).isEmpty();

        RecordLinks.Target target = linkTargets.stream().filter(t -> "suppliers".equals(t.recordType()))
                .findFirst().orElseThrow();
        assertThat(target.liveIds(tenantA().id(), member, List.of(a, b, gone, elsewhere, 999_999_999L)))
                .containsExactlyInAnyOrder(a, b);
        assertThat(target.liveIds(tenantB().id(), member, List.of(a, b))).isEmpty();
        assertThat(target.liveIds(tenantA().id(), other, List.of(a, elsewhere))).containsExactly(elsewhere);
        assertThat(target.liveIds(tenantA().id(), member, List.of())).isEmpty();
    }

    private Map state(String sec, long member) {
        Map d = get("/api/v1/members/freshness", sec);
        for (Map row : (List<Map>) d.get("items")) {
            if (((Number) row.get("memberId")).longValue() == member) {
                return ((List<Map>) row.get("records")).stream()
                        .filter(r -> "suppliers".equals(r.get("recordType"))).findFirst().orElseThrow();
            }
        }
        throw new AssertionError("member " + member + " not on the dashboard");
    }
}
