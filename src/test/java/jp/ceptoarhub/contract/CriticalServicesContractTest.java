package jp.ceptoarhub.contract;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Critical services, systems and the 別紙2 templates (jp.ceptoarhub.services) against api-spec/openapi.yaml. */
@MicronautTest(transactional = false)
class CriticalServicesContractTest extends ContractTestSupport {

    @Test
    void templatesInBothLanguagesAndABadSector() {
        String path = "/api/v1/reference/critical-service-templates";
        Exchange all = call("GET", path, tenantAdmin(), null);
        assertValid(all, 200);
        assertThat(all.body()).contains("\"ic.telecommunications\"", "\"DEFAULT_NOTE2\"", "\"ANY_CONDITION\"");
        Exchange en = call("GET", path + "?sectorCode=INFORMATION_COMMUNICATIONS", platformAdmin, null,
                "Accept-Language", "en");
        assertValid(en, 200);
        assertThat(en.body()).contains("Telecommunications services").doesNotContain("el.generation");
        Exchange bad = call("GET", path + "?sectorCode=NUCLEAR", tenantAdmin(), null);
        assertValid(bad, 400);
        assertThat(bad.body()).contains("\"field\":\"sectorCode\"");
        assertValidResponse(call("GET", path, null, null), 401);
    }

    @Test
    void createListGetUpdateDeleteAndSyncCriticalServices() {
        long member = createMember();
        String base = "/api/v1/members/" + member + "/critical-services";
        Exchange created = call("POST", base, tenantAdmin(), serviceBody("el.transmission-distribution"),
                "Idempotency-Key", java.util.UUID.randomUUID().toString());
        assertValid(created, 201);
        String id = jsonField(created.body(), "id");
        String path = base + "/" + id;
        assertThat(created.header("Location")).endsWith(path);
        assertThat(created.header("ETag")).startsWith("W/\"critical-service-" + id + "-v");
        assertThat(created.body()).contains("\"deleted\":false", "\"template\":{", "\"minKw\":100000");
        Exchange custom = call("POST", base, tenantAdmin(),
                "{\"templateId\":null,\"name\":\"需給調整市場への調整力提供\",\"rtoMinutes\":60}", "Accept-Language", "en");
        assertValid(custom, 201);
        String customPath = base + "/" + jsonField(custom.body(), "id");

        Exchange first = call("GET", base + "?limit=1", tenantAdmin(), null);
        assertValid(first, 200);
        String cursor = jsonField(first.body(), "nextCursor");
        assertThat(cursor).isNotNull();
        Exchange second = call("GET", base + "?limit=200&cursor=" + cursor, tenantAdmin(), null,
                "Accept-Language", "en");
        assertValid(second, 200);
        String syncToken = jsonField(first.body(), "syncToken");

        Exchange got = call("GET", path, tenantAdmin(), null, "Accept-Language", "en");
        assertValid(got, 200);
        assertValidResponse(call("PATCH", path, tenantAdmin(), "{\"rtoMinutes\":30}"), 428);
        Exchange updated = call("PATCH", path, tenantAdmin(), "{\"rtoMinutes\":30,\"rpoMinutes\":\"\",\"name\":null}",
                "If-Match", got.header("ETag"));
        assertValid(updated, 200);
        assertThat(updated.body()).contains("\"rtoMinutes\":30").doesNotContain("\"rpoMinutes\"");
        Exchange stale = call("PATCH", path, tenantAdmin(), "{\"ownerRole\":\"x\"}", "If-Match", got.header("ETag"));
        assertValid(stale, 412);
        Exchange badPatch = call("PATCH", path, tenantAdmin(), "{\"templateId\":\"med.medical-care\"}",
                "If-Match", updated.header("ETag"));
        assertValid(badPatch, 400);
        assertThat(badPatch.body()).contains("\"field\":\"templateId\"");

        String customEtag = call("GET", customPath, tenantAdmin(), null).header("ETag");
        assertValid(call("DELETE", customPath, tenantAdmin(), null, "If-Match", customEtag), 204);
        assertValid(call("GET", customPath, tenantAdmin(), null), 404);
        Exchange delta = call("GET", base + "?updatedSince=" + syncToken, tenantAdmin(), null);
        assertValid(delta, 200);
        assertThat(delta.body()).contains("\"deleted\":true", "\"deletedAt\"", "\"rtoMinutes\":30");

        Exchange history = call("GET", path + "/history", tenantAdmin(), null);
        assertValid(history, 200);
        assertThat(history.body()).contains("\"CREATED\"", "\"UPDATED\"");
        Exchange firstEntry = call("GET", path + "/history?limit=1", tenantAdmin(), null);
        assertValid(firstEntry, 200);
        assertThat(jsonField(firstEntry.body(), "nextCursor")).isNotNull();
        assertValid(call("GET", customPath + "/history", tenantAdmin(), null), 200);
    }

    @Test
    void systemsLinksConfirmAndProblems() {
        long member = createMember();
        String services = "/api/v1/members/" + member + "/critical-services";
        String systems = "/api/v1/members/" + member + "/systems";
        assertValid(call("POST", systems + "/confirm", tenantAdmin(), null), 409);
        Exchange service = call("POST", services, tenantAdmin(), serviceBody("el.generation"));
        assertValid(service, 201);
        String serviceId = jsonField(service.body(), "id");
        String servicePath = services + "/" + serviceId;

        Exchange created = call("POST", systems, tenantAdmin(), systemBody(serviceId),
                "Idempotency-Key", java.util.UUID.randomUUID().toString(), "Accept-Language", "en");
        assertValid(created, 201);
        String id = jsonField(created.body(), "id");
        String path = systems + "/" + id;
        assertThat(created.header("ETag")).startsWith("W/\"business-system-" + id + "-v");
        assertThat(created.body()).contains("\"serviceIds\":[" + serviceId + "]", "\"supplierIds\":[]");
        Exchange list = call("GET", systems + "?limit=1", tenantAdmin(), null);
        assertValid(list, 200);
        Exchange got = call("GET", path, tenantAdmin(), null);
        assertValid(got, 200);

        Exchange linked = call("DELETE", servicePath, tenantAdmin(), null, "If-Match",
                call("GET", servicePath, tenantAdmin(), null).header("ETag"));
        assertValid(linked, 409);
        assertThat(linked.body()).contains("critical-service-linked", "system " + id);
        Exchange badLink = call("PATCH", path, tenantAdmin(), "{\"serviceIds\":[999999999],\"supplierIds\":[1]}",
                "If-Match", got.header("ETag"));
        assertValid(badLink, 400);
        assertThat(badLink.body()).contains("\"field\":\"serviceIds[0]\"", "\"field\":\"supplierIds[0]\"");
        Exchange badKind = call("POST", systems, tenantAdmin(), "{\"name\":\"x\",\"kind\":\"SCADA\"}");
        assertValidResponse(badKind, 400);
        assertThat(badKind.body()).contains("\"field\":\"kind\"");

        Exchange updated = call("PATCH", path, tenantAdmin(), "{\"hosting\":\"CLOUD\",\"criticality\":\"\"}",
                "If-Match", got.header("ETag"));
        assertValid(updated, 200);
        assertValidResponse(call("DELETE", path, tenantAdmin(), null), 428);
        assertValid(call("DELETE", path, tenantAdmin(), null, "If-Match", got.header("ETag")), 412);

        Exchange confirmed = call("POST", systems + "/confirm", tenantAdmin(), null);
        assertValid(confirmed, 200);
        assertThat(confirmed.body()).contains("\"serviceCount\":1", "\"systemCount\":1");
        assertValid(call("POST", services + "/confirm", tenantAdmin(), null), 200);
        Exchange history = call("GET", path + "/history", tenantAdmin(), null);
        assertValid(history, 200);
        assertThat(history.body()).contains("\"CONFIRMED\"", "\"serviceIds\":[" + serviceId + "]");

        assertValid(call("DELETE", path, tenantAdmin(), null, "If-Match", updated.header("ETag")), 204);
        Exchange delta = call("GET", systems + "?updatedSince=2020-01-01T00:00:00Z", tenantAdmin(), null);
        assertValid(delta, 200);
        assertThat(delta.body()).contains("\"deleted\":true");

        long other = createMember();
        String otherPath = "/api/v1/members/" + other + "/systems/" + id;
        assertValid(call("GET", otherPath, tenantAdmin(), null), 404);
        assertValid(call("GET", otherPath + "/history", tenantAdmin(), null), 404);
        assertValid(call("GET", "/api/v1/members/" + other + "/critical-services/" + serviceId, tenantAdmin(), null),
                404);
        assertValid(call("GET", systems, platformAdmin, null), 403);
        assertValid(call("POST", services + "/confirm", platformAdmin, null), 403);
    }

    private static String serviceBody(String templateId) {
        return """
                {"templateId":"%s","name":"東都エリア一般送配電事業","description":"東都エリアの託送供給",
                 "rtoMinutes":10,"rpoMinutes":0,"ownMaintenanceLevel":"別紙2の水準",
                 "dependencyNotes":"中央給電指令所システムに依存","ownerName":"山田 太郎","ownerRole":"系統運用部長"}
                """.formatted(templateId);
    }

    private static String systemBody(String serviceId) {
        return """
                {"name":"系統監視制御システム","kind":"OT","description":"送配電網の監視制御（SCADA）",
                 "criticality":"HIGH","hosting":"ON_PREMISES","serviceIds":[%s],"supplierIds":[],
                 "ownerName":"佐藤 花子","ownerRole":"制御システム課長"}
                """.formatted(serviceId);
    }
}
