package jp.ceptoarhub.continuity;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jp.ceptoarhub.testing.MemberRecordsTestSupport;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Payloads and paths of the continuity plans tests. */
@SuppressWarnings({"rawtypes", "unchecked"})
abstract class ContinuityTestSupport extends MemberRecordsTestSupport {
    protected static String plans(long memberId) {
        return "/api/v1/members/" + memberId + "/continuity-plans";
    }

    protected static Map<String, Object> planBody(String planType, String status) {
        Map<String, Object> body = new HashMap<>();
        body.put("planType", planType);
        body.put("status", status);
        body.put("cyberScenariosCovered", "PARTIAL");
        body.put("lastReviewedOn", "2025-04-01");
        body.put("lastExercisedOn", "2025-10-15");
        body.put("nextReviewDue", java.time.LocalDate.now().plusYears(1).toString());
        body.put("ownerName", "山田 太郎");
        body.put("ownerRole", "CISO");
        body.put("scopeNotes", "送配電システム及び需給調整システム");
        return body;
    }

    protected static Map<String, Object> planBody() {
        return planBody("BCP", "DRAFTED");
    }

    protected HttpResponse<Map> createPlan(String token, long memberId, Map<String, Object> body) {
        HttpResponse<Map> r = exchange(HttpRequest.POST(plans(memberId), body), token, Map.class);
        assertThat(r.code()).isEqualTo(201);
        return r;
    }

    protected long createPlanId(String token, long memberId, Map<String, Object> body) {
        return ((Number) createPlan(token, memberId, body).body().get("id")).longValue();
    }

    protected long countPlans(long memberId) {
        return count("SELECT COUNT(*) FROM continuity_plan WHERE member_operator_id = ?", memberId);
    }

    protected long countChanges(long memberId) {
        return countChanges(memberId, "continuity-plans");
    }
}
