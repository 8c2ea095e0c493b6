package jp.ceptoarhub.selfassessment;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 設問27 and 設問28 derived from the member's continuity plans (GET …/self-assessment/prefills): offered, never
 * written; a typed answer wins; the same access as the answers.
 */
@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class SelfAssessmentPrefillTest extends SelfAssessmentTestSupport {
    private static final String Q27 = "q.risk.contingency-plan";
    private static final String Q28 = "q.risk.business-continuity-plan";

    static String prefills(long memberId) {
        return "/api/v1/members/" + memberId + "/self-assessment/prefills";
    }

    @Test
    void thePlansAnswerQuestions27And28ForTheMemberToConfirmAndATypedAnswerWins() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_STAFF, member));
        assertThat((List) get(prefills(member), op).get("items")).isEmpty();

        long cp = plan(op, member, "CONTINGENCY_PLAN", "DRAFTED", "PARTIAL");
        long bcp = plan(op, member, "BCP", "DRAFTED", null);
        plan(op, member, "IT_BCP", "NOT_DRAFTED", null); // not asked about
        assertThat(items(get(prefills(member), op))).extracting(p -> p.get("questionId")).containsExactly(Q27);
        long recovery = plan(op, member, "RECOVERY_PLAN", "NOT_DRAFTED", null);

        List<Map> items = items(get(prefills(member), op));
        assertThat(items).extracting(p -> p.get("questionId")).containsExactly(Q27, Q28);
        Map q27 = items.get(0);
        assertThat(q27.get("numberFy2024")).isEqualTo("設問27");
        assertThat(q27.get("optionIds")).isEqualTo(List.of("with-cyber"));
        assertThat(q27.get("optionLabels")).isEqualTo(List.of("サイバー攻撃への備えも取り入れたコンティンジェンシープランを策定している"));
        assertThat(q27.get("recordType")).isEqualTo("continuity-plans");
        assertThat(recordIds(q27)).containsExactly(cp);
        Map q28 = items.get(1);
        assertThat(q28.get("optionIds")).isEqualTo(List.of("bcp-only"));
        assertThat(recordIds(q28)).containsExactly(bcp, recovery);
        assertThat((String) q28.get("basis")).contains("事業復旧計画 #" + recovery + " 策定していない");
        assertThat(q28).containsEntry("answered", false).containsEntry("sameAsAnswer", false);
        Map en = items(http.toBlocking().retrieve(HttpRequest.GET(prefills(member)).bearerAuth(op)
                .header("Accept-Language", "en"), Map.class)).get(1);
        assertThat(en.get("optionLabels")).isEqualTo(List.of("A business continuity plan is in place, but no business "
                + "recovery plan."));
        // offered, not written
        assertThat(count("SELECT COUNT(*) FROM self_assessment_answer WHERE member_operator_id = ?", member)).isZero();

        // the member confirms 設問28 by saving it, and types its own 設問27: both answers win, the prefill stays beside
        assertThat(put(op, member, Q28, body(List.of("bcp-only"), null, null), null).code()).isEqualTo(201);
        assertThat(put(op, member, Q27, body(List.of("considering"), null, null), null).code()).isEqualTo(201);
        items = items(get(prefills(member), op));
        assertThat(items.get(0)).containsEntry("answered", true).containsEntry("sameAsAnswer", false)
                .containsEntry("optionIds", List.of("with-cyber"));
        assertThat(items.get(1)).containsEntry("answered", true).containsEntry("sameAsAnswer", true);
        assertThat(get(answer(member, Q27), op).get("optionIds")).isEqualTo(List.of("considering"));

        // a plan that changes changes the offer; a deleted plan no longer counts
        String recoveryPath = "/api/v1/members/" + member + "/continuity-plans/" + recovery;
        exchange(HttpRequest.PATCH(recoveryPath, Map.of("status", "IN_PREPARATION"))
                .header("If-Match", etagOf(recoveryPath, op)), op, Map.class);
        assertThat(items(get(prefills(member), op)).get(1).get("optionIds")).isEqualTo(List.of("bcp-recovery-in-progress"));
        exchange(HttpRequest.DELETE(recoveryPath).header("If-Match", etagOf(recoveryPath, op)), op, String.class);
        assertThat(items(get(prefills(member), op))).extracting(p -> p.get("questionId")).containsExactly(Q27);
    }

    @Test
    void prefillsAreReadLikeTheAnswers() {
        String secA = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long a1 = createMember(secA);
        long a2 = createMember(secA);
        plan(secA, a1, "BCP", "IN_PREPARATION", null);
        String opA2 = token(person(tenantA(), Role.OPERATOR_ADMIN, a2));
        String secB = token(person(tenantB(), Role.SECRETARIAT_ADMIN));
        assertThat(items(get(prefills(a1), secA))).extracting(p -> p.get("optionIds"))
                .containsExactly(List.of("bcp-considering-or-drafting"));
        // another tenant's secretariat and another member's operator: not found; national users: forbidden
        assertThat(error(HttpRequest.GET(prefills(a1)).bearerAuth(secB)).code()).isEqualTo(404);
        assertThat(error(HttpRequest.GET(prefills(a1)).bearerAuth(opA2)).code()).isEqualTo(404);
        assertThat(error(HttpRequest.GET(prefills(a1)).bearerAuth(nisc())).code()).isEqualTo(403);
        assertThat(error(HttpRequest.GET(prefills(999_999)).bearerAuth(secA)).code()).isEqualTo(404);
        HttpResponse<Map> bad = error(HttpRequest.GET("/api/v1/members/abc/self-assessment/prefills").bearerAuth(secA));
        assertThat(bad.code()).isEqualTo(400);
    }

    private long plan(String token, long member, String type, String status, String cyber) {
        Map<String, Object> body = new HashMap<>(Map.of("planType", type, "status", status));
        if (cyber != null) {
            body.put("cyberScenariosCovered", cyber);
        }
        HttpResponse<Map> r = exchange(HttpRequest.POST("/api/v1/members/" + member + "/continuity-plans", body), token,
                Map.class);
        assertThat(r.code()).isEqualTo(201);
        return ((Number) r.body().get("id")).longValue();
    }

    private static List<Map> items(Map page) {
        return (List<Map>) page.get("items");
    }

    private static List<Long> recordIds(Map prefill) {
        return ((List<Number>) prefill.get("recordIds")).stream().map(Number::longValue).toList();
    }
}
