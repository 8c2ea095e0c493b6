package jp.ceptoarhub.continuity;

import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.records.AnswerPrefill.Prefill;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** How the plan records answer 設問27 and 設問28 (PlanPrefill), on plans built here: no database involved. */
class PlanPrefillTest {
    private static final String Q27 = "q.risk.contingency-plan";
    private static final String Q28 = "q.risk.business-continuity-plan";

    @Test
    void question27FollowsTheContingencyPlanAndItsCyberCoverage() {
        assertThat(answers()).isEmpty();
        assertThat(answers(plan(1, "CONTINGENCY_PLAN", "DRAFTED", "YES"))).containsEntry(Q27, "with-cyber");
        assertThat(answers(plan(1, "CONTINGENCY_PLAN", "DRAFTED", "PARTIAL"))).containsEntry(Q27, "with-cyber");
        assertThat(answers(plan(1, "CONTINGENCY_PLAN", "DRAFTED", "NO"))).containsEntry(Q27, "without-cyber");
        // drafted, coverage not stated: the records cannot tell with-cyber from without-cyber
        assertThat(answers(plan(1, "CONTINGENCY_PLAN", "DRAFTED", null))).doesNotContainKey(Q27);
        assertThat(answers(plan(1, "CONTINGENCY_PLAN", "DRAFTED", null), plan(2, "CONTINGENCY_PLAN", "DRAFTED", "NO")))
                .doesNotContainKey(Q27);
        assertThat(answers(plan(1, "CONTINGENCY_PLAN", "DRAFTED", null), plan(2, "CONTINGENCY_PLAN", "DRAFTED", "YES")))
                .containsEntry(Q27, "with-cyber");
        assertThat(answers(plan(1, "CONTINGENCY_PLAN", "IN_PREPARATION", "YES"))).containsEntry(Q27, "considering");
        assertThat(answers(plan(1, "CONTINGENCY_PLAN", "NOT_DRAFTED", null))).containsEntry(Q27, "no-plan");
        // the most advanced plan counts
        assertThat(answers(plan(1, "CONTINGENCY_PLAN", "NOT_DRAFTED", null), plan(2, "CONTINGENCY_PLAN",
                "IN_PREPARATION", null))).containsEntry(Q27, "considering");
        // other plan types say nothing about 設問27
        assertThat(answers(plan(1, "IT_BCP", "DRAFTED", "YES"), plan(2, "BCP", "DRAFTED", "YES")))
                .doesNotContainKey(Q27);
    }

    @Test
    void question28NeedsTheBcpAndTheRecoveryPlanAndIgnoresItBcps() {
        assertThat(answers(plan(1, "BCP", "DRAFTED", null), plan(2, "RECOVERY_PLAN", "DRAFTED", null)))
                .containsEntry(Q28, "bcp-and-recovery");
        assertThat(answers(plan(1, "BCP", "DRAFTED", null), plan(2, "RECOVERY_PLAN", "IN_PREPARATION", null)))
                .containsEntry(Q28, "bcp-recovery-in-progress");
        assertThat(answers(plan(1, "BCP", "DRAFTED", null), plan(2, "RECOVERY_PLAN", "NOT_DRAFTED", null)))
                .containsEntry(Q28, "bcp-only");
        // no 事業復旧計画 recorded: the records do not say whether there is one
        assertThat(answers(plan(1, "BCP", "DRAFTED", null))).doesNotContainKey(Q28);
        assertThat(answers(plan(1, "BCP", "IN_PREPARATION", null))).containsEntry(Q28, "bcp-considering-or-drafting");
        assertThat(answers(plan(1, "BCP", "NOT_DRAFTED", null), plan(2, "RECOVERY_PLAN", "DRAFTED", null)))
                .containsEntry(Q28, "no-plan");
        // an IT-BCP is not the BCP, and a 事業復旧計画 alone answers nothing
        assertThat(answers(plan(1, "IT_BCP", "DRAFTED", null), plan(2, "RECOVERY_PLAN", "DRAFTED", null))).isEmpty();
        assertThat(answers(plan(1, "BCP", "NOT_DRAFTED", null), plan(2, "BCP", "DRAFTED", null),
                plan(3, "RECOVERY_PLAN", "NOT_DRAFTED", null), plan(4, "RECOVERY_PLAN", "IN_PREPARATION", null)))
                .containsEntry(Q28, "bcp-recovery-in-progress");
    }

    @Test
    void aPrefillNamesThePlansItComesFromInTheRequestLanguage() {
        List<ContinuityPlan> live = List.of(plan(7, "BCP", "DRAFTED", null), plan(8, "BCP", "NOT_DRAFTED", null),
                plan(9, "RECOVERY_PLAN", "NOT_DRAFTED", null), plan(10, "CONTINGENCY_PLAN", "DRAFTED", "PARTIAL"));
        Map<String, Prefill> ja = PlanPrefill.answers(live, Labels.JA).stream()
                .collect(Collectors.toMap(Prefill::questionId, p -> p));
        assertThat(ja.get(Q28).recordIds()).containsExactly(7L, 9L);
        assertThat(ja.get(Q28).recordType().code()).isEqualTo("continuity-plans");
        assertThat(ja.get(Q28).basis()).isEqualTo("事業継続計画等の記録から: 事業継続計画 #7 策定している、事業復旧計画 #9 策定していない");
        assertThat(ja.get(Q27).basis()).contains("コンティンジェンシープラン #10 策定している（サイバー攻撃シナリオ: 一部対応）");
        Prefill en = PlanPrefill.answers(live, Labels.EN).getLast();
        assertThat(en.basis()).isEqualTo("From the continuity plans: Business continuity plan #7 Drafted; "
                + "Business recovery plan #9 Not drafted");
    }

    private static Map<String, String> answers(ContinuityPlan... plans) {
        List<Prefill> out = PlanPrefill.answers(new ArrayList<>(Arrays.asList(plans)), Labels.JA);
        out.forEach(p -> assertThat(p.optionIds()).hasSize(1));
        return out.stream().collect(Collectors.toMap(Prefill::questionId, p -> p.optionIds().getFirst()));
    }

    private static ContinuityPlan plan(long id, String type, String status, String cyber) {
        Instant now = Instant.parse("2026-04-01T00:00:00Z");
        return new ContinuityPlan(id, 1L, 1L, type, status, null, cyber, null, null, null, null, null, null, null, now,
                now, null, 0L);
    }
}
