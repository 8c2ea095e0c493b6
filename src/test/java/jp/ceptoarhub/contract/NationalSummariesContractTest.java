package jp.ceptoarhub.contract;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The national summaries endpoints (jp.ceptoarhub.national) against api-spec/openapi.yaml. */
@MicronautTest(transactional = false)
class NationalSummariesContractTest extends ContractTestSupport {
    private static final String RELEASES = "/api/v1/national/releases";

    @Test
    void contributionSettingWithItsEtag() {
        String path = "/api/v1/national-contribution";
        String admin = token(person(newTenant("契約試験CEPTOAR"), Role.SECRETARIAT_ADMIN));
        Exchange got = call("GET", path, admin, null);
        assertValid(got, 200);
        assertThat(got.body()).contains("\"contributes\":true");
        assertValidResponse(call("PUT", path, admin, "{\"contributes\":false}"), 428);
        assertValidResponse(call("PUT", path, admin, "{}", "If-Match", got.header("ETag")), 400);
        Exchange set = call("PUT", path, admin, "{\"contributes\":false}", "If-Match", got.header("ETag"));
        assertValid(set, 200);
        assertThat(set.body()).contains("\"contributes\":false");
        assertValid(call("PUT", path, admin, "{\"contributes\":true}", "If-Match", got.header("ETag")), 412);
        assertValid(call("GET", path, token(person(national(), Role.NISC_ANALYST)), null), 403);
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void publishListReadAsJsonAndCsvAndAudit() {
        String referenceDate = LocalDate.of(1990, 9, 30).plusYears(ThreadLocalRandom.current().nextInt(9))
                .toString();
        Exchange campaign = call("POST", "/api/v1/self-assessment/campaigns", tenantAdmin(), """
                {"title":"契約試験","referenceDate":"%s","deadline":"%s"}""".formatted(referenceDate,
                LocalDate.parse(referenceDate).plusMonths(1)));
        assertValid(campaign, 201);
        String campaignId = jsonField(campaign.body(), "id");
        Map catalogue = (Map) parse(call("GET", "/api/v1/self-assessment/catalogue", tenantAdmin(), null).body());
        for (int i = 0; i < 12; i++) {
            long member = createMember();
            List<String> items = new ArrayList<>();
            for (Map q : (List<Map>) catalogue.get("questions")) {
                Map option = ((List<Map>) q.get("options")).stream()
                        .filter(o -> Boolean.TRUE.equals(o.get("selectable")))
                        .filter(o -> !Boolean.TRUE.equals(o.get("requiresText"))).findFirst().orElse(null);
                if (Boolean.TRUE.equals(q.get("requiredForCompleteness")) && option != null) {
                    String chosen = "q.governance.audit".equals(q.get("id")) && i < 5 ? "neither"
                            : (String) option.get("id");
                    items.add("{\"questionId\":\"%s\",\"optionIds\":[\"%s\"]}".formatted(q.get("id"), chosen));
                }
            }
            String base = "/api/v1/members/" + member + "/self-assessment";
            assertValid(call("PATCH", base + "/answers", tenantAdmin(),
                    "{\"answers\":[" + String.join(",", items) + "]}"), 200);
            Exchange submitted = call("POST", base + "/campaigns/" + campaignId + "/submission", tenantAdmin(), null);
            assertValid(submitted, 201);
            assertValid(call("POST", base + "/campaigns/" + campaignId + "/submission/accept", tenantAdmin(), "{}",
                    "If-Match", submitted.header("ETag")), 200);
        }
        String nisc = token(person(national(), Role.NISC_ANALYST));

        Exchange published = call("POST", RELEASES, nisc, "{\"referenceDate\":\"%s\"}".formatted(referenceDate),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertValid(published, 201);
        assertThat(published.body()).contains("\"respondents\":12", "\"ceptoars\":1");
        String id = jsonField(published.body(), "id");
        assertValid(call("POST", RELEASES, nisc, "{\"referenceDate\":\"2999-01-01\"}"), 400);
        assertValidResponse(call("POST", RELEASES, nisc, "{}"), 400);
        assertValid(call("POST", RELEASES, nisc, "{\"referenceDate\":\"1980-01-01\"}"), 409);
        assertValid(call("POST", RELEASES, tenantAdmin(), "{\"referenceDate\":\"%s\"}".formatted(referenceDate)),
                403);

        Exchange list = call("GET", RELEASES + "?limit=1", nisc, null);
        assertValid(list, 200);
        assertValid(call("GET", RELEASES, tenantAdmin(), null), 403);
        assertValidResponse(call("GET", RELEASES, null, null), 401);
        assertValid(call("GET", RELEASES + "/" + id, nisc, null), 200);
        assertValid(call("GET", RELEASES + "/999999999", nisc, null), 404);

        Exchange summaries = call("GET", RELEASES + "/" + id + "/summaries", nisc, null);
        assertValid(summaries, 200);
        assertThat(summaries.body()).contains("\"suppressed\":true", "q.governance.audit");
        Exchange csv = call("GET", RELEASES + "/" + id + "/summaries?format=csv", nisc, null, "Accept", "text/csv");
        assertValid(csv, 200);
        assertThat(csv.body()).contains("table,row,row_kind");
        assertValidResponse(call("GET", RELEASES + "/" + id + "/summaries?format=xml", nisc, null), 400);
        assertValid(call("GET", RELEASES + "/" + id + "/summaries", tenantAdmin(), null), 403);

        Exchange audit = call("GET", RELEASES + "/" + id + "/audit", platformAdmin, null);
        assertValid(audit, 200);
        assertThat(audit.body()).contains("\"parameters\"", "\"reasons\"");
        assertValid(call("GET", RELEASES + "/" + id + "/audit", nisc, null), 403);
    }
}
