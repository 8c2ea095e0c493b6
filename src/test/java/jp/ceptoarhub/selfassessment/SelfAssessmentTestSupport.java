package jp.ceptoarhub.selfassessment;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jp.ceptoarhub.testing.MemberRecordsTestSupport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Paths, payloads and database checks of the self-assessment tests. */
@SuppressWarnings({"rawtypes", "unchecked"})
abstract class SelfAssessmentTestSupport extends MemberRecordsTestSupport {
    static final String AUDIT = "q.governance.audit";                       // single choice, COMPLETE
    static final String MITIGATIONS = "q.risk.supply-chain-mitigations";    // multiple choice with 「その他」
    static final String UNDERSTOOD = "q.risk.supply-chain-understood";      // multiple choice with a NONE option
    static final String BACKUP = "q.org.backup";                            // NOT_IN_SOURCE: free text only
    static final String REASONS = "q.free.reasons-not-implemented";         // free-text question
    static final String CAMPAIGNS = "/api/v1/self-assessment/campaigns";

    static String answers(long memberId) {
        return "/api/v1/members/" + memberId + "/self-assessment/answers";
    }

    static String answer(long memberId, String questionId) {
        return answers(memberId) + "/" + questionId;
    }

    static String submission(long memberId, long campaignId) {
        return "/api/v1/members/" + memberId + "/self-assessment/campaigns/" + campaignId + "/submission";
    }

    static Map<String, Object> body(List<String> optionIds, String otherText, String notes) {
        Map<String, Object> b = new HashMap<>();
        b.put("optionIds", optionIds);
        if (otherText != null) {
            b.put("otherText", otherText);
        }
        if (notes != null) {
            b.put("notes", notes);
        }
        return b;
    }

    static Map<String, Object> item(String questionId, List<String> optionIds, String otherText) {
        Map<String, Object> b = body(optionIds, otherText, null);
        b.put("questionId", questionId);
        return b;
    }

    HttpResponse<Map> put(String token, long memberId, String questionId, Map<String, Object> body, String ifMatch) {
        var r = HttpRequest.PUT(answer(memberId, questionId), body);
        if (ifMatch != null) {
            r.header("If-Match", ifMatch);
        }
        return exchange(r, token, Map.class);
    }

    HttpResponse<Map> batch(String token, long memberId, List<Map<String, Object>> items) {
        return exchange(HttpRequest.PATCH(answers(memberId), Map.of("answers", items)), token, Map.class);
    }

    long createCampaign(String secretariat, String title, String referenceDate, String deadline) {
        HttpResponse<Map> r = exchange(HttpRequest.POST(CAMPAIGNS, Map.of("title", title, "referenceDate",
                referenceDate, "deadline", deadline)), secretariat, Map.class);
        assertThat(r.code()).isEqualTo(201);
        return ((Number) r.body().get("id")).longValue();
    }

    /** A valid answer to every question that counts for completeness, built from the catalogue endpoint. */
    List<Map<String, Object>> completeAnswers(String token) {
        Map catalogue = get("/api/v1/self-assessment/catalogue", token);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map q : (List<Map>) catalogue.get("questions")) {
            if (!Boolean.TRUE.equals(q.get("requiredForCompleteness"))) {
                continue;
            }
            Map option = ((List<Map>) q.get("options")).stream().filter(o -> Boolean.TRUE.equals(o.get("selectable")))
                    .findFirst().orElseThrow();
            items.add(item((String) q.get("id"), List.of((String) option.get("id")),
                    Boolean.TRUE.equals(option.get("requiresText")) ? "自由記述" : null));
        }
        return items;
    }

    long countAnswers(long memberId) {
        return count("SELECT COUNT(*) FROM self_assessment_answer WHERE member_operator_id = ?", memberId);
    }

    long countChanges(long memberId) {
        return count("SELECT COUNT(*) FROM record_change WHERE member_operator_id = ? "
                + "AND record_type LIKE 'self-assessment%'", memberId);
    }

    static String detail(HttpResponse<Map> error) {
        Map body = error.getBody(Map.class).orElseThrow();
        return body.get("detail") + " " + body.getOrDefault("violations", List.of());
    }
}
