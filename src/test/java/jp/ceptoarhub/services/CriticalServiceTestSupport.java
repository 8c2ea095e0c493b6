package jp.ceptoarhub.services;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jp.ceptoarhub.testing.MemberRecordsTestSupport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Payloads and paths of the critical services and systems tests (members are in the sector ELECTRICITY). */
@SuppressWarnings({"rawtypes", "unchecked"})
abstract class CriticalServiceTestSupport extends MemberRecordsTestSupport {
    protected static String services(long memberId) {
        return "/api/v1/members/" + memberId + "/critical-services";
    }

    protected static String systems(long memberId) {
        return "/api/v1/members/" + memberId + "/systems";
    }

    protected static Map<String, Object> serviceBody() {
        Map<String, Object> body = new HashMap<>();
        body.put("templateId", "el.transmission-distribution");
        body.put("name", "東都エリア一般送配電事業");
        body.put("description", "東都エリアの託送供給");
        body.put("rtoMinutes", 10);
        body.put("rpoMinutes", 0);
        body.put("ownMaintenanceLevel", "供給支障電力10万キロワット以上・10分以上の供給支障事故を生じさせないこと");
        body.put("maintenanceLevelNotes", "別紙2の水準どおり");
        body.put("dependencyNotes", "中央給電指令所システムに依存");
        body.put("ownerName", "山田 太郎");
        body.put("ownerRole", "系統運用部長");
        return body;
    }

    protected static Map<String, Object> systemBody(Long... serviceIds) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "系統監視制御システム");
        body.put("kind", "OT");
        body.put("description", "送配電網の監視制御（SCADA）");
        body.put("criticality", "HIGH");
        body.put("hosting", "ON_PREMISES");
        body.put("serviceIds", List.of(serviceIds));
        body.put("ownerName", "佐藤 花子");
        body.put("ownerRole", "制御システム課長");
        return body;
    }

    protected long createServiceId(String token, long memberId, Map<String, Object> body) {
        HttpResponse<Map> r = exchange(HttpRequest.POST(services(memberId), body), token, Map.class);
        assertThat(r.code()).isEqualTo(201);
        return ((Number) r.body().get("id")).longValue();
    }

    protected long createSystemId(String token, long memberId, Map<String, Object> body) {
        HttpResponse<Map> r = exchange(HttpRequest.POST(systems(memberId), body), token, Map.class);
        assertThat(r.code()).isEqualTo(201);
        return ((Number) r.body().get("id")).longValue();
    }

    protected long countServices(long memberId) {
        return count("SELECT COUNT(*) FROM critical_service WHERE member_operator_id = ?", memberId);
    }

    protected long countSystems(long memberId) {
        return count("SELECT COUNT(*) FROM business_system WHERE member_operator_id = ?", memberId);
    }

    protected long countLinks(long memberId) {
        return count("SELECT COUNT(*) FROM business_system_service WHERE member_operator_id = ?", memberId)
                + count("SELECT COUNT(*) FROM business_system_supplier WHERE member_operator_id = ?", memberId);
    }

    protected long countChanges(long memberId) {
        return countChanges(memberId, "critical-services", "business-systems");
    }

    protected static List<Long> longs(Object list) {
        return ((List<Number>) list).stream().map(Number::longValue).toList();
    }
}
