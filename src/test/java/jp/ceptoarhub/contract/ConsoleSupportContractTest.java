package jp.ceptoarhub.contract;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the web console added to the API: the public sign-in directory, the labelled code lists (whose codes must be
 * exactly the spec's enumerations) and one member's freshness, against api-spec/openapi.yaml.
 */
@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class ConsoleSupportContractTest extends ContractTestSupport {

    @Test
    void publicDirectory() {
        tenant();
        assertValid(call("GET", "/api/v1/public/tenants", null, null), 200);
        assertValid(call("GET", "/api/v1/public/tenants", null, null, "Accept-Language", "en"), 200);
        assertValid(call("GET", "/api/v1/public/tenants/" + tenant().code(), null, null), 200);
        assertValid(call("GET", "/api/v1/public/tenants/national", null, null), 200);
        assertValid(call("GET", "/api/v1/public/tenants/unknown-tenant", null, null), 404);
        assertValidResponse(call("GET", "/api/v1/public/tenants/NOT%20A%20CODE", null, null), 400);
    }

    @Test
    void codeListsMatchTheSpecEnumerations() throws IOException {
        Exchange ja = call("GET", "/api/v1/reference/code-lists", tenantAdmin(), null);
        assertValid(ja, 200);
        assertValid(call("GET", "/api/v1/reference/code-lists", tenantAdmin(), null, "Accept-Language", "en"), 200);
        assertValid(call("GET", "/api/v1/reference/code-lists", null, null), 401);

        Map<String, Object> spec;
        try (InputStream in = Files.newInputStream(SPEC)) {
            spec = new Yaml().load(in);
        }
        Map<String, Map> schemas = (Map<String, Map>) ((Map) spec.get("components")).get("schemas");
        Map<String, Set<String>> served = new HashMap<>();
        for (Map list : (List<Map>) json.readValue(ja.body(), Map.class).get("lists")) {
            String name = ((String) list.get("name")).split("\\.")[0];
            served.computeIfAbsent(name, n -> new TreeSet<>()).addAll(((List<Map>) list.get("options")).stream()
                    .map(o -> (String) o.get("code")).toList());
            assertThat((List<Map>) list.get("options")).allSatisfy(o -> assertThat((String) o.get("labelJa")).isNotBlank());
        }
        assertThat(served).containsKeys("ContactRole", "ContactFunction", "CallOrder", "ChannelType", "ContactAvailability",
                "ContinuityPlanType", "ContinuityPlanStatus", "ContinuityCyberCoverage", "SupplierCriticality",
                "SupplierContractClause", "SupplierResubcontracting", "BusinessSystemKind", "BusinessSystemCriticality",
                "BusinessSystemHosting", "EmployeeBand", "CapitalBand", "MembershipKind", "FreshnessStatus", "TenantRoleCode",
                "NationalRoleCode", "Affiliation", "ImportanceCode");
        served.forEach((name, codes) -> {
            assertThat(schemas).as("schema " + name).containsKey(name);
            Set<String> enumeration = ((List<Object>) schemas.get(name).get("enum")).stream().map(String::valueOf)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(codes).as("codes of " + name).isEqualTo(enumeration);
        });
    }

    @Test
    void memberFreshness() {
        long member = createMember();
        assertValid(call("GET", "/api/v1/members/" + member + "/freshness", tenantAdmin(), null), 200);
        assertValid(call("GET", "/api/v1/members/" + member + "/freshness", tenantAdmin(), null, "Accept-Language", "en"), 200);
        assertValid(call("GET", "/api/v1/members/999999999/freshness", tenantAdmin(), null), 404);
        assertValidResponse(call("GET", "/api/v1/members/abc/freshness", tenantAdmin(), null), 400);
        assertValid(call("GET", "/api/v1/members/" + member + "/freshness", token(person(national(), Role.NISC_ANALYST)), null), 403);
        assertValid(call("GET", "/api/v1/members/" + member + "/freshness", null, null), 401);
    }
}
