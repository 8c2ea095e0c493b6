package jp.ceptoarhub.contract;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Suppliers against api-spec/openapi.yaml: real requests through the running application, request and response
 * validated against the spec (only the response where a request breaks the spec on purpose).
 */
class SupplierContractTest extends ContractTestSupport {

    private static String supplierBody(String criticality) {
        return """
                {"nameJa":"株式会社東都システムサービス","nameKana":"トウトシステムサービス",
                 "nameEn":"Toto System Services Co., Ltd.","corporateNumber":"7000012050002",
                 "supplierTypes":["SYSTEM_VENDOR","OUTSOURCING_CONTRACTOR"],
                 "servicesSupplied":["給電制御システムの運用・保守"],"criticalSystems":["給電制御システム"],
                 "criticality":"%s",
                 "contractSecurity":{"clauses":["INCIDENT_NOTIFICATION","AUDIT_RIGHT"],"reviewedOn":"2025-04-01"},
                 "incidentContact":{"name":"保守センター","phone":"03-1234-5678","email":"soc@toto-system.example.jp",
                                    "afterHours":true},
                 "country":"JP","resubcontracting":"WITH_APPROVAL","resubcontractingNotes":"監視業務の一部",
                 "notes":"年次の契約見直し時に確認"}
                """.formatted(criticality);
    }

    @Test
    void createListGetUpdateDeleteAndSyncSuppliers() {
        long member = createMember();
        String base = "/api/v1/members/" + member + "/suppliers";
        String key = UUID.randomUUID().toString();
        Exchange created = call("POST", base, tenantAdmin(), supplierBody("HIGH"), "Idempotency-Key", key);
        assertValid(created, 201);
        String id = jsonField(created.body(), "id");
        String path = base + "/" + id;
        assertThat(created.header("Location")).endsWith(path);
        assertThat(created.header("ETag")).isEqualTo("W/\"supplier-" + id + "-v0\"");
        Exchange replay = call("POST", base, tenantAdmin(), supplierBody("HIGH"), "Idempotency-Key", key);
        assertValid(replay, 201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        Exchange minimal = call("POST", base, tenantAdmin(),
                "{\"nameJa\":\"株式会社クラウド\",\"supplierTypes\":[\"EXTERNAL_SERVICE_PROVIDER\"]}",
                "Accept-Language", "en");
        assertValid(minimal, 201);
        assertThat(minimal.body()).contains("\"missingForFreshness\":[\"criticality\",\"incidentContact\"]",
                "\"servicesSupplied\":[]", "\"clauses\":[]");
        String minimalPath = base + "/" + jsonField(minimal.body(), "id");

        Exchange first = call("GET", base + "?limit=1", tenantAdmin(), null);
        assertValid(first, 200);
        String cursor = jsonField(first.body(), "nextCursor");
        assertThat(cursor).as("a second page exists").isNotNull();
        Exchange second = call("GET", base + "?limit=200&cursor=" + cursor, tenantAdmin(), null,
                "Accept-Language", "en");
        assertValid(second, 200);
        assertThat(jsonField(second.body(), "syncToken")).isEqualTo(jsonField(first.body(), "syncToken"));
        String syncToken = jsonField(first.body(), "syncToken");

        Exchange got = call("GET", path, tenantAdmin(), null, "Accept-Language", "en");
        assertValid(got, 200);
        assertThat(got.header("ETag")).isEqualTo(created.header("ETag"));
        assertThat(got.body()).contains("\"countryLabel\":\"Japan\"", "\"label\":\"System vendor\"");

        // Without If-Match the request breaks the spec on purpose: only the response is validated.
        Exchange without = call("PATCH", path, tenantAdmin(), "{\"criticality\":\"LOW\"}");
        assertValidResponse(without, 428);
        Exchange updated = call("PATCH", path, tenantAdmin(),
                "{\"criticality\":\"LOW\",\"nameEn\":\"\",\"notes\":null,\"criticalSystems\":[],"
                        + "\"incidentContact\":{\"phone\":\"+81312345678\"},\"contractSecurity\":{\"reviewedOn\":\"\"}}",
                "If-Match", got.header("ETag"));
        assertValid(updated, 200);
        assertThat(updated.header("ETag")).isNotEqualTo(got.header("ETag"));
        assertThat(updated.body()).contains("\"criticality\":\"LOW\"", "\"phone\":\"+81312345678\"",
                "\"criticalSystems\":[]").doesNotContain("\"nameEn\"", "reviewedOn");
        Exchange stale = call("PATCH", path, tenantAdmin(), "{\"notes\":\"x\"}", "If-Match", got.header("ETag"));
        assertValid(stale, 412);
        assertThat(jsonField(stale.body(), "currentEtag")).isEqualTo(updated.header("ETag"));

        String minimalEtag = call("GET", minimalPath, tenantAdmin(), null).header("ETag");
        Exchange deleted = call("DELETE", minimalPath, tenantAdmin(), null, "If-Match", minimalEtag);
        assertValid(deleted, 204);
        assertValid(call("GET", minimalPath, tenantAdmin(), null), 404);

        // Delta sync: the updated supplier in full, the deleted one as a tombstone.
        Exchange delta = call("GET", base + "?updatedSince=" + syncToken, tenantAdmin(), null);
        assertValid(delta, 200);
        assertThat(delta.body()).contains("\"deleted\":true", "\"deletedAt\"", "\"criticality\":\"LOW\"");

        // History (with explicit nulls in before/after), also of the deleted supplier.
        Exchange history = call("GET", path + "/history", tenantAdmin(), null);
        assertValid(history, 200);
        assertThat(history.body()).contains("\"CREATED\"", "\"UPDATED\"", "null");
        Exchange firstEntry = call("GET", path + "/history?limit=1", tenantAdmin(), null);
        assertValid(firstEntry, 200);
        assertThat(jsonField(firstEntry.body(), "nextCursor")).isNotNull();
        Exchange deletedHistory = call("GET", minimalPath + "/history", tenantAdmin(), null);
        assertValid(deletedHistory, 200);
        assertThat(deletedHistory.body()).contains("\"DELETED\"");
    }

    @Test
    void confirmReferenceDataAndSupplierProblems() {
        long member = createMember();
        String base = "/api/v1/members/" + member + "/suppliers";
        Exchange empty = call("POST", base + "/confirm", tenantAdmin(), null);
        assertValid(empty, 409);
        assertThat(empty.body()).contains("suppliers-empty");

        Exchange created = call("POST", base, tenantAdmin(), supplierBody("MEDIUM"));
        assertValid(created, 201);
        String id = jsonField(created.body(), "id");
        Exchange confirmed = call("POST", base + "/confirm", tenantAdmin(), null);
        assertValid(confirmed, 200);
        assertThat(confirmed.body()).contains("\"supplierCount\":1");
        Exchange history = call("GET", base + "/" + id + "/history", tenantAdmin(), null);
        assertValid(history, 200);
        assertThat(history.body()).contains("\"CONFIRMED\"");

        for (String lang : new String[]{"ja", "en"}) {
            Exchange types = call("GET", "/api/v1/reference/supplier-types", tenantAdmin(), null,
                    "Accept-Language", lang);
            assertValid(types, 200);
            assertThat(types.body()).contains("SYSTEM_VENDOR", "OUTSOURCING_CONTRACTOR",
                    lang.equals("ja") ? "システムベンダー" : "System vendor");
        }
        assertValid(call("GET", "/api/v1/reference/supplier-types", null, null), 401);

        // A bad 法人番号 and a bad phone are valid to the spec's schema but not to the service: 400 naming both.
        String bad = supplierBody("HIGH").replace("7000012050002", "1000012050002")
                .replace("03-1234-5678", "12345");
        Exchange badValues = call("POST", base, tenantAdmin(), bad);
        assertValid(badValues, 400);
        assertThat(badValues.header("Content-Type")).startsWith("application/problem+json");
        assertThat(badValues.body()).contains("\"field\":\"corporateNumber\"", "\"field\":\"incidentContact.phone\"");
        // An unknown supplier type breaks the spec's enum: only the response is validated.
        Exchange badType = call("POST", base, tenantAdmin(), supplierBody("HIGH").replace("OUTSOURCING_CONTRACTOR",
                "CLOUD"));
        assertValidResponse(badType, 400);
        assertThat(badType.body()).contains("\"field\":\"supplierTypes[1]\"");
        Exchange badSince = call("GET", base + "?updatedSince=yesterday", tenantAdmin(), null);
        assertValidResponse(badSince, 400);
        assertThat(badSince.body()).contains("\"field\":\"updatedSince\"");

        // A supplier of another member is not found through this member's path; national users get 403.
        long other = createMember();
        String otherPath = "/api/v1/members/" + other + "/suppliers/" + id;
        assertValid(call("GET", otherPath, tenantAdmin(), null), 404);
        assertValid(call("GET", otherPath + "/history", tenantAdmin(), null), 404);
        assertValid(call("PATCH", otherPath, tenantAdmin(), "{\"notes\":\"x\"}", "If-Match", "*"), 404);
        assertValid(call("DELETE", otherPath, tenantAdmin(), null, "If-Match", "*"), 404);
        assertValid(call("GET", base, platformAdmin, null), 403);
        assertValid(call("POST", base + "/confirm", platformAdmin, null), 403);
    }
}
