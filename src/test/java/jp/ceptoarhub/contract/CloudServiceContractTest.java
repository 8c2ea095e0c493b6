package jp.ceptoarhub.contract;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every cloud services operation against api-spec/openapi.yaml, success and error responses alike. */
@MicronautTest(transactional = false)
class CloudServiceContractTest extends ContractTestSupport {

    private static String fullBody() {
        return """
                {"providerName":"東都クラウド株式会社","serviceName":"東都IaaS","serviceModels":["IAAS","PAAS"],
                 "deploymentModel":"HYBRID","multiCloud":true,"supportedServices":"需給調整システム","importance":"HIGH",
                 "dataCarried":"需給計画データ","managedService":true,"reSubcontracting":"SUBCONTRACT",
                 "reSubcontractingProhibited":false,"resoldByIntermediary":false,
                 "providerSupportStructure":"DOMESTIC_AND_OVERSEAS",
                 "contractParties":[{"role":"SELLER","name":"東都システム販売","directContract":true,
                   "termsConsented":"販売約款 2025年版","contact":"sales@example.jp"}],
                 "dataRoles":[{"role":"CUSTODIAN","party":"東都クラウド株式会社","copyOutsideCloud":false}],
                 "responsibilities":[{"area":"CONFIGURATION","owner":"OUTSOURCED","party":"東都SI","implementer":"BUILDER"},
                   {"area":"VIRTUALIZATION","owner":"PROVIDER"}],
                 "providerCountry":"us","dataCountries":["JP","US"],"dataCountryUnidentifiable":false,
                 "dataCountryNotes":"バックアップは米国","regions":["東日本リージョン"],"multiRegion":true,
                 "foreignLawExposure":"米国CLOUD法","customerManagedKeys":true,"keyManagement":"自組織のKMS",
                 "personalData":true,"personalDataTreatment":"NOT_HANDLED_BY_PROVIDER","personalDataBasis":"NOT_REQUIRED",
                 "personalDataMeasures":"アクセス制御","slaAvailabilityPercent":99.95,"slaNotes":"返金規定あり",
                 "sloDisclosed":false,"support24x365":true,"onsiteSupport":false,"supportNotes":"有償オプション",
                 "logTypes":"監査ログ","logRetentionDays":365,"logFee":true,"logNotes":"申請から3営業日",
                 "exitTerms":"終了後30日でデータ消去、消去証明書あり",
                 "disclosureNotes":"障害情報はステータスページで公開","notificationMethod":"メール及びポータル",
                 "executiveSummaryNotices":true,"prePublicationNotice":false,"domesticOverseasParity":true,
                 "outageHistory":"2024年に2時間の障害1件",
                 "certifications":[{"code":"ISMAP","verifiedOn":"2025-04-01","reference":"C21-0001-1"},
                   {"code":"OTHER","otherName":"SOC 2"}],
                 "checks":[{"code":"SLA","status":"DONE","evidenceDate":"2025-04-01","evidence":"SLA 第3版","notes":"年1回"},
                   {"code":"OTHER","otherText":"監査報告書の入手","status":"PARTIAL"}],
                 "measures":[{"code":"SG2023-5.5.2-02","status":"DONE"},{"code":"OTHER","otherText":"外部サービス利用規程",
                   "status":"DONE"}],
                 "accountablePerson":"情報システム部長","personsInCharge":"運用課","threatInfoCollector":"CSIRT",
                 "communications":[{"link":"USER_OPERATOR","cadence":"月1回","recordsRetained":true}],
                 "lastAssessmentOn":"2025-06-01","lastPentestOn":"2025-06-15","assessmentIntervalMonths":12,
                 "backupStrategies":["OFFLINE","MULTI_REGION"],"endpointControls":"EDR","cyberInsurance":false,
                 "incidentContacts":[{"kind":"PROVIDER","name":"サポートセンター","contact":"0120-000-000","notes":"24時間"}],
                 "termsChanges":[{"changedOn":"2025-05-01","description":"利用規約改定","impactReview":"NO_IMPACT"}],
                 "ownerName":"山田 太郎","ownerRole":"CISO","notes":"備考"}
                """;
    }

    @Test
    void everyCloudServiceOperationConformsToTheSpec() {
        long member = createMember();
        String sec = tenantAdmin();
        String base = "/api/v1/members/" + member + "/cloud-services";

        Exchange created = call("POST", base, sec, fullBody(), "Idempotency-Key", java.util.UUID.randomUUID().toString(),
                "Accept-Language", "en");
        assertValid(created, 201);
        String id = jsonField(created.body(), "id");
        String etag = created.header("ETag");
        Exchange minimal = call("POST", base, sec, "{\"providerName\":\"P\",\"serviceName\":\"S\"}");
        assertValid(minimal, 201);
        assertValid(call("GET", base + "/" + id, sec, null, "Accept-Language", "ja"), 200);
        Exchange list = call("GET", base + "?limit=1", sec, null);
        assertValid(list, 200);
        assertThat(jsonField(list.body(), "nextCursor")).isNotNull();

        Exchange patched = call("PATCH", base + "/" + id, sec,
                "{\"slaAvailabilityPercent\":\"\",\"multiCloud\":\"\",\"deploymentModel\":\"\",\"regions\":[],"
                        + "\"checks\":[{\"code\":\"LOGS\",\"status\":\"NOT_APPLICABLE\"}],\"notes\":null}",
                "If-Match", etag);
        assertValid(patched, 200);
        assertValidResponse(call("PATCH", base + "/" + id, sec, "{\"notes\":\"x\"}", "If-Match", etag), 412);
        assertValidResponse(call("PATCH", base + "/" + id, sec, "{\"notes\":\"x\"}"), 428);
        assertValidResponse(call("PATCH", base + "/" + id, sec, "{\"checks\":[{\"code\":\"NOPE\",\"status\":\"DONE\"}]}",
                "If-Match", patched.header("ETag")), 400);
        assertValidResponse(call("POST", base, sec, "{\"providerName\":\"\",\"dataCountries\":[\"XX\"]}"), 400);

        assertValid(call("GET", base + "/" + id + "/history", sec, null), 200);
        assertValid(call("POST", base + "/confirm", sec, null), 200);
        String minimalId = jsonField(minimal.body(), "id");
        assertValid(call("DELETE", base + "/" + minimalId, sec, null, "If-Match", minimal.header("ETag")), 204);
        assertValid(call("GET", base + "?updatedSince=" + URLEncoder.encode("2020-01-01T00:00:00Z",
                StandardCharsets.UTF_8), sec, null), 200);
        assertValid(call("GET", base + "/" + minimalId, sec, null), 404);
        assertValid(call("GET", base + "/" + minimalId + "/history", sec, null), 200);
        assertValidResponse(call("GET", base + "?updatedSince=yesterday", sec, null), 400);
        assertValid(call("GET", base, null, null), 401);
        String nisc = token(person(national(), Role.NISC_ANALYST));
        assertValid(call("GET", base, nisc, null), 403);

        for (String lang : List.of("ja", "en")) {
            Exchange options = call("GET", "/api/v1/reference/cloud-service-options", sec, null, "Accept-Language", lang);
            assertValid(options, 200);
            assertThat(((List<?>) parse(options.body()))).isNotEmpty();
        }
        assertThat(((Map<?, ?>) parse(patched.body())).get("checks")).isInstanceOf(List.class);
    }
}
