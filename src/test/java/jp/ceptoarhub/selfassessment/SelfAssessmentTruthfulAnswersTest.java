package jp.ceptoarhub.selfassessment;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 item 1 through the API: a member records every true answer (a known option, a measure not in the known
 * list in its own words, or 「該当なし」), and whether it counts as implemented follows the source's rule.
 */
@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class SelfAssessmentTruthfulAnswersTest extends SelfAssessmentTestSupport {
    static final String ROLES = "q.governance.roles-established";          // 設問9
    static final String EVALUATION = "q.governance.security-evaluation";   // 設問12
    static final String TRAINING = "q.risk.training-awareness";            // 設問29

    @Test
    void aCisoOnlyMemberAnswersQuestion9() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_ADMIN, member));
        HttpResponse<Map> r = put(op, member, ROLES, body(List.of("ciso"), null, null), null);
        assertThat(r.code()).isEqualTo(201);
        assertThat(r.body()).containsEntry("questionNumber", "設問9").containsEntry("implementation", "IMPLEMENTED")
                .containsEntry("countsAsImplemented", true);
        assertThat((List) r.body().get("optionLabels")).containsExactly("CISO");
        // a member with neither says so, and another role is recorded in its own words
        long other = createMember(sec);
        assertThat(put(sec, other, ROLES, body(List.of("none"), null, null), null).body())
                .containsEntry("implementation", "NOT_IMPLEMENTED").containsEntry("countsAsImplemented", false);
        long third = createMember(sec);
        assertThat(put(sec, third, ROLES, body(List.of("unlisted"), "情報セキュリティ委員会", null), null).body())
                .containsEntry("implementation", "IMPLEMENTED").containsEntry("optionIds", List.of("unlisted"));
    }

    @Test
    void anInHouseTrainingMemberAnswersQuestion29() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_STAFF, member));
        HttpResponse<Map> r = put(op, member, TRAINING, body(List.of("unlisted"), "全職員向けの社内研修(年2回)と標的型メール訓練",
                null), null);
        assertThat(r.code()).isEqualTo(201);
        assertThat(r.body()).containsEntry("implementation", "IMPLEMENTED").containsEntry("countsAsImplemented", true)
                .containsEntry("otherText", "全職員向けの社内研修(年2回)と標的型メール訓練");
        assertThat((List) r.body().get("optionLabels")).containsExactly("上記以外の人材育成・意識啓発の取組（自由記述）");
        // 「特になし」 typed as text is refused: 「取り組んでいるものはない」 is the truthful answer
        HttpResponse<Map> nothing = error(HttpRequest.PUT(answer(member, TRAINING), body(List.of("unlisted"), "特になし",
                null)).header("If-Match", r.header("ETag")).bearerAuth(op));
        assertThat(nothing.code()).isEqualTo(400);
        assertThat(violationFields(nothing)).containsExactly("otherText");
        assertThat(detail(nothing)).contains("'none'");
        assertThat(put(op, member, TRAINING, body(List.of("none"), null, null), r.header("ETag")).body())
                .containsEntry("implementation", "NOT_IMPLEMENTED");
    }

    @Test
    void aVulnerabilityAssessmentAnswerToQuestion12CountsAsImplemented() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_STAFF));
        long member = createMember(sec);
        HttpResponse<Map> r = put(sec, member, EVALUATION, body(List.of("vulnerability-assessment"), null, null), null);
        assertThat(r.body()).containsEntry("implementation", "IMPLEMENTED").containsEntry("countsAsImplemented", true);
        assertThat((List) r.body().get("optionLabels")).containsExactly("脆弱性診断");
        // written under 「その他」, an evaluation counts too (6割強 = any security evaluation)
        long other = createMember(sec);
        assertThat(put(sec, other, EVALUATION, body(List.of("other"), "外部業者によるペネトレーションテスト", null), null)
                .body()).containsEntry("implementation", "IMPLEMENTED");
        long none = createMember(sec);
        assertThat(put(sec, none, EVALUATION, body(List.of("none"), null, null), null).body())
                .containsEntry("implementation", "NOT_IMPLEMENTED");
    }

    @Test
    void notApplicableAnswersLeaveThePopulationAndPendingTextWaitsForTheSecretariat() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        assertThat(put(sec, member, "q.technical.control-system-ot-measures", body(List.of("no-ot-assets"), null, null),
                null).body()).containsEntry("implementation", "NOT_APPLICABLE").doesNotContainKey("countsAsImplemented");
        assertThat(put(sec, member, "q.risk.risk-treatment-plan-status", body(List.of("other"), "計画に沿って実施中",
                null), null).body()).containsEntry("implementation", "PENDING_CODING")
                .doesNotContainKey("countsAsImplemented").doesNotContainKey("textCoding");
    }
}
