package jp.ceptoarhub.cloud;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jp.ceptoarhub.testing.MemberRecordsTestSupport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Payloads and paths of the cloud services tests. */
@SuppressWarnings({"rawtypes", "unchecked"})
abstract class CloudServiceTestSupport extends MemberRecordsTestSupport {
    protected static String services(long memberId) {
        return "/api/v1/members/" + memberId + "/cloud-services";
    }

    /** A complete service (meets the freshness completeness rule). */
    protected static Map<String, Object> serviceBody() {
        Map<String, Object> b = new HashMap<>();
        b.put("providerName", "東都クラウド株式会社");
        b.put("serviceName", "東都IaaS");
        b.put("serviceModels", List.of("IAAS", "PAAS"));
        b.put("deploymentModel", "PUBLIC");
        b.put("multiCloud", false);
        b.put("supportedServices", "需給調整システム");
        b.put("importance", "HIGH");
        b.put("dataCarried", "需給計画データ（個人データなし）");
        b.put("providerCountry", "JP");
        b.put("dataCountries", List.of("JP"));
        b.put("regions", List.of("東日本リージョン", "西日本リージョン"));
        b.put("multiRegion", true);
        b.put("customerManagedKeys", true);
        b.put("slaAvailabilityPercent", 99.9);
        b.put("logRetentionDays", 365);
        b.put("certifications", List.of(Map.of("code", "ISMAP", "verifiedOn", "2025-04-01")));
        b.put("contractParties", List.of(Map.of("role", "SELLER", "name", "東都システム販売", "directContract", true)));
        b.put("responsibilities", List.of(Map.of("area", "CONFIGURATION", "owner", "OUTSOURCED",
                "party", "東都SI", "implementer", "BUILDER")));
        b.put("checks", new ArrayList<>(List.of(
                Map.of("code", "SLA", "status", "DONE", "evidenceDate", "2025-04-01", "evidence", "SLA 第3版"),
                Map.of("code", "OTHER", "otherText", "監査報告書の入手", "status", "PARTIAL"))));
        b.put("measures", new ArrayList<>(List.of(Map.of("code", "SG2023-5.5.2-02", "status", "DONE"),
                Map.of("code", "BACKUP", "status", "NOT_DONE", "notes", "検討中"))));
        b.put("incidentContacts", List.of(Map.of("kind", "PROVIDER", "name", "東都クラウド サポートセンター",
                "contact", "0120-000-000")));
        b.put("ownerName", "山田 太郎");
        b.put("ownerRole", "情報システム部長");
        return b;
    }

    protected HttpResponse<Map> createService(String token, long memberId, Map<String, Object> body) {
        HttpResponse<Map> r = exchange(HttpRequest.POST(services(memberId), body), token, Map.class);
        assertThat(r.code()).isEqualTo(201);
        return r;
    }

    protected long createServiceId(String token, long memberId, Map<String, Object> body) {
        return ((Number) createService(token, memberId, body).body().get("id")).longValue();
    }

    protected long countServices(long memberId) {
        return count("SELECT COUNT(*) FROM cloud_service WHERE member_operator_id = ?", memberId);
    }

    protected long countChanges(long memberId) {
        return countChanges(memberId, "cloud-services");
    }
}
