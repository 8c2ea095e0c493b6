package jp.ceptoarhub.suppliers;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jp.ceptoarhub.testing.MemberRecordsTestSupport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Payloads and paths of the supplier tests. */
@SuppressWarnings({"rawtypes", "unchecked"})
abstract class SupplierTestSupport extends MemberRecordsTestSupport {
    /** 国税庁's own 法人番号 (check digit 7), a valid example. */
    protected static final String CORPORATE_NUMBER = "7000012050002";

    protected static String suppliers(long memberId) {
        return "/api/v1/members/" + memberId + "/suppliers";
    }

    protected static Map<String, Object> supplierBody() {
        Map<String, Object> body = new HashMap<>();
        body.put("nameJa", "株式会社東都システムサービス");
        body.put("nameKana", "トウトシステムサービス");
        body.put("nameEn", "Toto System Services Co., Ltd.");
        body.put("corporateNumber", CORPORATE_NUMBER);
        body.put("supplierTypes", new ArrayList<>(List.of("SYSTEM_VENDOR", "OUTSOURCING_CONTRACTOR")));
        body.put("servicesSupplied", new ArrayList<>(List.of("給電制御システムの運用・保守", "データセンターの監視")));
        body.put("criticalSystems", new ArrayList<>(List.of("給電制御システム")));
        body.put("criticality", "HIGH");
        Map<String, Object> contract = new HashMap<>();
        contract.put("clauses", new ArrayList<>(List.of("INCIDENT_NOTIFICATION", "SECURITY_REQUIREMENTS")));
        contract.put("reviewedOn", "2025-04-01");
        body.put("contractSecurity", contract);
        Map<String, Object> contact = new HashMap<>();
        contact.put("name", "保守センター");
        contact.put("phone", "03-1234-5678");
        contact.put("email", "soc@toto-system.example.jp");
        contact.put("afterHours", true);
        body.put("incidentContact", contact);
        body.put("country", "JP");
        body.put("resubcontracting", "WITH_APPROVAL");
        body.put("resubcontractingNotes", "監視業務の一部を承認済みの再委託先へ");
        body.put("notes", "年次の契約見直し時に確認");
        return body;
    }

    protected HttpResponse<Map> createSupplier(String token, long memberId, Map<String, Object> body) {
        HttpResponse<Map> r = exchange(HttpRequest.POST(suppliers(memberId), body), token, Map.class);
        assertThat(r.code()).isEqualTo(201);
        return r;
    }

    protected long createSupplierId(String token, long memberId, Map<String, Object> body) {
        return ((Number) createSupplier(token, memberId, body).body().get("id")).longValue();
    }

    protected long countSuppliers(long memberId) {
        return count("SELECT COUNT(*) FROM supplier WHERE member_operator_id = ?", memberId);
    }

    protected long countChanges(long memberId) {
        return countChanges(memberId, "suppliers");
    }
}
