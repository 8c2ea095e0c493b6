package jp.ceptoarhub.cloud;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class CloudServiceApiTest extends CloudServiceTestSupport {
    @Inject
    JsonMapper json;

    @Inject
    List<RecordExport> exports;

    @Inject
    List<RecordLinks.Target> targets;

    @Test
    void createReadUpdateDeleteWithEtagsIdempotencyAndLabels() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_ADMIN, member));

        Map<String, Object> body = serviceBody();
        body.put("serviceName", "ﾄｳﾄ IaaS 𠮷"); // half-width katakana normalised (NFKC), non-BMP kept
        body.put("dataCountries", List.of("jp", "US")); // lower case accepted, stored upper case
        HttpResponse<Map> created = exchange(HttpRequest.POST(services(member), body)
                .header("Idempotency-Key", "cs-1"), op, Map.class);
        assertThat(created.code()).isEqualTo(201);
        long id = ((Number) created.body().get("id")).longValue();
        String etag = created.header("ETag");
        assertThat(etag).isEqualTo("W/\"cloud-service-" + id + "-v0\"");
        assertThat(created.header("Location")).isEqualTo(services(member) + "/" + id);
        HttpResponse<Map> replay = exchange(HttpRequest.POST(services(member), body)
                .header("Idempotency-Key", "cs-1"), op, Map.class);
        assertThat(((Number) replay.body().get("id")).longValue()).isEqualTo(id);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(countServices(member)).isEqualTo(1);

        Map ja = http.toBlocking().retrieve(HttpRequest.GET(services(member) + "/" + id)
                .header("Accept-Language", "ja").bearerAuth(op), Map.class);
        assertThat(ja.get("serviceName")).isEqualTo("トウト IaaS 𠮷");
        assertThat(ja.get("dataCountries")).isEqualTo(List.of("JP", "US"));
        assertThat(ja.get("serviceModelsLabels")).isEqualTo(List.of("IaaS", "PaaS"));
        assertThat(ja.get("deploymentModelLabel")).isEqualTo("パブリッククラウド");
        assertThat(ja.get("slaAvailabilityPercent")).isEqualTo(99.9);
        assertThat(((Number) ja.get("slaAllowedDowntimeMinutesPerMonth")).doubleValue()).isEqualTo(43.2);
        assertThat(ja.get("complete")).isEqualTo(true);
        assertThat((List) ja.get("missingForComplete")).isEmpty();
        assertThat((List) ja.get("termsChanges")).isEmpty();
        assertThat(ja).doesNotContainKey("personalData").doesNotContainKey("deletedAt");
        Map check0 = ((List<Map>) ja.get("checks")).get(0);
        assertThat(check0).containsEntry("code", "SLA").containsEntry("status", "DONE")
                .containsEntry("statusLabel", "実施済").containsEntry("evidenceDate", "2025-04-01");
        assertThat(((List<Map>) ja.get("measures")).get(0).get("codeLabel"))
                .isEqualTo("責任共有モデルを理解し、クラウドサービス提供者との責任範囲等を明確にする");
        Map en = http.toBlocking().retrieve(HttpRequest.GET(services(member) + "/" + id)
                .header("Accept-Language", "en-US,en;q=0.9").bearerAuth(op), Map.class);
        assertThat(en.get("deploymentModelLabel")).isEqualTo("Public cloud");
        assertThat(((List<Map>) en.get("checks")).get(1).get("codeLabel")).isEqualTo("Other (text in otherText)");
        assertThat(((List<Map>) en.get("certifications")).get(0).get("codeLabel"))
                .isEqualTo("ISMAP (Information system Security Management and Assessment Program)");

        // If-Match: missing → 428, wrong → 412, nothing changed either time
        Map<String, Object> patch = Map.of("slaAvailabilityPercent", 99.99, "deploymentModel", "HYBRID");
        assertThat(error(HttpRequest.PATCH(services(member) + "/" + id, patch).bearerAuth(op)).code()).isEqualTo(428);
        assertThat(error(HttpRequest.PATCH(services(member) + "/" + id, patch)
                .header("If-Match", "W/\"cloud-service-" + id + "-v99\"").bearerAuth(op)).code()).isEqualTo(412);
        assertThat(count("SELECT COUNT(*) FROM cloud_service WHERE id = ? AND deployment_model = 'PUBLIC' "
                + "AND version = 0", id)).isEqualTo(1);
        HttpResponse<Map> updated = exchange(HttpRequest.PATCH(services(member) + "/" + id, patch)
                .header("If-Match", etag), op, Map.class);
        assertThat(updated.body().get("deploymentModel")).isEqualTo("HYBRID");
        assertThat(((Number) updated.body().get("slaAllowedDowntimeMinutesPerMonth")).doubleValue()).isEqualTo(4.3);
        assertThat(updated.body().get("serviceModels")).isEqualTo(List.of("IAAS", "PAAS")); // untouched
        String etag2 = updated.header("ETag");
        assertThat(etag2).isEqualTo("W/\"cloud-service-" + id + "-v1\"");
        HttpResponse<Map> stale = error(HttpRequest.PATCH(services(member) + "/" + id, Map.of("notes", "上書き"))
                .header("If-Match", etag).bearerAuth(op));
        assertThat(stale.code()).isEqualTo(412);
        assertThat(stale.getBody(Map.class).orElseThrow().get("currentEtag")).isEqualTo(etag2);
        assertThat(count("SELECT COUNT(*) FROM cloud_service WHERE id = ? AND notes = ?", id, "上書き")).isZero();
        // "" clears a scalar (also a boolean or number), [] empties a list; an unchanged PATCH makes no version
        Map cleared = exchange(HttpRequest.PATCH(services(member) + "/" + id, Map.of("deploymentModel", "",
                "multiRegion", "", "slaAvailabilityPercent", "", "regions", List.of())).header("If-Match", etag2),
                op, Map.class).body();
        assertThat(cleared).doesNotContainKeys("deploymentModel", "deploymentModelLabel", "multiRegion",
                "slaAvailabilityPercent", "slaAllowedDowntimeMinutesPerMonth");
        assertThat((List) cleared.get("regions")).isEmpty();
        String etag3 = etagOf(services(member) + "/" + id, op);
        HttpResponse<Map> same = exchange(HttpRequest.PATCH(services(member) + "/" + id,
                Map.of("providerName", "東都クラウド株式会社")).header("If-Match", etag3), op, Map.class);
        assertThat(same.header("ETag")).isEqualTo(etag3);

        assertThat(error(HttpRequest.DELETE(services(member) + "/" + id).bearerAuth(op)).code()).isEqualTo(428);
        assertThat(error(HttpRequest.DELETE(services(member) + "/" + id).header("If-Match", etag2).bearerAuth(op))
                .code()).isEqualTo(412);
        assertThat(exchange(HttpRequest.DELETE(services(member) + "/" + id).header("If-Match", etag3), op,
                String.class).code()).isEqualTo(204);
        assertThat(error(HttpRequest.GET(services(member) + "/" + id).bearerAuth(op)).code()).isEqualTo(404);
        assertThat(error(HttpRequest.PATCH(services(member) + "/" + id, Map.of("notes", "x")).header("If-Match", "*")
                .bearerAuth(op)).code()).isEqualTo(404);
        assertThat(count("SELECT COUNT(*) FROM cloud_service WHERE id = ? AND deleted_at IS NOT NULL", id))
                .isEqualTo(1);
        assertThat((List) get(services(member), op).get("items")).isEmpty();
    }

    @Test
    void badInputIsA400NamingTheFieldAndNothingIsWritten() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_STAFF));
        long member = createMember(sec);
        Map<String, Consumer<Map<String, Object>>> cases = new LinkedHashMap<>();
        cases.put("providerName", b -> b.put("providerName", "  "));
        cases.put("serviceName", b -> b.put("serviceName", "名".repeat(201)));
        cases.put("serviceModels[1]", b -> b.put("serviceModels", List.of("IAAS", "DAAS")));
        cases.put("serviceModels[1] ", b -> b.put("serviceModels", List.of("IAAS", "IAAS")));
        cases.put("deploymentModel", b -> b.put("deploymentModel", "COMMUNITY"));
        cases.put("multiCloud", b -> b.put("multiCloud", "yes"));
        cases.put("importance", b -> b.put("importance", "CRITICAL"));
        cases.put("providerCountry", b -> b.put("providerCountry", "XX"));
        cases.put("dataCountries[0]", b -> b.put("dataCountries", List.of("JPN")));
        cases.put("dataCountries", b -> b.put("dataCountries", "JP"));
        cases.put("dataCountryNotes", b -> b.put("dataCountryUnidentifiable", true));
        cases.put("regions", b -> b.put("regions", java.util.Collections.nCopies(21, "r")));
        cases.put("regions[0]", b -> b.put("regions", List.of("地".repeat(101))));
        cases.put("slaAvailabilityPercent", b -> b.put("slaAvailabilityPercent", 100.5));
        cases.put("slaAvailabilityPercent ", b -> b.put("slaAvailabilityPercent", 99.99991));
        cases.put("logRetentionDays", b -> b.put("logRetentionDays", -1));
        cases.put("logRetentionDays ", b -> b.put("logRetentionDays", 1.5));
        cases.put("lastAssessmentOn", b -> b.put("lastAssessmentOn", LocalDate.now().plusDays(10).toString()));
        cases.put("lastPentestOn", b -> b.put("lastPentestOn", "2025-02-30"));
        cases.put("assessmentIntervalMonths", b -> b.put("assessmentIntervalMonths", 0));
        cases.put("notes", b -> b.put("notes", "備".repeat(2001)));
        cases.put("exitTerms", b -> b.put("exitTerms", 42));
        cases.put("unknownField", b -> b.put("unknownField", "x"));
        cases.put("checks[2].code", b -> ((List) b.get("checks")).add(Map.of("code", "Q55_1", "status", "DONE")));
        cases.put("checks[2].status", b -> ((List) b.get("checks")).add(Map.of("code", "LOGS", "status", "YES")));
        cases.put("checks[2].code ", b -> ((List) b.get("checks")).add(Map.of("code", "SLA", "status", "DONE")));
        cases.put("checks[2].otherText", b -> ((List) b.get("checks")).add(Map.of("code", "OTHER", "status", "DONE")));
        cases.put("checks[2].otherText ", b -> ((List) b.get("checks")).add(Map.of("code", "LOGS", "status", "DONE",
                "otherText", "x")));
        cases.put("checks[2].evidence", b -> ((List) b.get("checks")).add(Map.of("code", "LOGS", "status", "DONE",
                "evidence", "証".repeat(501))));
        cases.put("checks[2].colour", b -> ((List) b.get("checks")).add(Map.of("code", "LOGS", "status", "DONE",
                "colour", "red")));
        cases.put("checks[2]", b -> ((List) b.get("checks")).add("LOGS"));
        cases.put("checks", b -> b.put("checks", java.util.Collections.nCopies(41, Map.of("code", "OTHER",
                "otherText", "x", "status", "DONE"))));
        cases.put("measures[2].code", b -> ((List) b.get("measures")).add(Map.of("code", "SG2023-5.5.2-07",
                "status", "DONE")));
        cases.put("measures[2].evidenceDate", b -> ((List) b.get("measures")).add(Map.of("code", "CYBER_INSURANCE",
                "status", "DONE", "evidenceDate", "yesterday")));
        cases.put("certifications[0].otherName", b -> b.put("certifications", List.of(Map.of("code", "OTHER"))));
        cases.put("responsibilities[0].party", b -> b.put("responsibilities", List.of(Map.of("area", "DATA",
                "owner", "OUTSOURCED"))));
        cases.put("responsibilities[1].area", b -> b.put("responsibilities", List.of(Map.of("area", "DATA",
                "owner", "USER"), Map.of("area", "DATA", "owner", "SHARED"))));
        cases.put("contractParties[0].name", b -> b.put("contractParties", List.of(Map.of("role", "SELLER"))));
        cases.put("incidentContacts[0].kind", b -> b.put("incidentContacts", List.of(Map.of("kind", "POLICE",
                "name", "x"))));
        cases.put("termsChanges[0].impactReview", b -> b.put("termsChanges", List.of(Map.of("changedOn",
                "2025-05-01", "description", "利用規約改定"))));
        cases.put("communications", b -> b.put("communications", java.util.Collections.nCopies(4,
                Map.of("link", "USER_OPERATOR"))));
        for (var e : cases.entrySet()) {
            Map<String, Object> body = serviceBody();
            e.getValue().accept(body);
            HttpResponse<Map> r = error(HttpRequest.POST(services(member), body).bearerAuth(sec));
            assertThat(r.code()).as(e.getKey()).isEqualTo(400);
            assertThat(r.getContentType().orElseThrow().toString()).startsWith("application/problem+json");
            assertThat(violationFields(r)).as(e.getKey()).containsExactly(e.getKey().strip());
        }
        assertThat(violationFields(error(HttpRequest.POST(services(member), Map.of()).bearerAuth(sec))))
                .containsExactlyInAnyOrder("providerName", "serviceName");
        assertThat(violationFields(error(HttpRequest.POST(services(member), "[1]").bearerAuth(sec))))
                .containsExactly("body");
        assertThat(countServices(member)).isZero();
        assertThat(countChanges(member)).isZero();

        // the same rules on update, laid over the stored service: the stored service stays as it was
        long id = createServiceId(sec, member, serviceBody());
        String etag = etagOf(services(member) + "/" + id, sec);
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("providerName", "");
        bad.put("checks", List.of(Map.of("code", "SLA", "status", "DONE"), Map.of("code", "NOPE", "status", "DONE")));
        bad.put("dataCountries", List.of("JP", "ZZ"));
        HttpResponse<Map> r = error(HttpRequest.PATCH(services(member) + "/" + id, bad).header("If-Match", etag)
                .bearerAuth(sec));
        assertThat(r.code()).isEqualTo(400);
        assertThat(violationFields(r)).containsExactlyInAnyOrder("providerName", "checks[1].code", "dataCountries[1]");
        assertThat(count("SELECT COUNT(*) FROM cloud_service WHERE id = ? AND version = 0 "
                + "AND provider_name = '東都クラウド株式会社' AND data_countries = '[\"JP\"]'", id)).isEqualTo(1);
        assertThat(countServices(member)).isEqualTo(1);
        assertThat(countChanges(member)).isEqualTo(1);
        assertThat(violationFields(error(HttpRequest.GET(services(member) + "?updatedSince=yesterday")
                .bearerAuth(sec)))).containsExactly("updatedSince");
        assertThat(violationFields(error(HttpRequest.GET(services(member) + "?cursor=bogus!").bearerAuth(sec))))
                .containsExactly("cursor");
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
        execute("UPDATE cloud_service SET created_at = ?, updated_at = ? WHERE member_operator_id = ?", anHourAgo,
                anHourAgo, member);
        Map full = get(services(member), op);
        assertThat(ids(full)).containsExactly(old, kept, gone);
        String token = (String) full.get("syncToken");
        assertThat(Instant.parse(token)).isBefore(Instant.now()).isAfter(anHourAgo.toInstant());
        assertThat(full.get("serverTime")).isNotNull();

        exchange(HttpRequest.PATCH(services(member) + "/" + kept, Map.of("logRetentionDays", 90))
                .header("If-Match", etagOf(services(member) + "/" + kept, op)), op, Map.class);
        exchange(HttpRequest.DELETE(services(member) + "/" + gone).header("If-Match",
                etagOf(services(member) + "/" + gone, op)), op, String.class);
        long added = createServiceId(op, member, serviceBody());

        Map delta = get(services(member) + "?updatedSince=" + URLEncoder.encode(token, StandardCharsets.UTF_8), op);
        List<Map> items = (List<Map>) delta.get("items");
        assertThat(ids(delta)).containsExactly(kept, gone, added);
        assertThat(((Number) items.get(0).get("logRetentionDays")).intValue()).isEqualTo(90);
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
        List<Map<String, Object>> checks = List.of(Map.of("code", "SLA", "status", "DONE"),
                Map.of("code", "LOGS", "status", "PARTIAL"));
        String etag2 = exchange(HttpRequest.PATCH(services(member) + "/" + id, Map.of("checks", checks,
                "ownerName", "山田 太郎", "importance", "MEDIUM")).header("If-Match",
                etagOf(services(member) + "/" + id, sec)), sec, Map.class).header("ETag");
        exchange(HttpRequest.DELETE(services(member) + "/" + id).header("If-Match", etag2), op, String.class);

        List<Map> h = (List<Map>) get(services(member) + "/" + id + "/history", op).get("items");
        assertThat(h).extracting(e -> e.get("changeType")).containsExactly("CREATED", "UPDATED", "DELETED");
        assertThat(h).extracting(e -> ((Number) e.get("seq")).intValue()).containsExactly(1, 2, 3);
        assertThat(h.get(0).get("actorName")).isEqualTo(opPerson.username());
        assertThat((Map) h.get(0).get("after")).containsEntry("providerName", "東都クラウド株式会社")
                .containsEntry("dataCountries", List.of("JP"));
        Map update = h.get(1);
        assertThat(update.get("actorSubject")).isEqualTo(secPerson.subject());
        assertThat(((Map) update.get("before")).keySet()).containsExactlyInAnyOrder("checks", "importance");
        assertThat((Map) update.get("before")).containsEntry("importance", "HIGH");
        assertThat((List<Map>) ((Map) update.get("after")).get("checks")).extracting(c -> c.get("code"))
                .containsExactly("SLA", "LOGS");
        assertThat(h.get(2).get("after")).isNull();
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND entity_type = 'cloud-service' "
                + "AND entity_id = ?", tenantA().id(), String.valueOf(id))).isEqualTo(3);
        Map first = get(services(member) + "/" + id + "/history?limit=2", sec);
        assertThat((List) first.get("items")).hasSize(2);
        Map rest = get(services(member) + "/" + id + "/history?limit=2&cursor=" + first.get("nextCursor"), sec);
        assertThat(((List<Map>) rest.get("items")).getFirst().get("changeType")).isEqualTo("DELETED");
    }

    @Test
    void freshnessNeedsLocationChecksMeasuresAndProviderContactAndConfirmRefreshesIt() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_ADMIN, member));
        assertThat(state(sec, member).get("status")).isEqualTo("MISSING");
        assertThat(error(HttpRequest.POST(services(member) + "/confirm", Map.of()).bearerAuth(op)).code())
                .isEqualTo(409);

        long complete = createServiceId(op, member, serviceBody());
        assertThat(state(sec, member).get("status")).isEqualTo("CURRENT");
        Map<String, Object> thin = serviceBody();
        thin.put("dataCountries", List.of());
        thin.put("checks", List.of());
        thin.put("incidentContacts", List.of(Map.of("kind", "OPERATOR", "name", "東都SI 運用窓口")));
        long partial = createServiceId(op, member, thin);
        assertThat(get(services(member) + "/" + partial, op).get("missingForComplete"))
                .isEqualTo(List.of("dataCountries", "checks", "incidentContacts"));
        assertThat(state(sec, member).get("status")).isEqualTo("INCOMPLETE");
        exchange(HttpRequest.PATCH(services(member) + "/" + partial, Map.of("dataCountries", List.of("JP"),
                "checks", List.of(Map.of("code", "DATA_LOCATION", "status", "DONE")), "incidentContacts",
                List.of(Map.of("kind", "PROVIDER", "name", "サポート")))).header("If-Match",
                etagOf(services(member) + "/" + partial, op)), op, Map.class);
        assertThat(state(sec, member).get("status")).isEqualTo("CURRENT");

        // untouched for 400 days: stale; "confirm unchanged" makes it current without an edit
        Timestamp longAgo = Timestamp.from(Instant.now().minus(400, ChronoUnit.DAYS));
        execute("UPDATE cloud_service SET updated_at = ? WHERE member_operator_id = ?", longAgo, member);
        assertThat(state(sec, member).get("status")).isEqualTo("STALE");
        Map confirmed = http.toBlocking().retrieve(HttpRequest.POST(services(member) + "/confirm", Map.of())
                .bearerAuth(op), Map.class);
        assertThat(((Number) confirmed.get("serviceCount")).intValue()).isEqualTo(2);
        Map state = state(sec, member);
        assertThat(state.get("status")).isEqualTo("CURRENT");
        assertThat(Instant.parse((String) state.get("lastConfirmedAt"))).isAfter(Instant.now().minusSeconds(60));
        assertThat(count("SELECT COUNT(*) FROM cloud_service WHERE id = ? AND version > 0", complete)).isZero();
        List<Map> h = (List<Map>) get(services(member) + "/" + complete + "/history", sec).get("items");
        assertThat(h.getLast().get("changeType")).isEqualTo("CONFIRMED");
        assertThat(count("SELECT COUNT(*) FROM record_confirmation WHERE record_type = 'cloud-services' "
                + "AND member_operator_id = ?", member)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'cloud-service.list-confirmed'",
                tenantA().id())).isGreaterThanOrEqualTo(1);
    }

    @Test
    void exportBeanReturnsTheMembersLiveServicesAsGetShowsThem() throws Exception {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        long other = createMember(sec);
        long a = createServiceId(sec, member, serviceBody());
        long b = createServiceId(sec, member, serviceBody());
        createServiceId(sec, other, serviceBody());
        exchange(HttpRequest.DELETE(services(member) + "/" + b).header("If-Match",
                etagOf(services(member) + "/" + b, sec)), sec, String.class);
        RecordExport export = exports.stream()
                .filter(e -> e.recordType() == RecordType.CLOUD_SERVICES).findFirst().orElseThrow();
        List<?> rows = export.export(tenantA().id(), member, Labels.EN);
        assertThat(rows).hasSize(1);
        Map row = json.readValue(json.writeValueAsBytes(rows.getFirst()), Argument.of(Map.class));
        Map viaApi = http.toBlocking().retrieve(HttpRequest.GET(services(member) + "/" + a)
                .header("Accept-Language", "en").bearerAuth(sec), Map.class);
        assertThat(row).isEqualTo(viaApi);
        assertThat(export.export(tenantB().id(), member, Labels.EN)).isEmpty();
    }

    @Test
    void otherRecordTypesLinkToLiveServicesOnlyAndALinkedServiceCannotBeDeleted() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        long other = createMember(sec);
        long linked = createServiceId(sec, member, serviceBody());
        long gone = createServiceId(sec, member, serviceBody());
        long elsewhere = createServiceId(sec, other, serviceBody());
        exchange(HttpRequest.DELETE(services(member) + "/" + gone).header("If-Match", "*"), sec, String.class);
        RecordLinks.Target target = targets.stream().filter(t -> "cloud-services".equals(t.recordType()))
                .findFirst().orElseThrow();
        assertThat(target.liveIds(tenantA().id(), member, List.of(linked, gone, elsewhere, 999_999_999L)))
                .containsExactly(linked);
        assertThat(target.liveIds(tenantB().id(), member, List.of(linked))).isEmpty();

        CloudLinkProbe.LINKED.put(linked, "system 12 基幹系システム");
        try {
            HttpResponse<Map> blocked = error(HttpRequest.DELETE(services(member) + "/" + linked)
                    .header("If-Match", etagOf(services(member) + "/" + linked, sec)).bearerAuth(sec));
            assertThat(blocked.code()).isEqualTo(409);
            assertThat(String.valueOf(blocked.getBody(Map.class).orElseThrow().get("detail")))
                    .contains("system 12 基幹系システム");
            assertThat(count("SELECT COUNT(*) FROM cloud_service WHERE id = ? AND deleted_at IS NULL AND version = 0",
                    linked)).isEqualTo(1);
        } finally {
            CloudLinkProbe.LINKED.remove(linked);
        }
        assertThat(exchange(HttpRequest.DELETE(services(member) + "/" + linked).header("If-Match", "*"), sec,
                String.class).code()).isEqualTo(204);
    }

    @Test
    void referenceOptionsCarryLabelsAndSourcesAndMatchTheCatalogue() throws Exception {
        String sec = token(person(tenantA(), Role.SECRETARIAT_STAFF));
        List<Map> en = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/reference/cloud-service-options")
                .header("Accept-Language", "en").bearerAuth(sec), Argument.listOf(Map.class));
        Map<String, Map> byName = new LinkedHashMap<>();
        en.forEach(l -> byName.put((String) l.get("name"), l));
        assertThat(byName.keySet()).contains("check", "measure", "itemStatus", "serviceModel", "certification");
        List<Map> measures = (List<Map>) byName.get("measure").get("options");
        assertThat(measures.getFirst()).containsEntry("code", "SG2023-5.5.2-01").containsEntry("origin", "SOURCE")
                .containsEntry("label", "Check and understand the specifications of the cloud service")
                .containsEntry("labelJa", "利用するクラウドサービスの仕様を確認し理解を深める");
        assertThat(((List<Map>) byName.get("check").get("options"))).allMatch(o -> "PRODUCT".equals(o.get("origin")));
        List<Map> ja = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/reference/cloud-service-options")
                .header("Accept-Language", "ja").bearerAuth(nisc()), Argument.listOf(Map.class));
        assertThat(((List<Map>) ja.getFirst().get("options")).getFirst().get("label")).isEqualTo("IaaS");

        // the catalogue: 設問55 has no options in the source; 設問56 only その他, which is our measure OTHER;
        // the 指針 5.5.2 items the catalogue names are exactly our SG2023-5.5.2-0n codes
        Map catalogue;
        try (InputStream in = Objects.requireNonNull(getClass().getClassLoader()
                .getResourceAsStream("reference-data/assessment-catalogue-fy2024.json"))) {
            catalogue = json.readValue(in.readAllBytes(), Argument.of(Map.class));
        }
        Map<String, Map> questions = new LinkedHashMap<>();
        for (Map q : (List<Map>) catalogue.get("questions")) {
            questions.put((String) q.get("numberFy2024"), q);
        }
        assertThat(questions.get("設問55").get("optionsStatus")).isEqualTo("NOT_IN_SOURCE");
        assertThat((List<Map>) questions.get("設問56").get("options")).filteredOn(o -> "SOURCE".equals(o.get("origin")))
                .extracting(o -> o.get("labelJa")).containsExactly("その他");
        assertThat(CloudCodes.MEASURE.find("OTHER").orElseThrow().labelJa()).isEqualTo("その他");
        String hint = (String) ((List<Map>) questions.get("設問55").get("narrativeHints")).getFirst().get("textEn");
        for (int i = 1; i <= 6; i++) {
            assertThat(hint).contains(i == 1 ? "SG2023-5.5.2-01" : "-0" + i);
            assertThat(CloudCodes.MEASURE.find("SG2023-5.5.2-0" + i)).isPresent();
        }
        assertThat(CloudCodes.MEASURE.find("SG2023-5.5.2-07")).isEmpty();
        // every code of every list has both labels and a source
        for (CloudCodes.CodeList l : CloudCodes.ALL.values()) {
            for (CloudCodes.Code c : l.codes()) {
                assertThat(c.labelJa()).as(l.name() + " " + c.code()).isNotBlank();
                assertThat(c.labelEn()).as(l.name() + " " + c.code()).isNotBlank();
                assertThat(c.source()).as(l.name() + " " + c.code()).isNotBlank();
            }
        }
    }

    private Map state(String sec, long member) {
        Map d = get("/api/v1/members/freshness", sec);
        for (Map row : (List<Map>) d.get("items")) {
            if (((Number) row.get("memberId")).longValue() == member) {
                return ((List<Map>) row.get("records")).stream()
                        .filter(r -> "cloud-services".equals(r.get("recordType"))).findFirst().orElseThrow();
            }
        }
        throw new AssertionError("member " + member + " not on the dashboard");
    }

}
