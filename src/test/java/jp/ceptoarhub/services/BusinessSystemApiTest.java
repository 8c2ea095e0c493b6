package jp.ceptoarhub.services;

import io.micronaut.context.BeanContext;
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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class BusinessSystemApiTest extends CriticalServiceTestSupport {
    @Inject
    BeanContext beans;
    @Inject
    JsonMapper json;

    @Test
    void createReadUpdateDeleteWithLinksEtagsIdempotencyAndLabels() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_ADMIN, member));
        long s1 = createServiceId(op, member, serviceBody());
        long s2 = createServiceId(op, member, serviceBody());

        Map<String, Object> body = systemBody(s2, s1, s2); // duplicates merged, ascending
        HttpResponse<Map> created = exchange(HttpRequest.POST(systems(member), body)
                .header("Idempotency-Key", "bs-1"), op, Map.class);
        assertThat(created.code()).isEqualTo(201);
        long id = ((Number) created.body().get("id")).longValue();
        String etag = created.header("ETag");
        assertThat(etag).isEqualTo("W/\"business-system-" + id + "-v0\"");
        assertThat(created.header("Location")).isEqualTo(systems(member) + "/" + id);
        assertThat(exchange(HttpRequest.POST(systems(member), body).header("Idempotency-Key", "bs-1"), op, Map.class)
                .header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(countSystems(member)).isEqualTo(1);

        Map ja = get(systems(member) + "/" + id, op);
        assertThat(ja.get("name")).isEqualTo("系統監視制御システム");
        assertThat(ja.get("kind")).isEqualTo("OT");
        assertThat(ja.get("kindLabel")).isEqualTo("制御システム");
        assertThat(ja.get("criticalityLabel")).isEqualTo("高");
        assertThat(ja.get("hostingLabel")).isEqualTo("オンプレミス");
        assertThat(longs(ja.get("serviceIds"))).containsExactly(s1, s2);
        assertThat((List) ja.get("supplierIds")).isEmpty();
        Map en = http.toBlocking().retrieve(HttpRequest.GET(systems(member) + "/" + id)
                .header("Accept-Language", "en").bearerAuth(op), Map.class);
        assertThat(en.get("kindLabel")).isEqualTo("Control system (OT)");
        assertThat(en.get("hostingLabel")).isEqualTo("On-premises");
        Map<String, Object> it = systemBody();
        it.put("kind", "ＩＴ"); // full-width code normalised (NFKC)
        it.remove("criticality");
        it.remove("hosting");
        Map itSystem = get(systems(member) + "/" + createSystemId(op, member, it), op);
        assertThat(itSystem.get("kindLabel")).isEqualTo("情報系システム");
        assertThat(itSystem).doesNotContainKey("criticality").doesNotContainKey("hostingLabel");

        // deleting a service a live system supports: 409 naming the system; nothing deleted
        HttpResponse<Map> linked = error(HttpRequest.DELETE(services(member) + "/" + s1)
                .header("If-Match", etagOf(services(member) + "/" + s1, op)).bearerAuth(op));
        assertThat(linked.code()).isEqualTo(409);
        Map problem = linked.getBody(Map.class).orElseThrow();
        assertThat(problem.get("type")).isEqualTo("urn:ceptoar-hub:problem:critical-service-linked");
        assertThat((String) problem.get("detail")).contains("system " + id + " 系統監視制御システム");
        assertThat(count("SELECT COUNT(*) FROM critical_service WHERE id = ? AND deleted_at IS NULL", s1)).isEqualTo(1);

        // If-Match, then unlink s1 (a list replaces the stored one)
        Map<String, Object> patch = Map.of("serviceIds", List.of(s2), "hosting", "HYBRID");
        assertThat(error(HttpRequest.PATCH(systems(member) + "/" + id, patch).bearerAuth(op)).code()).isEqualTo(428);
        assertThat(error(HttpRequest.PATCH(systems(member) + "/" + id, patch)
                .header("If-Match", "W/\"business-system-" + id + "-v7\"").bearerAuth(op)).code()).isEqualTo(412);
        HttpResponse<Map> updated = exchange(HttpRequest.PATCH(systems(member) + "/" + id, patch)
                .header("If-Match", etag), op, Map.class);
        assertThat(longs(updated.body().get("serviceIds"))).containsExactly(s2);
        assertThat(updated.body().get("hosting")).isEqualTo("HYBRID");
        assertThat(updated.body().get("criticality")).isEqualTo("HIGH");
        String etag2 = updated.header("ETag");
        HttpResponse<Map> stale = error(HttpRequest.PATCH(systems(member) + "/" + id, Map.of("name", "上書き"))
                .header("If-Match", etag).bearerAuth(op));
        assertThat(stale.code()).isEqualTo(412);
        assertThat(stale.getBody(Map.class).orElseThrow().get("currentEtag")).isEqualTo(etag2);
        // an update without serviceIds keeps them; "" clears an optional code
        Map cleared = exchange(HttpRequest.PATCH(systems(member) + "/" + id, Map.of("criticality", ""))
                .header("If-Match", etag2), op, Map.class).body();
        assertThat(cleared).doesNotContainKey("criticality");
        assertThat(longs(cleared.get("serviceIds"))).containsExactly(s2);
        assertThat(exchange(HttpRequest.DELETE(services(member) + "/" + s1)
                .header("If-Match", etagOf(services(member) + "/" + s1, op)), op, String.class).code()).isEqualTo(204);

        String etag3 = etagOf(systems(member) + "/" + id, op);
        assertThat(error(HttpRequest.DELETE(systems(member) + "/" + id).bearerAuth(op)).code()).isEqualTo(428);
        assertThat(exchange(HttpRequest.DELETE(systems(member) + "/" + id).header("If-Match", etag3), op,
                String.class).code()).isEqualTo(204);
        assertThat(error(HttpRequest.GET(systems(member) + "/" + id).bearerAuth(op)).code()).isEqualTo(404);
        assertThat(count("SELECT COUNT(*) FROM business_system_service WHERE system_id = ?", id)).isZero();
        // with the system gone, s2 can be deleted
        assertThat(exchange(HttpRequest.DELETE(services(member) + "/" + s2)
                .header("If-Match", etagOf(services(member) + "/" + s2, op)), op, String.class).code()).isEqualTo(204);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND entity_type = 'business-system' "
                + "AND entity_id = ?", tenantA().id(), String.valueOf(id))).isEqualTo(4);
    }

    @Test
    void badInputIsA400NamingTheFieldAndNothingIsWritten() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_STAFF));
        String secB = token(person(tenantB(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        long other = createMember(sec);
        long memberB = createMember(secB);
        long service = createServiceId(sec, member, serviceBody());
        long othersService = createServiceId(sec, other, serviceBody());
        long tenantBService = createServiceId(secB, memberB, serviceBody());
        long deletedService = createServiceId(sec, member, serviceBody());
        execute("UPDATE critical_service SET deleted_at = updated_at WHERE id = ?", deletedService);
        long changes = countChanges(member);

        Map<String, Consumer<Map<String, Object>>> cases = new LinkedHashMap<>();
        cases.put("name", b -> b.remove("name"));
        cases.put("name ", b -> b.put("name", "名".repeat(201)));
        cases.put("kind", b -> b.put("kind", "SCADA"));
        cases.put("kind ", b -> b.remove("kind"));
        cases.put("description", b -> b.put("description", "x".repeat(2001)));
        cases.put("criticality", b -> b.put("criticality", "CRITICAL"));
        cases.put("hosting", b -> b.put("hosting", "SAAS"));
        cases.put("serviceIds", b -> b.put("serviceIds", "1,2"));
        cases.put("serviceIds[1]", b -> b.put("serviceIds", List.of(service, "x")));
        cases.put("serviceIds[0]", b -> b.put("serviceIds", List.of(0)));
        cases.put("serviceIds[1] ", b -> b.put("serviceIds", List.of(service, othersService))); // another member's
        cases.put("serviceIds[0] ", b -> b.put("serviceIds", List.of(tenantBService, service))); // another tenant's
        cases.put("serviceIds[2]", b -> b.put("serviceIds", List.of(service, service, deletedService)));
        cases.put("serviceIds[0]  ", b -> b.put("serviceIds", List.of(999_999_999L)));
        cases.put("serviceIds ", b -> b.put("serviceIds", java.util.Collections.nCopies(101, service)));
        // no supplier record type (or no such supplier): every supplier id is unknown
        cases.put("supplierIds[0]", b -> b.put("supplierIds", List.of(999_999_999L)));
        cases.put("supplierIds", b -> b.put("supplierIds", Map.of("id", 1)));
        cases.put("ownerName", b -> b.put("ownerName", "長".repeat(101)));
        cases.put("ownerRole", b -> b.put("ownerRole", "x".repeat(101)));
        for (var e : cases.entrySet()) {
            Map<String, Object> body = new HashMap<>(systemBody(service));
            e.getValue().accept(body);
            HttpResponse<Map> r = error(HttpRequest.POST(systems(member), body).bearerAuth(sec));
            assertThat(r.code()).as(e.getKey()).isEqualTo(400);
            assertThat(r.getContentType().orElseThrow().toString()).startsWith("application/problem+json");
            assertThat(violationFields(r)).as(e.getKey()).containsExactly(e.getKey().strip());
        }
        Map<String, Object> two = systemBody(othersService);
        two.put("supplierIds", List.of(5, 6));
        assertThat(violationFields(error(HttpRequest.POST(systems(member), two).bearerAuth(sec))))
                .containsExactly("serviceIds[0]", "supplierIds[0]", "supplierIds[1]");
        assertThat(violationFields(error(HttpRequest.POST(systems(member), Map.of()).bearerAuth(sec))))
                .containsExactlyInAnyOrder("name", "kind");
        assertThat(countSystems(member)).isZero();
        assertThat(countLinks(member)).isZero();
        assertThat(countChanges(member)).isEqualTo(changes);

        // the same on update: the stored system and its links stay as they were
        long id = createSystemId(sec, member, systemBody(service));
        String etag = etagOf(systems(member) + "/" + id, sec);
        HttpResponse<Map> r = error(HttpRequest.PATCH(systems(member) + "/" + id,
                Map.of("serviceIds", List.of(othersService), "kind", "PLC")).header("If-Match", etag).bearerAuth(sec));
        assertThat(r.code()).isEqualTo(400);
        assertThat(violationFields(r)).containsExactly("kind");
        assertThat(violationFields(error(HttpRequest.PATCH(systems(member) + "/" + id,
                Map.of("serviceIds", List.of(othersService), "supplierIds", List.of(7))).header("If-Match", etag)
                .bearerAuth(sec)))).containsExactly("serviceIds[0]", "supplierIds[0]");
        assertThat(violationFields(error(HttpRequest.PATCH(systems(member) + "/" + id, Map.of("name", ""))
                .header("If-Match", etag).bearerAuth(sec)))).containsExactly("name");
        assertThat(count("SELECT COUNT(*) FROM business_system WHERE id = ? AND version = 0 AND kind = 'OT'", id))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM business_system_service WHERE system_id = ? AND service_id = ?", id,
                service)).isEqualTo(1);
        assertThat(countLinks(member)).isEqualTo(1);
        assertThat(violationFields(error(HttpRequest.GET(systems(member) + "?updatedSince=2026-13-01")
                .bearerAuth(sec)))).containsExactly("updatedSince");
    }

    @Test
    void deltaSyncAndHistoryOfSystems() {
        var opPerson = person(tenantA(), Role.SECRETARIAT_ADMIN);
        String sec = token(opPerson);
        long member = createMember(sec);
        long service = createServiceId(sec, member, serviceBody());
        long old = createSystemId(sec, member, systemBody(service));
        long kept = createSystemId(sec, member, systemBody());
        long gone = createSystemId(sec, member, systemBody(service));
        Timestamp anHourAgo = Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS));
        execute("UPDATE business_system SET created_at = ?, updated_at = ? WHERE member_operator_id = ?", anHourAgo,
                anHourAgo, member);
        Map full = get(systems(member), sec);
        assertThat(ids(full)).containsExactly(old, kept, gone);
        String since = "?updatedSince=" + URLEncoder.encode((String) full.get("syncToken"), StandardCharsets.UTF_8);

        exchange(HttpRequest.PATCH(systems(member) + "/" + kept, Map.of("serviceIds", List.of(service)))
                .header("If-Match", etagOf(systems(member) + "/" + kept, sec)), sec, Map.class);
        exchange(HttpRequest.DELETE(systems(member) + "/" + gone)
                .header("If-Match", etagOf(systems(member) + "/" + gone, sec)), sec, String.class);
        Map delta = get(systems(member) + since, sec);
        assertThat(ids(delta)).containsExactly(kept, gone);
        List<Map> items = (List<Map>) delta.get("items");
        assertThat(longs(items.get(0).get("serviceIds"))).containsExactly(service);
        assertThat(items.get(1).keySet()).containsExactlyInAnyOrder("id", "deleted", "deletedAt");
        Map page1 = get(systems(member) + since + "&limit=1", sec);
        assertThat(ids(page1)).containsExactly(kept);
        Map page2 = get(systems(member) + since + "&limit=1&cursor=" + page1.get("nextCursor"), sec);
        assertThat(ids(page2)).containsExactly(gone);
        assertThat(page2.get("syncToken")).isEqualTo(page1.get("syncToken"));
        assertThat(page2.get("nextCursor")).isNull();

        List<Map> h = (List<Map>) get(systems(member) + "/" + kept + "/history", sec).get("items");
        assertThat(h).extracting(e -> e.get("changeType")).containsExactly("CREATED", "UPDATED");
        assertThat(h.get(0).get("actorName")).isEqualTo(opPerson.username());
        assertThat((Map) h.get(0).get("after")).containsEntry("kind", "OT").containsEntry("serviceIds", List.of());
        assertThat((Map) h.get(1).get("before")).containsOnlyKeys("serviceIds");
        assertThat(longs(((Map) h.get(1).get("after")).get("serviceIds"))).containsExactly(service);
        List<Map> g = (List<Map>) get(systems(member) + "/" + gone + "/history", sec).get("items");
        assertThat(g.getLast().get("changeType")).isEqualTo("DELETED");
        assertThat(longs(((Map) g.getLast().get("before")).get("serviceIds"))).containsExactly(service);
        // a service's history is separate from a system's with the same id
        assertThat(count("SELECT COUNT(*) FROM record_change WHERE record_type = 'business-systems' "
                + "AND record_id = ?", kept)).isEqualTo(2);
    }

    @Test
    void freshnessNeedsRtoRpoAndASystemPerServiceAndConfirmRefreshesIt() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_STAFF, member));
        assertThat(state(sec, member).get("status")).isEqualTo("MISSING");
        assertThat(error(HttpRequest.POST(services(member) + "/confirm", Map.of()).bearerAuth(op)).code())
                .isEqualTo(409);

        long orphanSystem = createSystemId(op, member, systemBody());
        assertThat(state(sec, member).get("status")).isEqualTo("INCOMPLETE"); // systems but no service
        Map<String, Object> noRpo = serviceBody();
        noRpo.remove("rpoMinutes");
        long s1 = createServiceId(op, member, noRpo);
        long s2 = createServiceId(op, member, serviceBody());
        exchange(HttpRequest.PATCH(systems(member) + "/" + orphanSystem, Map.of("serviceIds", List.of(s1, s2)))
                .header("If-Match", etagOf(systems(member) + "/" + orphanSystem, op)), op, Map.class);
        assertThat(state(sec, member).get("status")).isEqualTo("INCOMPLETE"); // s1 has no RPO
        exchange(HttpRequest.PATCH(services(member) + "/" + s1, Map.of("rpoMinutes", 60))
                .header("If-Match", etagOf(services(member) + "/" + s1, op)), op, Map.class);
        assertThat(state(sec, member).get("status")).isEqualTo("CURRENT");
        long s3 = createServiceId(op, member, serviceBody());
        assertThat(state(sec, member).get("status")).isEqualTo("INCOMPLETE"); // s3 is supported by no system
        long second = createSystemId(op, member, systemBody(s3));
        assertThat(state(sec, member).get("status")).isEqualTo("CURRENT");

        // untouched for 400 days: stale; "confirm unchanged" (either path) makes it current without an edit
        Timestamp longAgo = Timestamp.from(Instant.now().minus(400, ChronoUnit.DAYS));
        execute("UPDATE critical_service SET updated_at = ? WHERE member_operator_id = ?", longAgo, member);
        execute("UPDATE business_system SET updated_at = ? WHERE member_operator_id = ?", longAgo, member);
        assertThat(state(sec, member).get("status")).isEqualTo("STALE");
        Map confirmed = http.toBlocking().retrieve(HttpRequest.POST(systems(member) + "/confirm", Map.of())
                .bearerAuth(op), Map.class);
        assertThat(((Number) confirmed.get("serviceCount")).intValue()).isEqualTo(3);
        assertThat(((Number) confirmed.get("systemCount")).intValue()).isEqualTo(2);
        Map state = state(sec, member);
        assertThat(state.get("status")).isEqualTo("CURRENT");
        assertThat(Instant.parse((String) state.get("lastConfirmedAt"))).isAfter(Instant.now().minusSeconds(60));
        assertThat(count("SELECT COUNT(*) FROM critical_service WHERE member_operator_id = ? AND version > 0 "
                + "AND id <> ?", member, s1)).isZero();
        assertThat(((List<Map>) get(services(member) + "/" + s2 + "/history", sec).get("items")).getLast()
                .get("changeType")).isEqualTo("CONFIRMED");
        assertThat(((List<Map>) get(systems(member) + "/" + second + "/history", sec).get("items")).getLast()
                .get("changeType")).isEqualTo("CONFIRMED");
        assertThat(http.toBlocking().retrieve(HttpRequest.POST(services(member) + "/confirm", Map.of())
                .bearerAuth(sec), Map.class).get("serviceCount")).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM record_confirmation WHERE member_operator_id = ? "
                + "AND record_type = 'critical-services'", member)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'critical-services.confirmed' "
                + "AND entity_id = ?", tenantA().id(), String.valueOf(member))).isEqualTo(2);
    }

    @Test
    void exportAndLinkBeansServeOtherFeatures() throws Exception {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        long other = createMember(sec);
        long service = createServiceId(sec, member, serviceBody());
        long gone = createServiceId(sec, member, serviceBody());
        exchange(HttpRequest.DELETE(services(member) + "/" + gone)
                .header("If-Match", etagOf(services(member) + "/" + gone, sec)), sec, String.class);
        long system = createSystemId(sec, member, systemBody(service));
        long tenant = tenantA().id();

        Map<String, RecordExport> exports = beans.getBeansOfType(RecordExport.class).stream()
                .filter(e -> e.recordType() == RecordType.CRITICAL_SERVICES)
                .collect(Collectors.toMap(RecordExport::code, e -> e));
        assertThat(exports).containsOnlyKeys("critical-services", "systems");
        List<Map> exportedServices = json.readValue(json.writeValueAsBytes(
                exports.get("critical-services").export(tenant, member, Labels.EN)),
                Argument.listOf(Map.class));
        assertThat(exportedServices).hasSize(1);
        assertThat(((Number) exportedServices.getFirst().get("id")).longValue()).isEqualTo(service);
        assertThat(exportedServices.getFirst().get("displayName")).isEqualTo("東都エリア一般送配電事業");
        assertThat(exports.get("critical-services").label(Labels.JA)).isEqualTo("重要サービス");
        List<Map> exportedSystems = json.readValue(json.writeValueAsBytes(
                exports.get("systems").export(tenant, member, Labels.EN)),
                Argument.listOf(Map.class));
        assertThat(exportedSystems).hasSize(1);
        assertThat(exportedSystems.getFirst().get("kindLabel")).isEqualTo("Control system (OT)");
        assertThat(longs(exportedSystems.getFirst().get("serviceIds"))).containsExactly(service);
        for (RecordExport export : exports.values()) {
            assertThat(export.export(tenant, other, Labels.JA)).isEmpty();
            assertThat(export.export(tenantB().id(), member, Labels.JA)).isEmpty();
        }

        RecordLinks.Target services = target("critical-services");
        assertThat(services.liveIds(tenant, member, List.of(service, gone, 999_999_999L))).containsExactly(service);
        assertThat(services.liveIds(tenant, other, List.of(service))).isEmpty();
        assertThat(services.liveIds(tenantB().id(), member, List.of(service))).isEmpty();
        assertThat(target("business-systems").liveIds(tenant, member, List.of(system))).containsExactly(system);

        // a supplier link (as the suppliers feature would validate it) blocks the supplier's deletion
        execute("INSERT INTO business_system_supplier (tenant_id, member_operator_id, system_id, supplier_id) "
                + "VALUES (?, ?, ?, ?)", tenant, member, system, 4242L);
        RecordLinks.Source source = beans.getBeansOfType(RecordLinks.Source.class).stream()
                .filter(s -> s.recordType().equals("critical-services")).findFirst().orElseThrow();
        assertThat(source.linksTo("suppliers", tenant, member, 4242L))
                .containsExactly("system " + system + " 系統監視制御システム");
        assertThat(source.linksTo("suppliers", tenant, other, 4242L)).isEmpty();
        assertThat(source.linksTo("suppliers", tenantB().id(), member, 4242L)).isEmpty();
        assertThat(source.linksTo("cloud-services", tenant, member, 4242L)).isEmpty();
        assertThat(longs(get(systems(member) + "/" + system, sec).get("supplierIds"))).containsExactly(4242L);
        // an update that does not send supplierIds keeps the link; the system's deletion removes it
        exchange(HttpRequest.PATCH(systems(member) + "/" + system, Map.of("ownerRole", "情報システム部長"))
                .header("If-Match", etagOf(systems(member) + "/" + system, sec)), sec, Map.class);
        assertThat(source.linksTo("suppliers", tenant, member, 4242L)).hasSize(1);
        exchange(HttpRequest.DELETE(systems(member) + "/" + system)
                .header("If-Match", etagOf(systems(member) + "/" + system, sec)), sec, String.class);
        assertThat(source.linksTo("suppliers", tenant, member, 4242L)).isEmpty();
        assertThat(Set.copyOf(services.liveIds(tenant, member, List.of(service)))).containsExactly(service);
    }

    private RecordLinks.Target target(String type) {
        return beans.getBeansOfType(RecordLinks.Target.class).stream().filter(t -> t.recordType().equals(type))
                .findFirst().orElseThrow();
    }

    private Map state(String sec, long member) {
        Map d = get("/api/v1/members/freshness", sec);
        for (Map row : (List<Map>) d.get("items")) {
            if (((Number) row.get("memberId")).longValue() == member) {
                return ((List<Map>) row.get("records")).stream()
                        .filter(r -> "critical-services".equals(r.get("recordType"))).findFirst().orElseThrow();
            }
        }
        throw new AssertionError("member " + member + " not on the dashboard");
    }
}
