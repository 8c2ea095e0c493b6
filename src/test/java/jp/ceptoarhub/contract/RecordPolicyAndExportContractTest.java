package jp.ceptoarhub.contract;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.devstack.SampleRecords;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Record policies and the export of a member's record set, against api-spec/openapi.yaml. */
@MicronautTest(transactional = false)
class RecordPolicyAndExportContractTest extends ContractTestSupport {

    @Test
    void listAndSetRecordPolicies() {
        assertValid(call("GET", "/api/v1/record-policies", tenantAdmin(), null), 200);
        assertValid(call("GET", "/api/v1/record-policies", tenantAdmin(), null, "Accept-Language", "en"), 200);
        Exchange current = call("GET", "/api/v1/record-policies/self-assessment", tenantAdmin(), null);
        assertValid(current, 200);
        assertValidResponse(call("PUT", "/api/v1/record-policies/self-assessment", tenantAdmin(),
                "{\"operatorStaffReadOnly\":true}"), 428);
        Exchange set = call("PUT", "/api/v1/record-policies/self-assessment", tenantAdmin(),
                "{\"operatorStaffReadOnly\":true}", "If-Match", current.header("ETag"));
        assertValid(set, 200);
        assertValid(call("PUT", "/api/v1/record-policies/self-assessment", tenantAdmin(),
                "{\"operatorStaffReadOnly\":false}", "If-Match", current.header("ETag")), 412);
        assertValid(call("PUT", "/api/v1/record-policies/self-assessment", tenantAdmin(),
                "{\"operatorStaffReadOnly\":false}", "If-Match", set.header("ETag")), 200);
        assertValidResponse(call("PUT", "/api/v1/record-policies/self-assessment", tenantAdmin(), "{}",
                "If-Match", "*"), 400);
        assertValidResponse(call("PUT", "/api/v1/record-policies/payroll", tenantAdmin(),
                "{\"operatorStaffReadOnly\":true}", "If-Match", "*"), 404);
        String nisc = token(person(national(), Role.NISC_ANALYST));
        assertValid(call("GET", "/api/v1/record-policies", nisc, null), 403);
        assertValid(call("GET", "/api/v1/record-policies", null, null), 401);
    }

    /** Every list of the export is validated against its record type's own schema (a sample of every type). */
    @Test
    void exportAsJsonAndXlsx() throws Exception {
        long member = createMember();
        assertValid(call("POST", "/api/v1/members/" + member + "/contacts", tenantAdmin(), """
                {"nameJa":"山田 太郎","nameKana":"やまだ たろう","role":"CISO","functions":[{"function":"POC","order":"PRIMARY"}],
                 "channels":[{"type":"EMAIL","value":"yamada@example.jp"}],"availability":"H24"}
                """), 201);
        new SampleRecords(HttpClient.newHttpClient(), "http://127.0.0.1:" + server.getPort())
                .seed(member, "ELECTRICITY", token(person(tenant(), Role.OPERATOR_ADMIN, member)));
        Exchange json = call("GET", "/api/v1/members/" + member + "/records-export", tenantAdmin(), null);
        assertValid(json, 200);
        assertThat(json.body()).contains("山田 太郎", "\"systems\":[{", "\"critical-services\":[{",
                "\"self-assessment\":[{");
        Exchange xlsx = call("GET", "/api/v1/members/" + member + "/records-export?format=xlsx", tenantAdmin(), null,
                "Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertStatus(xlsx, 200);
        assertThat(xlsx.header("Content-Type")).startsWith("application/vnd.openxmlformats");
        assertValidResponse(call("GET", "/api/v1/members/" + member + "/records-export?format=pdf", tenantAdmin(),
                null), 400);
        assertValid(call("GET", "/api/v1/members/999999999/records-export", tenantAdmin(), null), 404);
    }
}
