package jp.ceptoarhub.contract;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import org.junit.jupiter.api.Test;

import java.util.UUID;

/**
 * The alert endpoints against api-spec/openapi.yaml: real requests (a CEPTOAR's alert and a NISC provision passed on
 * by the secretariat) whose requests and responses — bodies, headers, problems — must validate. The shared tenant
 * is an electricity CEPTOAR; NISC addresses the ELECTRICITY sector here.
 */
@MicronautTest(transactional = false)
class AlertContractTest extends ContractTestSupport {

    private String alertBody(String tlp, String audience) {
        return """
                {"importance":"ADVISORY","tlp":"%s","specialRemarks":"企業名を除けば他分野への情報提供可",
                 "title":"VPN機器の脆弱性を悪用した攻撃","outline":"①外部からの不正アクセス","targets":"該当製品の利用者",
                 "handling":"・ログの確認\\n・IPアドレスの遮断","otherInfo":"なし","annex":true,"audience":%s}
                """.formatted(tlp, audience);
    }

    @Test
    void aCeptoarAlertFromDraftToAcknowledgement() {
        long member = createMember();
        String operator = token(person(tenant(), Role.OPERATOR_STAFF, member));

        Exchange created = call("POST", "/api/v1/alerts", tenantAdmin(), alertBody("AMBER", "[{\"kind\":\"MEMBERS\"}]"),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertValid(created, 201);
        long id = Long.parseLong(jsonField(created.body(), "id"));
        String path = "/api/v1/alerts/" + id;
        assertValid(call("GET", "/api/v1/alerts/drafts", tenantAdmin(), null), 200);
        Exchange patched = call("PATCH", path, tenantAdmin(), "{\"importance\":\"WARNING\"}", "If-Match", created.header("ETag"));
        assertValid(patched, 200);
        assertValidResponse(call("PATCH", path, tenantAdmin(), "{\"tlp\":\"PURPLE\"}", "If-Match", patched.header("ETag")), 400);
        assertValidResponse(call("PATCH", path, tenantAdmin(), "{\"tlp\":\"GREEN\"}"), 428);

        Exchange upload = call("POST", path + "/attachments?filename=betsu.txt", tenantAdmin(), "別紙の本文",
                "Content-Type", "text/plain");
        assertValid(upload, 201);
        assertValidResponse(call("POST", path + "/attachments?filename=betsu.pdf", tenantAdmin(), "not a pdf",
                "Content-Type", "application/pdf"), 415);

        assertValid(call("POST", path + "/send?dryRun=true", tenantAdmin(), null), 200);
        Exchange sent = call("POST", path + "/send", tenantAdmin(), null, "Idempotency-Key", UUID.randomUUID().toString());
        assertValid(sent, 200);
        assertValid(call("POST", path + "/send", tenantAdmin(), null), 409);

        assertValid(call("GET", path, operator, null, "Accept-Language", "en"), 200);
        String attachment = jsonField(upload.body(), "id");
        assertValid(call("GET", path + "/attachments/" + attachment, operator, null, "Accept", "*/*"), 200);
        assertValid(call("GET", "/api/v1/alerts/inbox", operator, null), 200);
        assertValid(call("GET", "/api/v1/alerts/inbox?box=sent", tenantAdmin(), null), 200);
        assertValid(call("GET", "/api/v1/alerts/counts", operator, null), 200);
        assertValid(call("GET", "/api/v1/alerts?q=VPN", operator, null), 200);
        Exchange list = call("GET", "/api/v1/alerts?limit=1", operator, null);
        assertValid(list, 200);
        String syncToken = jsonField(list.body(), "syncToken");
        assertValid(call("GET", "/api/v1/alerts?updatedSince=" + syncToken, operator, null), 200);
        assertValid(call("GET", "/api/v1/alerts/threads/" + id, operator, null), 200);
        assertValid(call("POST", path + "/acknowledgement", operator, null), 200);
        assertValid(call("GET", path + "/recipients", tenantAdmin(), null), 200);
        assertValid(call("GET", path + "/recipients?state=OPEN&format=csv", tenantAdmin(), null), 200);
        assertValid(call("GET", path + "/recipients", operator, null), 403);
        assertValid(call("GET", path + "/stix", operator, null, "Accept", "application/stix+json;version=2.1"), 200);
        assertValid(call("GET", "/api/v1/alerts/export?format=json", operator, null), 200);
        assertValid(call("GET", "/api/v1/alerts/export?format=csv&from=2026-01-01", operator, null), 200);

        String etag = call("GET", path, tenantAdmin(), null).header("ETag");
        assertValid(call("PUT", path + "/label", tenantAdmin(), "{\"tlp\":\"AMBER_STRICT\"}", "If-Match", etag), 200);
        assertValid(call("GET", path + "/stix", operator, null, "Accept", "application/stix+json;version=2.1"), 403);
        assertValid(call("POST", path + "/recipients?dryRun=true", tenantAdmin(), "{\"audience\":[{\"kind\":\"MEMBERS\"}]}"), 200);
        assertValid(call("POST", path + "/withdraw", tenantAdmin(), "{\"reason\":\"誤送信\"}"), 200);
        assertValid(call("GET", "/api/v1/public/ceptoars/" + tenant().code() + "/alert-feed", null, null,
                "Accept", "application/atom+xml"), 200);
        assertValid(call("GET", "/api/v1/alerts/99999999", operator, null), 404);
    }

    @Test
    void aNiscProvisionPassedOnAndTheTenantsSettings() {
        long member = createMember();
        String nisc = token(nationalPerson(Role.NISC_ANALYST, "NISC_CI_DESK"));
        String officer = token(nationalPerson(Role.MINISTRY_OFFICER, "METI"));
        assertValid(call("GET", "/api/v1/alerts/destinations", nisc, null), 200);
        assertValid(call("GET", "/api/v1/alerts/destinations", tenantAdmin(), null), 200);
        assertValid(call("GET", "/api/v1/alerts/destinations", officer, null), 200);
        assertValid(call("GET", "/api/v1/national-organisations", officer, null), 200);

        Exchange created = call("POST", "/api/v1/alerts", nisc,
                alertBody("GREEN", "[{\"kind\":\"SECTOR\",\"sectorCode\":\"ELECTRICITY\"}]").replace("\"annex\":true", "\"annex\":false"));
        assertValid(created, 201);
        long id = Long.parseLong(jsonField(created.body(), "id"));
        assertValid(call("POST", "/api/v1/alerts/" + id + "/send", nisc, null), 200);
        assertValid(call("POST", "/api/v1/alerts/" + id + "/pass-ons?dryRun=true", tenantAdmin(),
                "{\"audience\":[{\"kind\":\"MEMBERS\"}]}"), 200);
        assertValid(call("POST", "/api/v1/alerts/" + id + "/pass-ons", tenantAdmin(),
                "{\"audience\":[{\"kind\":\"MEMBER\",\"memberId\":" + member + "}]}", "Idempotency-Key", UUID.randomUUID().toString()), 201);
        assertValid(call("POST", "/api/v1/alerts/" + id + "/pass-ons", tenantAdmin(),
                "{\"tlp\":\"CLEAR\",\"audience\":[{\"kind\":\"MEMBERS\"}]}"), 400);
        assertValid(call("GET", "/api/v1/public/national/alert-feed", null, null, "Accept", "application/atom+xml"), 200);

        Exchange settings = call("GET", "/api/v1/alerts/settings", tenantAdmin(), null);
        assertValid(settings, 200);
        assertValid(call("PUT", "/api/v1/alerts/settings", tenantAdmin(), "{\"inquiryContact\":\"電力CEPTOAR事務局 03-0000-0000\"}",
                "If-Match", settings.header("ETag")), 200);
        assertValid(call("PUT", "/api/v1/alerts/settings", tenantAdmin(), "{\"maxExportTlp\":\"RED\"}", "If-Match", settings.header("ETag")), 412);

        TestUser staff = person(tenant(), Role.OPERATOR_STAFF, member);
        String userEtag = call("GET", "/api/v1/users/" + staff.userId(), tenantAdmin(), null).header("ETag");
        assertValid(call("PUT", "/api/v1/users/" + staff.userId() + "/affiliation", tenantAdmin(),
                "{\"affiliation\":\"CONTRACTOR_NDA\",\"ndaSignedOn\":\"2026-01-15\"}", "If-Match", userEtag), 200);
    }
}
