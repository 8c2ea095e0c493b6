package jp.ceptoarhub.services;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.ceptoarhub.caller.Role;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class CriticalServiceApiTest extends CriticalServiceTestSupport {
    private static final String TEMPLATES = "/api/v1/reference/critical-service-templates";

    @Inject
    JsonMapper json;

    @Test
    void templatesAreTheReferenceFileInBothLanguages() throws Exception {
        Map file;
        try (InputStream in = Objects.requireNonNull(getClass().getClassLoader()
                .getResourceAsStream("reference-data/service-maintenance-levels.json"))) {
            file = json.readValue(in.readAllBytes(), Argument.of(Map.class));
        }
        List<Map> expected = (List<Map>) file.get("services");
        String nisc = nisc(); // reference data: any authenticated user
        Map all = get(TEMPLATES, nisc);
        List<Map> items = (List<Map>) all.get("items");
        assertThat(items).hasSize(38);
        assertThat(items).extracting(t -> t.get("id")).containsExactlyElementsOf(
                expected.stream().map(t -> t.get("id")).toList());
        for (int i = 0; i < items.size(); i++) {
            Map t = items.get(i);
            Map e = expected.get(i);
            for (String k : List.of("sectorCode", "serviceNameJa", "serviceNameEn", "descriptionJa",
                    "maintenanceLevelKind", "effectiveMaintenanceLevelJa", "reportingLawsJa", "outageExamplesJa",
                    "sourceLines")) {
                assertThat(t.get(k)).as(e.get("id") + " " + k).isEqualTo(e.get(k));
            }
            assertThat(t.get("name")).isEqualTo(e.get("serviceNameJa"));
        }
        assertThat((Map) all.get("source")).containsEntry("lines", "AP L3719–L9233").doesNotContainKeys("file", "digest");
        assertThat(json.writeValueAsString(all)).doesNotContain("seeds/", "domain/", ".txt");
        assertThat(((List<Map>) all.get("notes"))).extracting(n -> n.get("id")).contains("annex2.note1",
                "annex2.note2");

        Map el = http.toBlocking().retrieve(HttpRequest.GET(TEMPLATES + "?sectorCode=ELECTRICITY")
                .header("Accept-Language", "en").bearerAuth(nisc), Map.class);
        List<Map> elItems = (List<Map>) el.get("items");
        assertThat(elItems).extracting(t -> t.get("id")).containsExactly("el.transmission-distribution",
                "el.generation");
        Map td = elItems.getFirst();
        assertThat(td.get("name")).isEqualTo("General electricity transmission and distribution business");
        assertThat(td.get("sectorLabel")).isEqualTo("Electricity");
        assertThat((List) td.get("outageExamples")).containsExactly("Stoppage of electricity supply",
                "Impediment to the safe operation of power plants");
        assertThat((Map) td.get("threshold")).containsEntry("minKw", 100000).containsEntry("minDurationMinutes", 10)
                .containsEntry("logic", "ALL_OF").doesNotContainKey("minUsers");
        Map note2 = ((List<Map>) el.get("notes")).stream().filter(n -> "annex2.note2".equals(n.get("id")))
                .findFirst().orElseThrow();
        assertThat((String) note2.get("text")).startsWith("For sectors with no criterion");
        Map medical = ((List<Map>) get(TEMPLATES + "?sectorCode=MEDICAL", nisc).get("items")).getFirst();
        assertThat(medical.get("maintenanceLevelKind")).isEqualTo("DEFAULT_NOTE2");
        assertThat(medical.get("effectiveMaintenanceLevelJa"))
                .isEqualTo("システムの不具合が引き起こす重要インフラサービス障害が生じないこと");
        assertThat(medical).doesNotContainKey("threshold");
        Map broadcasting = items.stream().filter(t -> "ic.broadcasting".equals(t.get("id"))).findFirst().orElseThrow();
        assertThat((List) ((Map) broadcasting.get("threshold")).get("conditions")).hasSize(2);

        HttpResponse<Map> bad = error(HttpRequest.GET(TEMPLATES + "?sectorCode=NUCLEAR").bearerAuth(nisc));
        assertThat(bad.code()).isEqualTo(400);
        assertThat(violationFields(bad)).containsExactly("sectorCode");
        assertThat(error(HttpRequest.GET(TEMPLATES)).code()).isEqualTo(401);
    }

    @Test
    void createReadUpdateDeleteWithEtagsIdempotencyAndLabels() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_ADMIN, member));

        Map<String, Object> body = serviceBody();
        body.put("ownerName", "ﾀｶﾊｼ 𠮷子"); // half-width katakana normalised (NFKC), non-BMP kept
        HttpResponse<Map> created = exchange(HttpRequest.POST(services(member), body)
                .header("Idempotency-Key", "cs-1"), op, Map.class);
        assertThat(created.code()).isEqualTo(201);
        long id = ((Number) created.body().get("id")).longValue();
        String etag = created.header("ETag");
        assertThat(etag).isEqualTo("W/\"critical-service-" + id + "-v0\"");
        assertThat(created.header("Location")).isEqualTo(services(member) + "/" + id);
        HttpResponse<Map> replay = exchange(HttpRequest.POST(services(member), body)
                .header("Idempotency-Key", "cs-1"), op, Map.class);
        assertThat(((Number) replay.body().get("id")).longValue()).isEqualTo(id);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(countServices(member)).isEqualTo(1);

        Map ja = get(services(member) + "/" + id, op);
        assertThat(ja.get("templateId")).isEqualTo("el.transmission-distribution");
        assertThat(ja.get("name")).isEqualTo("東都エリア一般送配電事業");
        assertThat(ja.get("displayName")).isEqualTo("東都エリア一般送配電事業");
        assertThat(ja.get("rtoMinutes")).isEqualTo(10);
        assertThat(ja.get("rpoMinutes")).isEqualTo(0);
        assertThat(ja.get("ownerName")).isEqualTo("タカハシ 𠮷子");
        Map template = (Map) ja.get("template");
        assertThat(template.get("name")).isEqualTo("一般送配電事業");
        assertThat(template.get("maintenanceLevelKind")).isEqualTo("EXPLICIT");
        assertThat((String) template.get("effectiveMaintenanceLevelJa")).contains("10万キロワット以上");
        assertThat((Map) template.get("threshold")).containsEntry("minKw", 100000);
        assertThat((List) template.get("reportingLawsJa")).containsExactly("電気関係報告規則(事故報告)第3条");
        Map en = http.toBlocking().retrieve(HttpRequest.GET(services(member) + "/" + id)
                .header("Accept-Language", "en").bearerAuth(op), Map.class);
        assertThat(((Map) en.get("template")).get("name"))
                .isEqualTo("General electricity transmission and distribution business");

        // the template's name is the display name when the member gives none
        Map<String, Object> plain = serviceBody();
        plain.remove("name");
        plain.put("templateId", "el.generation");
        long generation = createServiceId(op, member, plain);
        Map g = http.toBlocking().retrieve(HttpRequest.GET(services(member) + "/" + generation)
                .header("Accept-Language", "en").bearerAuth(op), Map.class);
        assertThat(g).doesNotContainKey("name");
        assertThat(g.get("displayName")).isEqualTo("Electricity generation business (above a certain scale)");
        // a member-specific service without a template, named by the member
        Map<String, Object> custom = serviceBody();
        custom.put("templateId", null);
        custom.put("name", "需給調整市場への調整力提供");
        Map c = get(services(member) + "/" + createServiceId(op, member, custom), op);
        assertThat(c).doesNotContainKey("templateId").doesNotContainKey("template");
        assertThat(c.get("displayName")).isEqualTo("需給調整市場への調整力提供");

        // If-Match: missing → 428, wrong → 412, nothing changed either time
        Map<String, Object> patch = Map.of("rtoMinutes", 30, "dependencyNotes", "給電指令システム");
        assertThat(error(HttpRequest.PATCH(services(member) + "/" + id, patch).bearerAuth(op)).code()).isEqualTo(428);
        assertThat(error(HttpRequest.PATCH(services(member) + "/" + id, patch)
                .header("If-Match", "W/\"critical-service-" + id + "-v99\"").bearerAuth(op)).code()).isEqualTo(412);
        assertThat(count("SELECT COUNT(*) FROM critical_service WHERE id = ? AND rto_minutes = 10", id)).isEqualTo(1);
        HttpResponse<Map> updated = exchange(HttpRequest.PATCH(services(member) + "/" + id, patch)
                .header("If-Match", etag), op, Map.class);
        assertThat(updated.body().get("rtoMinutes")).isEqualTo(30);
        assertThat(updated.body().get("rpoMinutes")).isEqualTo(0);
        assertThat(updated.body().get("dependencyNotes")).isEqualTo("給電指令システム");
        String etag2 = updated.header("ETag");
        assertThat(etag2).isEqualTo("W/\"critical-service-" + id + "-v1\"");
        HttpResponse<Map> stale = error(HttpRequest.PATCH(services(member) + "/" + id, Map.of("ownerRole", "上書き"))
                .header("If-Match", etag).bearerAuth(op));
        assertThat(stale.code()).isEqualTo(412);
        assertThat(stale.getBody(Map.class).orElseThrow().get("currentEtag")).isEqualTo(etag2);
        // "" clears optional fields, numbers included; an update that changes nothing makes no new version
        Map cleared = exchange(HttpRequest.PATCH(services(member) + "/" + id, Map.of("rpoMinutes", "",
                "name", "")).header("If-Match", etag2), op, Map.class).body();
        assertThat(cleared).doesNotContainKey("rpoMinutes").doesNotContainKey("name");
        assertThat(cleared.get("displayName")).isEqualTo("一般送配電事業");
        String etag3 = etagOf(services(member) + "/" + id, op);
        HttpResponse<Map> same = exchange(HttpRequest.PATCH(services(member) + "/" + id, Map.of("rtoMinutes", 30))
                .header("If-Match", etag3), op, Map.class);
        assertThat(same.header("ETag")).isEqualTo(etag3);

        assertThat(error(HttpRequest.DELETE(services(member) + "/" + id).bearerAuth(op)).code()).isEqualTo(428);
        assertThat(error(HttpRequest.DELETE(services(member) + "/" + id).header("If-Match", etag2).bearerAuth(op))
                .code()).isEqualTo(412);
        assertThat(exchange(HttpRequest.DELETE(services(member) + "/" + id).header("If-Match", etag3), op,
                String.class).code()).isEqualTo(204);
        assertThat(error(HttpRequest.GET(services(member) + "/" + id).bearerAuth(op)).code()).isEqualTo(404);
        assertThat(count("SELECT COUNT(*) FROM critical_service WHERE id = ? AND deleted_at IS NOT NULL", id))
                .isEqualTo(1);
        assertThat(ids(get(services(member), op))).doesNotContain(id).hasSize(2);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND entity_type = 'critical-service' "
                + "AND entity_id = ?", tenantA().id(), String.valueOf(id))).isEqualTo(4); // create, 2 updates, delete
    }

    @Test
    void badInputIsA400NamingTheFieldAndNothingIsWritten() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_STAFF));
        long member = createMember(sec);
        Map<String, Consumer<Map<String, Object>>> cases = new LinkedHashMap<>();
        cases.put("templateId", b -> b.put("templateId", "el.nuclear"));
        cases.put("templateId ", b -> b.put("templateId", "ic.telecommunications")); // another sector's service
        cases.put("name", b -> {
            b.put("templateId", null);
            b.remove("name");
        });
        cases.put("name ", b -> b.put("name", "名".repeat(201)));
        cases.put("description", b -> b.put("description", "x".repeat(2001)));
        cases.put("rtoMinutes", b -> b.put("rtoMinutes", -1));
        cases.put("rtoMinutes ", b -> b.put("rtoMinutes", "2h"));
        cases.put("rtoMinutes  ", b -> b.put("rtoMinutes", 525_601));
        cases.put("rpoMinutes", b -> b.put("rpoMinutes", 1.5));
        cases.put("rpoMinutes ", b -> b.put("rpoMinutes", List.of(5)));
        cases.put("ownMaintenanceLevel", b -> b.put("ownMaintenanceLevel", "水".repeat(1001)));
        cases.put("maintenanceLevelNotes", b -> b.put("maintenanceLevelNotes", "x".repeat(2001)));
        cases.put("dependencyNotes", b -> b.put("dependencyNotes", "x".repeat(2001)));
        cases.put("ownerName", b -> b.put("ownerName", "長".repeat(101)));
        cases.put("ownerRole", b -> b.put("ownerRole", "x".repeat(101)));
        for (var e : cases.entrySet()) {
            Map<String, Object> body = new HashMap<>(serviceBody());
            e.getValue().accept(body);
            HttpResponse<Map> r = error(HttpRequest.POST(services(member), body).bearerAuth(sec));
            assertThat(r.code()).as(e.getKey()).isEqualTo(400);
            assertThat(r.getContentType().orElseThrow().toString()).startsWith("application/problem+json");
            assertThat(violationFields(r)).as(e.getKey()).containsExactly(e.getKey().strip());
        }
        assertThat(violationFields(error(HttpRequest.POST(services(member), Map.of()).bearerAuth(sec))))
                .containsExactly("name");
        Map<String, Object> several = serviceBody();
        several.put("templateId", "wat.water-supply");
        several.put("rtoMinutes", 999_999);
        several.put("ownerRole", "x".repeat(101));
        assertThat(violationFields(error(HttpRequest.POST(services(member), several).bearerAuth(sec))))
                .containsExactlyInAnyOrder("templateId", "rtoMinutes", "ownerRole");
        assertThat(countServices(member)).isZero();
        assertThat(countChanges(member)).isZero();

        // the same rules on update, laid over the stored service; the stored service stays as it was
        Map<String, Object> noName = serviceBody();
        noName.remove("name");
        long id = createServiceId(sec, member, noName);
        String etag = etagOf(services(member) + "/" + id, sec);
        for (Map<String, Object> patch : List.<Map<String, Object>>of(Map.of("templateId", ""),
                Map.of("templateId", "gs.pipeline"), Map.of("rtoMinutes", 600_000, "ownerName", "x".repeat(101)))) {
            HttpResponse<Map> r = error(HttpRequest.PATCH(services(member) + "/" + id, patch)
                    .header("If-Match", etag).bearerAuth(sec));
            assertThat(r.code()).as(patch.toString()).isEqualTo(400);
        }
        assertThat(violationFields(error(HttpRequest.PATCH(services(member) + "/" + id, Map.of("templateId", ""))
                .header("If-Match", etag).bearerAuth(sec)))).containsExactly("name");
        assertThat(count("SELECT COUNT(*) FROM critical_service WHERE id = ? AND version = 0 "
                + "AND template_id = 'el.transmission-distribution' AND rto_minutes = 10", id)).isEqualTo(1);
        assertThat(countChanges(member)).isEqualTo(1);
        // a stored template stays valid after the member moved to another sector; a new one must be of the new sector
        execute("UPDATE member_operator SET sector_code = 'GAS' WHERE id = ?", member);
        Map kept = exchange(HttpRequest.PATCH(services(member) + "/" + id, Map.of("ownerRole", "導管部長"))
                .header("If-Match", etag), sec, Map.class).body();
        assertThat(kept.get("templateId")).isEqualTo("el.transmission-distribution");
        assertThat(violationFields(error(HttpRequest.POST(services(member), serviceBody()).bearerAuth(sec))))
                .containsExactly("templateId");
        Map<String, Object> gas = serviceBody();
        gas.put("templateId", "gs.pipeline");
        createServiceId(sec, member, gas);

        assertThat(violationFields(error(HttpRequest.GET(services(member) + "?updatedSince=yesterday")
                .bearerAuth(sec)))).containsExactly("updatedSince");
        assertThat(violationFields(error(HttpRequest.GET(services(member) + "?cursor=bogus!").bearerAuth(sec))))
                .containsExactly("cursor");
        assertThat(violationFields(error(HttpRequest.GET(services(member) + "?limit=0").bearerAuth(sec))))
                .containsExactly("limit");
    }

    @Test
    void deltaSyncReturnsChangesAndTombstonesOnly() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_STAFF, member));
        long old = createServiceId(op, member, serviceBody());
        long kept = createServiceId(op, member, serviceBody());
        long gone = createServiceId(op, member, serviceBody());
        Timestamp anHourAgo = Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS));
        execute("UPDATE critical_service SET created_at = ?, updated_at = ? WHERE member_operator_id = ?", anHourAgo,
                anHourAgo, member);
        Map full = get(services(member), op);
        assertThat(ids(full)).containsExactly(old, kept, gone);
        String token = (String) full.get("syncToken");
        assertThat(Instant.parse(token)).isBefore(Instant.now()).isAfter(anHourAgo.toInstant());

        exchange(HttpRequest.PATCH(services(member) + "/" + kept, Map.of("rtoMinutes", 45))
                .header("If-Match", etagOf(services(member) + "/" + kept, op)), op, Map.class);
        exchange(HttpRequest.DELETE(services(member) + "/" + gone)
                .header("If-Match", etagOf(services(member) + "/" + gone, op)), op, String.class);
        long added = createServiceId(op, member, serviceBody());

        String since = "?updatedSince=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        Map delta = get(services(member) + since, op);
        List<Map> items = (List<Map>) delta.get("items");
        assertThat(ids(delta)).containsExactly(kept, gone, added);
        assertThat(items.get(0).get("rtoMinutes")).isEqualTo(45);
        assertThat(items.get(0).get("deleted")).isEqualTo(false);
        Map tombstone = items.get(1);
        assertThat(tombstone.keySet()).containsExactlyInAnyOrder("id", "deleted", "deletedAt");
        assertThat(tombstone.get("deleted")).isEqualTo(true);
        assertThat(ids(get(services(member), op))).containsExactly(old, kept, added);

        assertThat(deltaPageByPage(services(member), token, op)).containsExactly(kept, gone, added);
        assertThat(ids(get(services(member) + "?updatedSince=" + Instant.now().plusSeconds(10), op))).isEmpty();
    }

    @Test
    void historyRecordsWhoChangedWhatAndSurvivesDeletion() {
        var secPerson = person(tenantA(), Role.SECRETARIAT_ADMIN);
        String sec = token(secPerson);
        long member = createMember(sec);
        var opPerson = person(tenantA(), Role.OPERATOR_ADMIN, member);
        String op = token(opPerson);
        long id = createServiceId(op, member, serviceBody());
        String etag2 = exchange(HttpRequest.PATCH(services(member) + "/" + id, Map.of("rtoMinutes", 20,
                "ownerName", "山田 太郎", "dependencyNotes", "")).header("If-Match",
                etagOf(services(member) + "/" + id, sec)), sec, Map.class).header("ETag");
        exchange(HttpRequest.DELETE(services(member) + "/" + id).header("If-Match", etag2), op, String.class);

        List<Map> h = (List<Map>) get(services(member) + "/" + id + "/history", op).get("items");
        assertThat(h).extracting(e -> e.get("changeType")).containsExactly("CREATED", "UPDATED", "DELETED");
        assertThat(h).extracting(e -> ((Number) e.get("seq")).intValue()).containsExactly(1, 2, 3);
        assertThat(h.get(0).get("actorName")).isEqualTo(opPerson.username());
        assertThat((Map) h.get(0).get("after")).containsEntry("templateId", "el.transmission-distribution")
                .containsEntry("rtoMinutes", 10).containsEntry("rpoMinutes", 0);
        Map update = h.get(1);
        assertThat(update.get("actorSubject")).isEqualTo(secPerson.subject());
        assertThat(((Map) update.get("before")).keySet()).containsExactlyInAnyOrder("rtoMinutes", "dependencyNotes");
        assertThat((Map) update.get("after")).containsEntry("rtoMinutes", 20).containsEntry("dependencyNotes", null);
        assertThat((Map) h.get(2).get("before")).containsEntry("rtoMinutes", 20);
        assertThat(h.get(2).get("after")).isNull();
        Map first = get(services(member) + "/" + id + "/history?limit=2", sec);
        assertThat((List) first.get("items")).hasSize(2);
        Map rest = get(services(member) + "/" + id + "/history?limit=2&cursor=" + first.get("nextCursor"), sec);
        assertThat(((List<Map>) rest.get("items")).getFirst().get("changeType")).isEqualTo("DELETED");
        assertThat(rest.get("nextCursor")).isNull();
    }
}
