package jp.ceptoarhub.selfassessment;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secretariat's coding of free text: who codes, how it is recorded (version, history, audit), how it shows in
 * the answer and the submission, that it belongs to the text it coded, and that an accepted submission has no answer
 * pending coding.
 */
@MicronautTest(transactional = false)
@SuppressWarnings({"rawtypes", "unchecked"})
class SelfAssessmentCodingTest extends SelfAssessmentTestSupport {
    static final String PLAN = "q.risk.risk-treatment-plan-status";   // 設問31: uncoded text is PENDING
    static final String DISCLOSURE = "q.governance.disclosure-criteria"; // 設問13: single choice, PENDING

    static String coding(long member, String question) {
        return answer(member, question) + "/coding";
    }

    static Map<String, Object> code(String code, String optionId, String comment) {
        Map<String, Object> b = new HashMap<>();
        b.put("code", code);
        if (optionId != null) {
            b.put("optionId", optionId);
        }
        if (comment != null) {
            b.put("comment", comment);
        }
        return b;
    }

    @Test
    void theSecretariatCodesAnAnswersTextAndTheCodingIsVersionedHistoricisedAndAudited() {
        var secPerson = person(tenantA(), Role.SECRETARIAT_STAFF);
        String sec = token(secPerson);
        long member = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_ADMIN, member));
        HttpResponse<Map> answered = put(op, member, PLAN, body(List.of("other"), "計画に沿って実施中", null), null);
        String etag = answered.header("ETag");
        long id = ((Number) answered.body().get("id")).longValue();

        // only the secretariat codes; If-Match is required and must be current
        assertThat(error(HttpRequest.PUT(coding(member, PLAN), code("IMPLEMENTED", null, null)).header("If-Match", etag)
                .bearerAuth(op)).code()).isEqualTo(403);
        assertThat(error(HttpRequest.PUT(coding(member, PLAN), code("IMPLEMENTED", null, null)).bearerAuth(sec)).code())
                .isEqualTo(428);
        assertThat(error(HttpRequest.PUT(coding(member, PLAN), code("IMPLEMENTED", null, null))
                .header("If-Match", "W/\"self-assessment-answer-" + id + "-v9\"").bearerAuth(sec)).code()).isEqualTo(412);
        // bad input names the field; nothing is written
        record Case(Map<String, Object> body, String field) {
        }
        for (Case c : List.of(new Case(code(null, null, null), "code"), new Case(code("YES", null, null), "code"),
                new Case(code("KNOWN_OPTION", null, null), "optionId"),
                new Case(code("KNOWN_OPTION", "other", null), "optionId"),
                new Case(code("KNOWN_OPTION", "no-such", null), "optionId"),
                new Case(code("IMPLEMENTED", "none", null), "optionId"),
                new Case(code("IMPLEMENTED", null, "長".repeat(2001)), "comment"))) {
            HttpResponse<Map> r = error(HttpRequest.PUT(coding(member, PLAN), c.body()).header("If-Match", etag)
                    .bearerAuth(sec));
            assertThat(r.code()).as(c.toString()).isEqualTo(400);
            assertThat(violationFields(r)).as(c.toString()).containsExactly(c.field());
        }
        assertThat(count("SELECT COUNT(*) FROM self_assessment_answer WHERE id = ? AND version = 0 "
                + "AND text_coding IS NULL", id)).isEqualTo(1);
        // an answer without free text has nothing to code
        put(op, member, AUDIT, body(List.of("internal-only"), null, null), null);
        HttpResponse<Map> notCodable = error(HttpRequest.PUT(coding(member, AUDIT), code("IMPLEMENTED", null, null))
                .header("If-Match", etagOf(answer(member, AUDIT), sec)).bearerAuth(sec));
        assertThat(notCodable.code()).isEqualTo(409);
        assertThat(notCodable.getBody(Map.class).orElseThrow().get("type"))
                .isEqualTo("urn:ceptoar-hub:problem:answer-not-codable");

        HttpResponse<Map> coded = exchange(HttpRequest.PUT(coding(member, PLAN), code("IMPLEMENTED", null,
                "年次報告で実施を確認")).header("If-Match", etag), sec, Map.class);
        assertThat(coded.code()).isEqualTo(200);
        assertThat(coded.body()).containsEntry("implementation", "IMPLEMENTED").containsEntry("countsAsImplemented", true)
                .containsEntry("version", 1).containsEntry("updatedAt", answered.body().get("updatedAt"));
        assertThat((Map) coded.body().get("textCoding")).containsEntry("code", "IMPLEMENTED")
                .containsEntry("comment", "年次報告で実施を確認").containsEntry("codedBy", secPerson.username());
        assertThat(coded.header("ETag")).isNotEqualTo(etag);
        // the member sees the coding
        assertThat((Map) get(answer(member, PLAN), op).get("textCoding")).containsEntry("code", "IMPLEMENTED");
        List<Map> h = (List<Map>) get(answer(member, PLAN) + "/history", op).get("items");
        assertThat(h).extracting(e -> e.get("changeType")).containsExactly("CREATED", "CODED");
        assertThat((Map) h.get(1).get("before")).containsEntry("textCoding", null);
        assertThat((Map) ((Map) h.get(1).get("after")).get("textCoding")).containsEntry("code", "IMPLEMENTED");
        assertThat(h.get(1).get("actorSubject")).isEqualTo(secPerson.subject());
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'self-assessment.answer-coded' "
                + "AND entity_id = ?", tenantA().id(), String.valueOf(id))).isEqualTo(1);

        // the coding belongs to its text: notes changes keep it, a new text clears it (and the history says so)
        HttpResponse<Map> noted = put(op, member, PLAN, body(List.of("other"), "計画に沿って実施中", "担当: 情報システム部"),
                coded.header("ETag"));
        assertThat((Map) noted.body().get("textCoding")).containsEntry("code", "IMPLEMENTED");
        HttpResponse<Map> changed = put(op, member, PLAN, body(List.of("other"), "計画を見直し中", null),
                noted.header("ETag"));
        assertThat(changed.body()).doesNotContainKey("textCoding").containsEntry("implementation", "PENDING_CODING");
        Map update = ((List<Map>) get(answer(member, PLAN) + "/history", sec).get("items")).getLast();
        assertThat((Map) update.get("after")).containsEntry("textCoding", null).containsEntry("otherText", "計画を見直し中");

        // coded NOT_IMPLEMENTED, then the coding is removed again
        HttpResponse<Map> negative = exchange(HttpRequest.PUT(coding(member, PLAN), code("NOT_IMPLEMENTED", null, null))
                .header("If-Match", changed.header("ETag")), sec, Map.class);
        assertThat(negative.body()).containsEntry("implementation", "NOT_IMPLEMENTED");
        HttpResponse<Map> uncoded = exchange(HttpRequest.DELETE(coding(member, PLAN))
                .header("If-Match", negative.header("ETag")), sec, Map.class);
        assertThat(uncoded.body()).containsEntry("implementation", "PENDING_CODING").doesNotContainKey("textCoding");
        assertThat(error(HttpRequest.DELETE(coding(member, PLAN)).header("If-Match", uncoded.header("ETag"))
                .bearerAuth(sec)).code()).isEqualTo(404);
        assertThat(((List<Map>) get(answer(member, PLAN) + "/history", sec).get("items")).getLast().get("changeType"))
                .isEqualTo("UNCODED");

        // a text that says nothing cannot be coded IMPLEMENTED (such text can only predate the input rule)
        execute("UPDATE self_assessment_answer SET other_text = '特になし' WHERE id = ?", id);
        HttpResponse<Map> nothing = error(HttpRequest.PUT(coding(member, PLAN), code("IMPLEMENTED", null, null))
                .header("If-Match", etagOf(answer(member, PLAN), sec)).bearerAuth(sec));
        assertThat(nothing.code()).isEqualTo(400);
        assertThat(violationFields(nothing)).containsExactly("code");
    }

    @Test
    void aKnownOptionCodingMakesTheTextComparableAndCountsAsThatOption() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        String etag = put(sec, member, DISCLOSURE, body(List.of("unlisted"), "インシデント時の公表基準を定めている", null), null)
                .header("ETag");
        HttpResponse<Map> coded = exchange(HttpRequest.PUT(coding(member, DISCLOSURE), code("KNOWN_OPTION",
                "criteria-set", null)).header("If-Match", etag).header("Accept-Language", "en"), sec, Map.class);
        assertThat(coded.body()).containsEntry("implementation", "IMPLEMENTED");
        assertThat((Map) coded.body().get("textCoding")).containsEntry("code", "KNOWN_OPTION")
                .containsEntry("optionId", "criteria-set").containsEntry("optionLabel",
                        "A standard for disclosing information when a cybersecurity incident occurs has been drawn up");
    }

    @Test
    void aPendingTextBlocksAcceptanceUntilTheReviewerCodesItAndTheCodingReachesTheCurrentAnswer() {
        var secPerson = person(tenantA(), Role.SECRETARIAT_ADMIN);
        String sec = token(secPerson);
        long member = createMember(sec);
        String op = token(person(tenantA(), Role.OPERATOR_ADMIN, member));
        long campaign = createCampaign(sec, "自己評価", LocalDate.now().toString(), LocalDate.now().plusDays(30).toString());
        put(op, member, PLAN, body(List.of("other"), "計画に沿って実施中", null), null);
        put(op, member, AUDIT, body(List.of("board-only"), null, null), null);
        HttpResponse<Map> submitted = exchange(HttpRequest.POST(submission(member, campaign), Map.of()), op, Map.class);
        Map frozen = ((List<Map>) submitted.body().get("answers")).stream().filter(a -> PLAN.equals(a.get("questionId")))
                .findFirst().orElseThrow();
        assertThat(frozen).containsEntry("implementation", "PENDING_CODING");
        String subEtag = submitted.header("ETag");

        HttpResponse<Map> blocked = error(HttpRequest.POST(submission(member, campaign) + "/accept", Map.of())
                .header("If-Match", subEtag).bearerAuth(sec));
        assertThat(blocked.code()).isEqualTo(409);
        assertThat(blocked.getBody(Map.class).orElseThrow().get("type")).isEqualTo("urn:ceptoar-hub:problem:coding-pending");
        assertThat(detail(blocked)).contains("設問31");

        String snapshotCoding = submission(member, campaign) + "/answers/" + PLAN + "/coding";
        assertThat(error(HttpRequest.PUT(snapshotCoding, code("IMPLEMENTED", null, null)).header("If-Match", subEtag)
                .bearerAuth(op)).code()).isEqualTo(403);
        assertThat(error(HttpRequest.PUT(snapshotCoding, code("IMPLEMENTED", null, null)).bearerAuth(sec)).code())
                .isEqualTo(428);
        assertThat(error(HttpRequest.PUT(submission(member, campaign) + "/answers/" + AUDIT + "/coding",
                code("IMPLEMENTED", null, null)).header("If-Match", subEtag).bearerAuth(sec)).code()).isEqualTo(409);
        assertThat(error(HttpRequest.PUT(submission(member, campaign) + "/answers/" + REASONS + "/coding",
                code("IMPLEMENTED", null, null)).header("If-Match", subEtag).bearerAuth(sec)).code()).isEqualTo(404);
        HttpResponse<Map> coded = exchange(HttpRequest.PUT(snapshotCoding, code("IMPLEMENTED", null, "計画表で確認"))
                .header("If-Match", subEtag), sec, Map.class);
        assertThat(coded.header("ETag")).isNotEqualTo(subEtag);
        Map codedAnswer = ((List<Map>) coded.body().get("answers")).stream().filter(a -> PLAN.equals(a.get("questionId")))
                .findFirst().orElseThrow();
        assertThat(codedAnswer).containsEntry("implementation", "IMPLEMENTED").containsEntry("otherText", "計画に沿って実施中");
        assertThat((Map) codedAnswer.get("textCoding")).containsEntry("code", "IMPLEMENTED")
                .containsEntry("codedBy", secPerson.username());
        // the member's current answer with the same text is coded too, so the next snapshot arrives coded
        assertThat((Map) get(answer(member, PLAN), op).get("textCoding")).containsEntry("code", "IMPLEMENTED");
        List<Map> h = (List<Map>) get(submission(member, campaign) + "/history", sec).get("items");
        assertThat(h).extracting(e -> e.get("changeType")).containsExactly("SUBMITTED", "CODED");
        assertThat((Map) h.get(1).get("after")).containsEntry("questionId", PLAN);

        HttpResponse<Map> accepted = exchange(HttpRequest.POST(submission(member, campaign) + "/accept", Map.of())
                .header("If-Match", coded.header("ETag")), sec, Map.class);
        assertThat(accepted.body()).containsEntry("status", "ACCEPTED");
        // an accepted submission is never changed again
        HttpResponse<Map> late = error(HttpRequest.DELETE(snapshotCoding).header("If-Match", accepted.header("ETag"))
                .bearerAuth(sec));
        assertThat(late.code()).isEqualTo(409);
        assertThat(count("SELECT COUNT(*) FROM self_assessment_snapshot_answer WHERE question_id = ? AND "
                + "text_coding = 'IMPLEMENTED' AND submission_id = ?", PLAN, ((Number) accepted.body().get("id"))
                .longValue())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = "
                + "'self-assessment.snapshot-coded'", tenantA().id())).isEqualTo(1);
    }

    @Test
    void aSubmissionFreezesTheCodingTheAnswerHadAndLaterCodingOfTheAnswerDoesNotTouchIt() {
        String sec = token(person(tenantA(), Role.SECRETARIAT_ADMIN));
        long member = createMember(sec);
        long campaign = createCampaign(sec, "自己評価", LocalDate.now().toString(), LocalDate.now().plusDays(30).toString());
        String etag = put(sec, member, PLAN, body(List.of("other"), "実施中", null), null).header("ETag");
        String codedEtag = exchange(HttpRequest.PUT(coding(member, PLAN), code("IMPLEMENTED", null, null))
                .header("If-Match", etag), sec, Map.class).header("ETag");
        HttpResponse<Map> submitted = exchange(HttpRequest.POST(submission(member, campaign), Map.of()), sec, Map.class);
        assertThat(((List<Map>) submitted.body().get("answers")).getFirst()).containsEntry("implementation", "IMPLEMENTED");
        exchange(HttpRequest.PUT(coding(member, PLAN), code("NOT_IMPLEMENTED", null, null))
                .header("If-Match", codedEtag), sec, Map.class);
        Map frozen = ((List<Map>) get(submission(member, campaign), sec).get("answers")).getFirst();
        assertThat((Map) frozen.get("textCoding")).containsEntry("code", "IMPLEMENTED");
        assertThat(frozen).containsEntry("implementation", "IMPLEMENTED");
    }
}
