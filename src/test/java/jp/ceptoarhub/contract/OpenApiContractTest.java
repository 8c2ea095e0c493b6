package jp.ceptoarhub.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * api-spec/openapi.yaml is the contract: (a) the /api routes of the running application and the operations of the
 * spec are the same set, and (b) real responses of the running application (real MariaDB, real Keycloak logins)
 * validate against the spec — status, headers and JSON body.
 */
@MicronautTest(transactional = false)
class OpenApiContractTest extends ContractTestSupport {
    private static final Set<String> SPEC_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^}]*}");
    private static final String[] REFERENCE = {"sectors", "ceptoars", "event-types", "cause-types", "importance-levels",
            "tlp-levels"};

    @Inject
    Router router;

    // ---------------------------------------------------------------------------------------------------------
    // (a) route coverage
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void everyApiRouteIsInTheSpecAndEverySpecOperationHasARoute() throws IOException {
        Map<String, String> routes = new TreeMap<>();
        Set<String> gets = new TreeSet<>();
        List<UriRouteInfo<?, ?>> all = router.uriRoutes().toList();
        for (UriRouteInfo<?, ?> r : all) {
            if (r.getHttpMethod() == HttpMethod.GET) {
                gets.add(key("GET", r.getUriMatchTemplate().toPathString()));
            }
        }
        for (UriRouteInfo<?, ?> r : all) {
            String path = r.getUriMatchTemplate().toPathString();
            if (!path.startsWith("/api/")) {
                continue;
            }
            String method = r.getHttpMethod().name();
            // Micronaut adds a HEAD route for every GET; an explicit HEAD without a GET still has to be specified.
            if (r.getHttpMethod() == HttpMethod.HEAD && gets.contains(key("GET", path))) {
                continue;
            }
            routes.put(key(method, path), method + " " + path + "  (" + r.getTargetMethod() + ")");
        }
        assertThat(routes).as("no /api routes found — is the router wired?").isNotEmpty();

        Map<String, String> operations = new TreeMap<>();
        for (Map.Entry<String, Map<String, Object>> path : specPaths().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (String method : path.getValue().keySet()) {
                if (SPEC_METHODS.contains(method)) {
                    String upper = method.toUpperCase(java.util.Locale.ROOT);
                    operations.put(key(upper, path.getKey()), upper + " " + path.getKey());
                }
            }
        }

        List<String> notInSpec = routes.entrySet().stream().filter(e -> !operations.containsKey(e.getKey()))
                .map(Map.Entry::getValue).toList();
        List<String> noRoute = operations.entrySet().stream().filter(e -> !routes.containsKey(e.getKey()))
                .map(Map.Entry::getValue).toList();
        if (!notInSpec.isEmpty() || !noRoute.isEmpty()) {
            fail("api-spec/openapi.yaml and the application's routes differ.\n"
                    + "Routes missing from the spec (" + notInSpec.size() + "):\n  " + String.join("\n  ", notInSpec) + "\n"
                    + "Spec operations without a route (" + noRoute.size() + "):\n  " + String.join("\n  ", noRoute));
        }
    }

    /** Method and path with every template variable ({id}, {id:[0-9]+}, {+path}) reduced to {}. */
    private static String key(String method, String path) {
        String p = TEMPLATE_VARIABLE.matcher(path).replaceAll("{}");
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return method + " " + p;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> specPaths() throws IOException {
        try (Reader reader = Files.newBufferedReader(SPEC, StandardCharsets.UTF_8)) {
            Map<String, Object> spec = new Yaml().load(reader);
            return (Map<String, Map<String, Object>>) spec.get("paths");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // (b) responses of the running application validate against the spec
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void meAsPlatformAdmin() {
        Exchange ja = call("GET", "/api/v1/me", platformAdmin, null);
        assertValid(ja, 200);
        assertThat(ja.body()).contains("\"platform-admin\"", "\"NATIONAL\"", "\"language\":\"ja\"");
        Exchange en = call("GET", "/api/v1/me", platformAdmin, null, "Accept-Language", "en");
        assertValid(en, 200);
        assertThat(en.body()).contains("\"language\":\"en\"", "Platform administrator");
    }

    @Test
    void meAsSecretariatAdminOfANewTenant() {
        Exchange me = call("GET", "/api/v1/me", tenantAdmin(), null);
        assertValid(me, 200);
        assertThat(me.body()).contains("\"secretariat-admin\"", "\"CEPTOAR\"", "\"" + tenant().code() + "\"");
    }

    @Test
    void createTenantWithIdempotencyKey() {
        String code = unique("c");
        String body = createBody(code);
        String key = java.util.UUID.randomUUID().toString();
        Exchange created = call("POST", "/api/v1/platform/tenants", platformAdmin, body, "Idempotency-Key", key);
        assertValid(created, 201);
        assertThat(created.header("Location")).endsWith("/api/v1/platform/tenants/" + jsonField(created.body(), "id"));

        // A retry with the same key and body replays the first response.
        Exchange replay = call("POST", "/api/v1/platform/tenants", platformAdmin, body, "Idempotency-Key", key);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        // The stored copy leaves out secrets: the replay is the first response without the temporary password.
        Map<?, ?> first = (Map<?, ?>) parse(created.body());
        ((Map<?, ?>) first.get("firstAdmin")).remove("temporaryPassword");
        assertThat(parse(replay.body())).isEqualTo(first);
        assertThat(replay.body()).doesNotContain("temporaryPassword");
        assertThat(replay.header("Location")).isEqualTo(created.header("Location"));

        // The same key with a different (valid) body is refused with 422.
        Exchange reused = call("POST", "/api/v1/platform/tenants", platformAdmin, createBody(unique("c")),
                "Idempotency-Key", key);
        assertValid(reused, 422);
        assertThat(reused.body()).contains("idempotency-key-reused");
    }

    @Test
    void listTenantsPageByPage() {
        tenant();
        Exchange first = call("GET", "/api/v1/platform/tenants?limit=1", platformAdmin, null);
        assertValid(first, 200);
        String cursor = jsonField(first.body(), "nextCursor");
        assertThat(cursor).as("a second page exists (national + a created tenant)").isNotNull();
        Exchange second = call("GET", "/api/v1/platform/tenants?limit=200&cursor=" + cursor, platformAdmin, null,
                "Accept-Language", "en");
        assertValid(second, 200);
        Exchange defaults = call("GET", "/api/v1/platform/tenants", platformAdmin, null);
        assertValid(defaults, 200);
    }

    @Test
    void getTenant() {
        Exchange got = call("GET", "/api/v1/platform/tenants/" + tenant().id(), platformAdmin, null);
        assertValid(got, 200);
        assertThat(got.header("ETag")).startsWith("W/\"tenant-" + tenant().id() + "-v");
    }

    @Test
    void updateTenantWithAndWithoutIfMatch() {
        String path = "/api/v1/platform/tenants/" + tenant().id();
        // Without If-Match the request breaks the spec on purpose: only the response is validated.
        Exchange without = call("PATCH", path, platformAdmin, "{\"staleAfterDays\":90}");
        assertValidResponse(without, 428);

        String etag = call("GET", path, platformAdmin, null).header("ETag");
        Exchange updated = call("PATCH", path, platformAdmin, "{\"staleAfterDays\":90,\"nameEn\":\"Updated CEPTOAR\"}",
                "If-Match", etag);
        assertValid(updated, 200);
        assertThat(updated.header("ETag")).isNotEqualTo(etag);
        assertThat(updated.body()).contains("\"staleAfterDays\":90");

        Exchange stale = call("PATCH", path, platformAdmin, "{\"staleAfterDays\":30}", "If-Match", etag);
        assertValid(stale, 412);
        assertThat(jsonField(stale.body(), "currentEtag")).isEqualTo(updated.header("ETag"));
    }

    @Test
    void suspendAndReactivateTenant() {
        String code = unique("s");
        Exchange created = call("POST", "/api/v1/platform/tenants", platformAdmin, createBody(code));
        assertValid(created, 201);
        String path = "/api/v1/platform/tenants/" + jsonField(created.body(), "id");
        Exchange suspended = call("POST", path + "/suspend", platformAdmin, null);
        assertValid(suspended, 200);
        assertThat(suspended.body()).contains("\"SUSPENDED\"");
        Exchange reactivated = call("POST", path + "/reactivate", platformAdmin, null);
        assertValid(reactivated, 200);
        assertThat(reactivated.body()).contains("\"ACTIVE\"");

        Exchange national = call("POST", "/api/v1/platform/tenants/" + national().id() + "/suspend", platformAdmin, null);
        assertValid(national, 409);
    }

    @Test
    void everyReferenceEndpointInBothLanguages() {
        for (String name : REFERENCE) {
            for (String language : new String[]{"ja", "en"}) {
                Exchange list = call("GET", "/api/v1/reference/" + name, tenantAdmin(), null, "Accept-Language", language);
                assertValid(list, 200);
                assertThat(list.body()).as(name).startsWith("[{");
            }
        }
    }

    @Test
    void auditLogAndVerification() {
        tenant();
        for (String caller : new String[]{platformAdmin, tenantAdmin()}) {
            Exchange page = call("GET", "/api/v1/audit-log?limit=1", caller, null);
            assertValid(page, 200);
            assertThat(page.body()).contains("\"seq\":1");
            Exchange all = call("GET", "/api/v1/audit-log", caller, null);
            assertValid(all, 200);
            Exchange verification = call("GET", "/api/v1/audit-log/verification", caller, null);
            assertValid(verification, 200);
            assertThat(verification.body()).contains("\"valid\":true");
        }
    }

    @Test
    void notFoundProblem() {
        Exchange missing = call("GET", "/api/v1/platform/tenants/987654321", platformAdmin, null);
        assertValid(missing, 404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        Exchange patchMissing = call("PATCH", "/api/v1/platform/tenants/987654321", platformAdmin,
                "{\"nameEn\":\"x\"}", "If-Match", "*");
        assertValid(patchMissing, 404);
    }

    @Test
    void validationProblem() {
        // The request breaks the spec on purpose: only the response is validated.
        Exchange invalid = call("POST", "/api/v1/platform/tenants", platformAdmin,
                "{\"code\":\"Not Valid\",\"nameJa\":\"\",\"nameEn\":\"x\"}");
        assertValidResponse(invalid, 400);
        assertThat(invalid.body()).contains("\"violations\"", "nameJa", "firstAdmin");

        Exchange badUpdate = call("PATCH", "/api/v1/platform/tenants/" + tenant().id(), platformAdmin,
                "{\"staleAfterDays\":3}", "If-Match", "*");
        assertValidResponse(badUpdate, 400);
        assertThat(badUpdate.body()).contains("staleAfterDays");

        Exchange badLimit = call("GET", "/api/v1/audit-log?limit=0", platformAdmin, null);
        assertValidResponse(badLimit, 400);
        assertThat(badLimit.body()).contains("\"violations\":[{", "\"limit\"");
    }

    @Test
    void unauthorizedWithoutOrWithABadToken() {
        Exchange none = call("GET", "/api/v1/me", null, null);
        assertValidResponse(none, 401);
        Exchange garbage = call("GET", "/api/v1/reference/sectors", "not-a-jwt", null);
        assertValidResponse(garbage, 401);
    }

    @Test
    void forbiddenProblems() {
        String analyst = token(person(national(), Role.NISC_ANALYST));
        assertValid(call("GET", "/api/v1/platform/tenants", analyst, null), 403);
        assertValid(call("GET", "/api/v1/audit-log", analyst, null), 403);
        // A secretariat admin is not a platform admin, whatever tenant id is sent.
        assertValid(call("GET", "/api/v1/platform/tenants/" + tenant().id(), tenantAdmin(), null), 403);
        String staff = token(person(tenant(), Role.SECRETARIAT_STAFF));
        assertValid(call("GET", "/api/v1/audit-log/verification", staff, null), 403);
    }

    @Test
    void managementEndpoints() {
        for (String path : new String[]{"/health", "/health/liveness", "/health/readiness"}) {
            assertValid(call("GET", path, null, null), 200);
        }
        Exchange metrics = call("GET", "/prometheus", null, null, "Accept", "text/plain");
        assertValid(metrics, 200);
        assertThat(metrics.body()).contains("# TYPE");
    }


    @Test
    void emptyPageStillHasItems() {
        String afterEverything = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("id:" + (Long.MAX_VALUE - 1)).getBytes(StandardCharsets.US_ASCII));
        Exchange empty = call("GET", "/api/v1/platform/tenants?cursor=" + afterEverything, platformAdmin, null);
        assertValid(empty, 200);
        assertThat(empty.body()).isEqualTo("{\"items\":[]}");
    }

    @Test
    void idempotentReplayCarriesTheETag() {
        String body = createBody(unique("r"));
        String key = java.util.UUID.randomUUID().toString();
        Exchange first = call("POST", "/api/v1/platform/tenants", platformAdmin, body, "Idempotency-Key", key);
        assertValid(first, 201);
        Exchange replay = call("POST", "/api/v1/platform/tenants", platformAdmin, body, "Idempotency-Key", key);
        assertValid(replay, 201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.header("ETag")).isNotNull().isEqualTo(first.header("ETag"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // members and users of a CEPTOAR (jp.ceptoarhub.members)
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void createGetUpdateSuspendAndReinstateAMember() {
        String corporateNumber = corporateNumber();
        String body = memberBody(corporateNumber);
        Exchange created = call("POST", "/api/v1/members", tenantAdmin(), body,
                "Idempotency-Key", java.util.UUID.randomUUID().toString());
        assertValid(created, 201);
        String id = jsonField(created.body(), "id");
        String path = "/api/v1/members/" + id;
        assertThat(created.header("Location")).endsWith(path);
        assertThat(created.body()).contains("\"corporateNumber\":\"" + corporateNumber + "\"", "\"notes\"");

        Exchange got = call("GET", path, tenantAdmin(), null, "Accept-Language", "en");
        assertValid(got, 200);
        assertThat(got.header("ETag")).startsWith("W/\"member-" + id + "-v");

        // Without If-Match the request breaks the spec on purpose: only the response is validated.
        Exchange without = call("PATCH", path, tenantAdmin(), "{\"address\":\"東京都港区1-1\"}");
        assertValidResponse(without, 428);
        Exchange updated = call("PATCH", path, tenantAdmin(), "{\"address\":\"東京都港区1-1\",\"notes\":\"\"}",
                "If-Match", got.header("ETag"));
        assertValid(updated, 200);
        assertThat(updated.header("ETag")).isNotEqualTo(got.header("ETag"));
        assertThat(updated.body()).contains("東京都港区1-1").doesNotContain("\"notes\"");

        Exchange suspended = call("POST", path + "/suspend", tenantAdmin(), "{\"reason\":\"会費未納\"}");
        assertValid(suspended, 200);
        assertThat(suspended.body()).contains("\"membershipKind\":\"SUSPENDED\"", "\"suspendedAt\"", "会費未納");
        Exchange reinstated = call("POST", path + "/reinstate", tenantAdmin(), null);
        assertValid(reinstated, 200);
        assertThat(reinstated.body()).contains("\"membershipKind\":\"MEMBER\"");
        Exchange suspendedWithoutBody = call("POST", path + "/suspend", tenantAdmin(), null);
        assertValid(suspendedWithoutBody, 200);
    }

    @Test
    void listMembersPageByPage() {
        createMember();
        createMember();
        Exchange first = call("GET", "/api/v1/members?limit=1", tenantAdmin(), null);
        assertValid(first, 200);
        String cursor = jsonField(first.body(), "nextCursor");
        assertThat(cursor).as("a second page exists").isNotNull();
        assertValid(call("GET", "/api/v1/members?limit=200&cursor=" + cursor, tenantAdmin(), null), 200);
        Exchange filtered = call("GET", "/api/v1/members?membershipKind=MEMBER&sectorCode=ELECTRICITY&q=%E3%81%A8%E3%81%86%E3%81%A8",
                tenantAdmin(), null, "Accept-Language", "en");
        assertValid(filtered, 200);
        assertThat(filtered.body()).contains("\"items\":[{");
        Exchange none = call("GET", "/api/v1/members?q=nothing-matches-this", tenantAdmin(), null);
        assertValid(none, 200);
        assertThat(none.body()).contains("\"items\":[]");
    }

    @Test
    void invalidAndDuplicateMembers() {
        String valid = corporateNumber();
        String wrongCheckDigit = (char) ('0' + (valid.charAt(0) - '0' + 1) % 10) + valid.substring(1);
        Exchange invalid = call("POST", "/api/v1/members", tenantAdmin(), memberBody(wrongCheckDigit));
        assertValid(invalid, 400);
        assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");
        assertThat(invalid.body()).contains("\"violations\":[{", "\"field\":\"corporateNumber\"");

        assertValid(call("POST", "/api/v1/members", tenantAdmin(), memberBody(valid)), 201);
        Exchange duplicate = call("POST", "/api/v1/members", tenantAdmin(), memberBody(valid));
        assertValid(duplicate, 409);
        assertThat(duplicate.body()).contains("\"field\":\"corporateNumber\"");

        Exchange missing = call("GET", "/api/v1/members/987654321", tenantAdmin(), null);
        assertValid(missing, 404);
        assertValid(call("GET", "/api/v1/members", platformAdmin, null), 403);
    }

    @Test
    void freshnessDashboardAsJsonAndCsv() {
        createMember();
        Exchange json = call("GET", "/api/v1/members/freshness", tenantAdmin(), null);
        assertValid(json, 200);
        assertThat(json.body()).contains("\"recordTypes\":[{", "\"items\":[{", "\"records\":[");
        Exchange filtered = call("GET", "/api/v1/members/freshness?status=MISSING&recordType=contacts&sort=-name",
                tenantAdmin(), null, "Accept-Language", "en");
        assertValid(filtered, 200);

        Exchange csv = call("GET", "/api/v1/members/freshness", tenantAdmin(), null, "Accept", "text/csv");
        assertValid(csv, 200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("member-freshness.csv");
        assertThat(csv.body()).contains("memberId");
        Exchange csvByParameter = call("GET", "/api/v1/members/freshness?format=csv", tenantAdmin(), null);
        assertThat(csvByParameter.status()).isEqualTo(200);
        assertThat(csvByParameter.header("Content-Type")).startsWith("text/csv");
        assertValidResponse(csvByParameter, 200);

        Exchange badSort = call("GET", "/api/v1/members/freshness?sort=size", tenantAdmin(), null);
        assertValidResponse(badSort, 400);
        assertThat(badSort.body()).contains("\"field\":\"sort\"");
    }

    @Test
    void inviteListDisableAndEnableUsers() {
        long member = createMember();
        String username = unique("u");
        Exchange invited = call("POST", "/api/v1/users", tenantAdmin(), """
                {"username":"%s","email":"%s@example.jp","displayName":"佐藤 花子","role":"operator-staff",
                 "memberOperatorId":%d}
                """.formatted(username, username, member), "Idempotency-Key", java.util.UUID.randomUUID().toString());
        assertValid(invited, 201);
        String userId = jsonField(invited.body(), "userId");
        String path = "/api/v1/users/" + userId;
        assertThat(invited.header("Location")).endsWith(path);

        Exchange first = call("GET", "/api/v1/users?limit=1", tenantAdmin(), null);
        assertValid(first, 200);
        assertThat(jsonField(first.body(), "nextCursor")).isNotNull();
        Exchange ofMember = call("GET", "/api/v1/users?memberOperatorId=" + member, tenantAdmin(), null,
                "Accept-Language", "en");
        assertValid(ofMember, 200);
        assertThat(ofMember.body()).contains("\"username\":\"" + username + "\"");

        Exchange got = call("GET", path, tenantAdmin(), null);
        assertValid(got, 200);
        assertThat(got.header("ETag")).startsWith("W/\"user-" + userId + "-v");
        Exchange disabled = call("POST", path + "/disable", tenantAdmin(), null);
        assertValid(disabled, 200);
        assertThat(disabled.body()).contains("\"status\":\"DISABLED\"");
        Exchange enabled = call("POST", path + "/enable", tenantAdmin(), null);
        assertValid(enabled, 200);
        assertThat(enabled.body()).contains("\"status\":\"ACTIVE\"");

        Exchange invalid = call("POST", "/api/v1/users", tenantAdmin(),
                "{\"username\":\"x\",\"email\":\"not-an-address\",\"role\":\"operator-staff\"}");
        assertValidResponse(invalid, 400);
        assertThat(invalid.body()).contains("\"field\":\"username\"", "\"field\":\"email\"");
    }

    @Test
    void importMembersFromCsv() {
        String header = "nameJa,nameKana,localGovernmentCode,sectorCode,membershipKind,address\n";
        String valid = header
                + "試験市,シケンシ," + localGovernmentCode() + ",GOVERNMENT_ADMINISTRATIVE_SERVICES,MEMBER,東京都千代田区1-1\n"
                + "試験町,シケンチョウ," + localGovernmentCode() + ",GOVERNMENT_ADMINISTRATIVE_SERVICES,NON_MEMBER_RECIPIENT,\n";
        Exchange dryRun = call("POST", "/api/v1/members/imports?dryRun=true", tenantAdmin(), valid,
                "Content-Type", "text/csv; charset=UTF-8");
        assertValid(dryRun, 200);
        assertThat(dryRun.body()).contains("\"dryRun\":true", "\"imported\":0");
        Exchange imported = call("POST", "/api/v1/members/imports", tenantAdmin(), valid,
                "Content-Type", "text/csv; charset=UTF-8", "Idempotency-Key", java.util.UUID.randomUUID().toString());
        assertValid(imported, 201);
        assertThat(imported.body()).contains("\"imported\":2", "\"memberIds\":[");

        String invalid = header
                + "試験村,シケンムラ," + localGovernmentCode() + ",GOVERNMENT_ADMINISTRATIVE_SERVICES,MEMBER,\n"
                + "試験区,シケンク,123456,NO_SUCH_SECTOR,MEMBER,\n";
        Exchange rejected = call("POST", "/api/v1/members/imports", tenantAdmin(), invalid,
                "Content-Type", "text/csv; charset=UTF-8");
        assertValid(rejected, 400);
        assertThat(rejected.body()).contains("import-rejected", "\"row\":3", "\"errorCount\":");

        Exchange badHeader = call("POST", "/api/v1/members/imports", tenantAdmin(), "name,kana\nA,B\n",
                "Content-Type", "text/csv; charset=UTF-8");
        assertValid(badHeader, 400);
        assertThat(badHeader.body()).contains("\"row\":1", "\"field\":\"header\"");
    }

    // ---------------------------------------------------------------------------------------------------------
    // crisis contact list of a member operator (jp.ceptoarhub.contacts)
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void createListGetUpdateDeleteAndSyncContacts() {
        long member = createMember();
        String base = "/api/v1/members/" + member + "/contacts";
        Exchange created = call("POST", base, tenantAdmin(), contactBody("POC", "PRIMARY", "H24"),
                "Idempotency-Key", java.util.UUID.randomUUID().toString());
        assertValid(created, 201);
        String id = jsonField(created.body(), "id");
        String path = base + "/" + id;
        assertThat(created.header("Location")).endsWith(path);
        assertThat(created.header("ETag")).startsWith("W/\"contact-" + id + "-v");
        assertThat(created.body()).contains("\"deleted\":false", "\"functions\":[{", "\"channels\":[{");
        Exchange deputy = call("POST", base, tenantAdmin(), contactBody("POC", "DEPUTY", "BUSINESS_HOURS"),
                "Accept-Language", "en");
        assertValid(deputy, 201);
        String deputyPath = base + "/" + jsonField(deputy.body(), "id");

        Exchange first = call("GET", base + "?limit=1", tenantAdmin(), null);
        assertValid(first, 200);
        String cursor = jsonField(first.body(), "nextCursor");
        assertThat(cursor).as("a second page exists").isNotNull();
        Exchange second = call("GET", base + "?limit=200&cursor=" + cursor, tenantAdmin(), null, "Accept-Language", "en");
        assertValid(second, 200);
        assertThat(jsonField(second.body(), "syncToken")).isEqualTo(jsonField(first.body(), "syncToken"));
        String syncToken = jsonField(first.body(), "syncToken");

        Exchange got = call("GET", path, tenantAdmin(), null, "Accept-Language", "en");
        assertValid(got, 200);
        assertThat(got.header("ETag")).isEqualTo(created.header("ETag"));

        // Without If-Match the request breaks the spec on purpose: only the response is validated.
        Exchange without = call("PATCH", path, tenantAdmin(), "{\"department\":\"危機管理室\"}");
        assertValidResponse(without, 428);
        Exchange updated = call("PATCH", path, tenantAdmin(), "{\"department\":\"危機管理室\",\"nameEn\":\"\"}",
                "If-Match", got.header("ETag"));
        assertValid(updated, 200);
        assertThat(updated.header("ETag")).isNotEqualTo(got.header("ETag"));
        assertThat(updated.body()).contains("危機管理室").doesNotContain("\"nameEn\"");
        Exchange stale = call("PATCH", path, tenantAdmin(), "{\"notes\":\"x\"}", "If-Match", got.header("ETag"));
        assertValid(stale, 412);
        assertThat(jsonField(stale.body(), "currentEtag")).isEqualTo(updated.header("ETag"));

        String deputyEtag = call("GET", deputyPath, tenantAdmin(), null).header("ETag");
        Exchange deleted = call("DELETE", deputyPath, tenantAdmin(), null, "If-Match", deputyEtag);
        assertValid(deleted, 204);
        assertValid(call("GET", deputyPath, tenantAdmin(), null), 404);

        // Delta sync: the updated contact in full, the deleted one as a tombstone.
        Exchange delta = call("GET", base + "?updatedSince=" + syncToken, tenantAdmin(), null);
        assertValid(delta, 200);
        assertThat(delta.body()).contains("\"deleted\":true", "\"deletedAt\"", "危機管理室");

        // History (with explicit nulls in before/after), also of the deleted contact.
        Exchange history = call("GET", path + "/history", tenantAdmin(), null);
        assertValid(history, 200);
        assertThat(history.body()).contains("\"CREATED\"", "\"UPDATED\"", "null");
        Exchange firstEntry = call("GET", path + "/history?limit=1", tenantAdmin(), null);
        assertValid(firstEntry, 200);
        assertThat(jsonField(firstEntry.body(), "nextCursor")).isNotNull();
        Exchange deletedHistory = call("GET", deputyPath + "/history", tenantAdmin(), null);
        assertValid(deletedHistory, 200);
        assertThat(deletedHistory.body()).contains("\"DELETED\"");
    }

    @Test
    void confirmCoverageAndContactProblems() {
        long member = createMember();
        String base = "/api/v1/members/" + member + "/contacts";
        Exchange empty = call("POST", base + "/confirm", tenantAdmin(), null);
        assertValid(empty, 409);
        assertThat(empty.body()).contains("contacts-empty");
        Exchange none = call("GET", base + "/coverage", tenantAdmin(), null);
        assertValid(none, 200);
        assertThat(none.body()).contains("\"complete\":false", "\"contactCount\":0");

        Exchange created = call("POST", base, tenantAdmin(), contactBody("INCIDENT_CONTACT", "PRIMARY", "BUSINESS_HOURS"));
        assertValid(created, 201);
        String id = jsonField(created.body(), "id");
        Exchange confirmed = call("POST", base + "/confirm", tenantAdmin(), null);
        assertValid(confirmed, 200);
        assertThat(confirmed.body()).contains("\"contactCount\":1");
        Exchange coverage = call("GET", base + "/coverage", tenantAdmin(), null, "Accept-Language", "en");
        assertValid(coverage, 200);
        assertThat(coverage.body()).contains("\"lastConfirmedAt\"", "\"lastChangedAt\"", "\"missing\":[");
        Exchange history = call("GET", base + "/" + id + "/history", tenantAdmin(), null);
        assertValid(history, 200);
        assertThat(history.body()).contains("\"CONFIRMED\"");

        String badEmail = contactBody("POC", "PRIMARY", "H24").replace("yamada@example.jp", "not-an-address");
        Exchange invalid = call("POST", base, tenantAdmin(), badEmail);
        assertValid(invalid, 400);
        assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");
        assertThat(invalid.body()).contains("\"violations\":[{", "\"field\":\"channels[0].value\"");
        Exchange badSince = call("GET", base + "?updatedSince=yesterday", tenantAdmin(), null);
        assertValidResponse(badSince, 400);
        assertThat(badSince.body()).contains("\"field\":\"updatedSince\"");

        // A contact of another member is not found through this member's path.
        long other = createMember();
        String otherPath = "/api/v1/members/" + other + "/contacts/" + id;
        assertValid(call("GET", otherPath, tenantAdmin(), null), 404);
        assertValid(call("GET", otherPath + "/history", tenantAdmin(), null), 404);
        assertValid(call("PATCH", otherPath, tenantAdmin(), "{\"notes\":\"x\"}", "If-Match", "*"), 404);
        assertValid(call("GET", base, platformAdmin, null), 403);
    }

    // ---------------------------------------------------------------------------------------------------------
    // continuity plans of a member operator (jp.ceptoarhub.continuity)
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void createListGetUpdateDeleteAndSyncContinuityPlans() {
        long member = createMember();
        String base = "/api/v1/members/" + member + "/continuity-plans";
        Exchange created = call("POST", base, tenantAdmin(), planBody("BCP", "DRAFTED"),
                "Idempotency-Key", java.util.UUID.randomUUID().toString());
        assertValid(created, 201);
        String id = jsonField(created.body(), "id");
        String path = base + "/" + id;
        assertThat(created.header("Location")).endsWith(path);
        assertThat(created.header("ETag")).startsWith("W/\"continuity-plan-" + id + "-v");
        assertThat(created.body()).contains("\"deleted\":false", "\"inPlace\":true", "\"reviewOverdue\":false");
        // a client of API 0.1 sends a 設問27 option: stored as the plan's own status
        Exchange contingency = call("POST", base, tenantAdmin(), planBody("CONTINGENCY_PLAN", "with-cyber"),
                "Accept-Language", "en");
        assertValid(contingency, 201);
        assertThat(contingency.body()).contains("\"status\":\"DRAFTED\"");
        String contingencyPath = base + "/" + jsonField(contingency.body(), "id");

        Exchange first = call("GET", base + "?limit=1", tenantAdmin(), null);
        assertValid(first, 200);
        String cursor = jsonField(first.body(), "nextCursor");
        assertThat(cursor).as("a second page exists").isNotNull();
        Exchange second = call("GET", base + "?limit=200&cursor=" + cursor, tenantAdmin(), null, "Accept-Language", "en");
        assertValid(second, 200);
        assertThat(jsonField(second.body(), "syncToken")).isEqualTo(jsonField(first.body(), "syncToken"));
        String syncToken = jsonField(first.body(), "syncToken");

        Exchange got = call("GET", path, tenantAdmin(), null, "Accept-Language", "en");
        assertValid(got, 200);
        assertThat(got.header("ETag")).isEqualTo(created.header("ETag"));

        // Without If-Match the request breaks the spec on purpose: only the response is validated.
        Exchange without = call("PATCH", path, tenantAdmin(), "{\"status\":\"IN_PREPARATION\"}");
        assertValidResponse(without, 428);
        Exchange updated = call("PATCH", path, tenantAdmin(),
                "{\"status\":\"IN_PREPARATION\",\"ownerRole\":\"\",\"cyberScenariosCovered\":null}",
                "If-Match", got.header("ETag"));
        assertValid(updated, 200);
        assertThat(updated.header("ETag")).isNotEqualTo(got.header("ETag"));
        assertThat(updated.body()).contains("\"status\":\"IN_PREPARATION\"").doesNotContain("\"ownerRole\"");
        Exchange stale = call("PATCH", path, tenantAdmin(), "{\"scopeNotes\":\"x\"}", "If-Match", got.header("ETag"));
        assertValid(stale, 412);
        assertThat(jsonField(stale.body(), "currentEtag")).isEqualTo(updated.header("ETag"));

        String contingencyEtag = call("GET", contingencyPath, tenantAdmin(), null).header("ETag");
        Exchange deleted = call("DELETE", contingencyPath, tenantAdmin(), null, "If-Match", contingencyEtag);
        assertValid(deleted, 204);
        assertValid(call("GET", contingencyPath, tenantAdmin(), null), 404);

        // Delta sync: the updated plan in full, the deleted one as a tombstone.
        Exchange delta = call("GET", base + "?updatedSince=" + syncToken, tenantAdmin(), null);
        assertValid(delta, 200);
        assertThat(delta.body()).contains("\"deleted\":true", "\"deletedAt\"", "IN_PREPARATION");

        // History (with explicit nulls in before/after), also of the deleted plan.
        Exchange history = call("GET", path + "/history", tenantAdmin(), null);
        assertValid(history, 200);
        assertThat(history.body()).contains("\"CREATED\"", "\"UPDATED\"", "null");
        Exchange firstEntry = call("GET", path + "/history?limit=1", tenantAdmin(), null);
        assertValid(firstEntry, 200);
        assertThat(jsonField(firstEntry.body(), "nextCursor")).isNotNull();
        Exchange deletedHistory = call("GET", contingencyPath + "/history", tenantAdmin(), null);
        assertValid(deletedHistory, 200);
        assertThat(deletedHistory.body()).contains("\"DELETED\"");
    }

    @Test
    void confirmAndContinuityPlanProblems() {
        long member = createMember();
        String base = "/api/v1/members/" + member + "/continuity-plans";
        Exchange empty = call("POST", base + "/confirm", tenantAdmin(), null);
        assertValid(empty, 409);
        assertThat(empty.body()).contains("continuity-plans-empty");

        Exchange created = call("POST", base, tenantAdmin(), planBody("CONTINGENCY_PLAN", "IN_PREPARATION"));
        assertValid(created, 201);
        String id = jsonField(created.body(), "id");
        Exchange confirmed = call("POST", base + "/confirm", tenantAdmin(), null);
        assertValid(confirmed, 200);
        assertThat(confirmed.body()).contains("\"planCount\":1");
        Exchange history = call("GET", base + "/" + id + "/history", tenantAdmin(), null);
        assertValid(history, 200);
        assertThat(history.body()).contains("\"CONFIRMED\"");

        String wrongOrder = planBody("BCP", "DRAFTED").replace("\"nextReviewDue\":\"" + nextYear() + "\"",
                "\"nextReviewDue\":\"2025-01-01\"");
        Exchange badDates = call("POST", base, tenantAdmin(), wrongOrder);
        assertValid(badDates, 400);
        assertThat(badDates.header("Content-Type")).startsWith("application/problem+json");
        assertThat(badDates.body()).contains("\"violations\":[{", "\"field\":\"nextReviewDue\"");
        // bcp-only is a 設問28 option: not a status a contingency plan had in API 0.1 (設問27).
        Exchange badStatus = call("POST", base, tenantAdmin(), planBody("CONTINGENCY_PLAN", "bcp-only"));
        assertValid(badStatus, 400);
        assertThat(badStatus.body()).contains("\"field\":\"status\"");
        // with-cyber while cyberScenariosCovered is NO: a contradiction, named by the coverage field
        Exchange contradiction = call("POST", base, tenantAdmin(), planBody("CONTINGENCY_PLAN", "with-cyber")
                .replace("\"cyberScenariosCovered\":\"PARTIAL\"", "\"cyberScenariosCovered\":\"NO\""));
        assertValid(contradiction, 400);
        assertThat(contradiction.body()).contains("\"field\":\"cyberScenariosCovered\"");
        Exchange badSince = call("GET", base + "?updatedSince=yesterday", tenantAdmin(), null);
        assertValidResponse(badSince, 400);
        assertThat(badSince.body()).contains("\"field\":\"updatedSince\"");

        // A plan of another member is not found through this member's path.
        long other = createMember();
        String otherPath = "/api/v1/members/" + other + "/continuity-plans/" + id;
        assertValid(call("GET", otherPath, tenantAdmin(), null), 404);
        assertValid(call("GET", otherPath + "/history", tenantAdmin(), null), 404);
        assertValid(call("PATCH", otherPath, tenantAdmin(), "{\"scopeNotes\":\"x\"}", "If-Match", "*"), 404);
        assertValid(call("GET", base, platformAdmin, null), 403);
        assertValid(call("POST", base + "/confirm", platformAdmin, null), 403);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Parameters that cannot be converted are named like any other invalid field.
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void unconvertibleParameterNamesTheField() {
        Exchange limit = call("GET", "/api/v1/platform/tenants?limit=abc", platformAdmin, null);
        assertValidResponse(limit, 400);
        assertThat(limit.body()).contains("\"violations\":[{\"field\":\"limit\"");
        Exchange id = call("GET", "/api/v1/platform/tenants/abc", platformAdmin, null);
        assertValidResponse(id, 400);
        assertThat(id.body()).contains("\"violations\":[{\"field\":\"id\"");
    }


    private static String contactBody(String function, String order, String availability) {
        return """
                {"nameJa":"山田 太郎","nameKana":"やまだ たろう","nameEn":"Taro Yamada","role":"CISO",
                 "department":"情報システム部","functions":[{"function":"%s","order":"%s"}],
                 "channels":[{"type":"EMAIL","value":"yamada@example.jp","verifiedAt":"2025-04-01"},
                             {"type":"MOBILE","value":"090-1234-5678"}],
                 "availability":"%s"%s,"notes":"夜間は携帯へ連絡"}
                """.formatted(function, order, availability,
                "BUSINESS_HOURS".equals(availability) ? ",\"availabilityHours\":\"平日 9:00-17:45\"" : "");
    }


    /** A valid continuity plan (as ContinuityTestSupport.planBody), due for review a year from now. */
    private static String planBody(String planType, String status) {
        return """
                {"planType":"%s","status":"%s","cyberScenariosCovered":"PARTIAL","lastReviewedOn":"2025-04-01",
                 "lastExercisedOn":"2025-10-15","nextReviewDue":"%s","ownerName":"山田 太郎","ownerRole":"CISO",
                 "scopeNotes":"送配電システム及び需給調整システム"}
                """.formatted(planType, status, nextYear());
    }
}
