package jp.ceptoarhub.selfassessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.audit.AuditService;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.members.MemberService;
import jp.ceptoarhub.records.FieldChanges;
import jp.ceptoarhub.records.RecordHistory;
import jp.ceptoarhub.selfassessment.AssessmentCatalogue.Question;
import jp.ceptoarhub.selfassessment.Submission.Status;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The secretariat's coding of answers' free text ({@link TextCoding}): on a member's current answer, and on an
 * answer of a pending submission (the review). Only secretariat-admin and secretariat-staff of the member's CEPTOAR
 * code; operators get 403, other tenants' members 404, national users 403. Every coding is a new version of the
 * answer (or of the submission), a CODED / UNCODED entry in its history (before and after {@code textCoding}) and an
 * audit entry, in one transaction; the member's content and {@code updatedAt} are untouched (coding is not the
 * member's change, so it does not refresh freshness).
 *
 * <p>Coding a snapshot answer also codes the member's current answer when it still has the same text in a free-text
 * option, so the next campaign's snapshot arrives coded. An accepted or returned submission cannot be coded.
 */
@Singleton
class AnswerCodings {
    static final String CODED = "CODED";
    static final String UNCODED = "UNCODED";

    private final AnswerRepository answers;
    private final AnswerSets sets;
    private final SnapshotAnswerRepository snapshots;
    private final SubmissionRepository submissions;
    private final CampaignService campaigns;
    private final AnswerService answerService;
    private final AssessmentCatalogue catalogue;
    private final AssessmentRules rules;
    private final MemberService members;
    private final RecordHistory history;
    private final AuditService audit;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    AnswerCodings(AnswerRepository answers, AnswerSets sets, SnapshotAnswerRepository snapshots,
                  SubmissionRepository submissions, CampaignService campaigns, AnswerService answerService,
                  AssessmentCatalogue catalogue, AssessmentRules rules, MemberService members, RecordHistory history,
                  AuditService audit, TransactionOperations<Connection> tx, Clock clock) {
        this.clock = clock;
        this.answers = answers;
        this.sets = sets;
        this.snapshots = snapshots;
        this.submissions = submissions;
        this.campaigns = campaigns;
        this.answerService = answerService;
        this.catalogue = catalogue;
        this.rules = rules;
        this.members = members;
        this.history = history;
        this.audit = audit;
        this.tx = tx;
    }

    /** 404 for a member the caller cannot see, 403 for anyone but the CEPTOAR's secretariat. */
    private void requireSecretariat(CurrentUser user, long memberId) {
        members.requireRecordAccess(user, memberId, "Self-assessment answers");
        if (!user.secretariat()) {
            throw Problems.forbidden("Coding the free text of answers is for the CEPTOAR's secretariat "
                    + "(secretariat-admin, secretariat-staff); you are " + user.role().code());
        }
    }

    /** Codes (or, with {@code input} null, uncodes) the text of the member's current answer; If-Match on the answer. */
    Answer codeAnswer(CurrentUser user, long memberId, String questionId,
                      @Nullable AssessmentCommands.CodingInput input, Consumer<Answer> precondition) {
        requireSecretariat(user, memberId);
        Question q = answerService.pathQuestion(questionId);
        return tx.executeWrite(status -> {
            sets.lock(user.tenantId(), memberId);
            Answer current = answerService.live(user.tenantId(), memberId, q);
            precondition.accept(current);
            String text = codableText(q, answerService.optionIds(current), current.otherText());
            Instant now = clock.instant();
            TextCoding coding = coding(user, q, input, text, current.coding(), now);
            Answer saved = apply(user, memberId, current, coding, now);
            audit.record(user, input == null ? "self-assessment.answer-uncoded" : "self-assessment.answer-coded",
                    "self-assessment-answer", saved.id(), describe(memberId, q, coding));
            return saved;
        });
    }

    /**
     * Codes (or uncodes) the text of an answer of the member's pending submission for the campaign; If-Match on the
     * submission. 409 {@code submission-not-pending} once it is accepted or returned.
     */
    Submission codeSnapshot(CurrentUser user, long memberId, long campaignId, String questionId,
                            @Nullable AssessmentCommands.CodingInput input, Consumer<Submission> precondition) {
        requireSecretariat(user, memberId);
        campaigns.campaign(user, campaignId);
        Question q = answerService.pathQuestion(questionId);
        return tx.executeWrite(status -> {
            sets.lock(user.tenantId(), memberId); // the lock order of submitting: answer set, then submission
            Submission s = submissions.forUpdate(user.tenantId(), campaignId, memberId)
                    .orElseThrow(() -> Problems.notFound("The submission of member " + memberId + " for campaign "
                            + campaignId));
            precondition.accept(s);
            if (!Status.SUBMITTED.name().equals(s.status())) {
                throw Problems.conflict("submission-not-pending", "The submission is " + s.status() + "; only a "
                        + "submitted (pending) submission's answers can be coded");
            }
            SnapshotAnswer frozen = snapshots.ofRound(user.tenantId(), s.id(), s.round()).stream()
                    .filter(a -> a.questionId().equals(q.id())).findFirst()
                    .orElseThrow(() -> Problems.notFound("The submission has no answer to " + q.displayNumber()));
            String text = codableText(q, answerService.readIds(frozen.optionIds()), frozen.otherText());
            Instant now = clock.instant();
            TextCoding coding = coding(user, q, input, text, frozen.coding(), now);
            snapshots.update(frozen.coded(coding));
            Submission saved = submissions.update(s.touched(now));
            history.append(AnswerService.actor(user), CampaignService.SUBMISSION_RECORD_TYPE, saved.id(), memberId,
                    now, input == null ? UNCODED : CODED, change(q, frozen.coding()), change(q, coding));
            audit.record(user, input == null ? "self-assessment.snapshot-uncoded" : "self-assessment.snapshot-coded",
                    "self-assessment-submission", saved.id(), "campaignId=" + campaignId + " round=" + s.round()
                            + " " + describe(memberId, q, coding));
            // the same text in the current answer gets the same coding
            answers.findByTenantIdAndMemberOperatorIdAndQuestionId(user.tenantId(), memberId, q.id())
                    .filter(a -> !a.deleted() && text.equals(a.otherText()) && hasTextOption(q, answerService.optionIds(a)))
                    .filter(a -> !sameCoding(a.coding(), coding))
                    .ifPresent(a -> {
                        Answer coded = apply(user, memberId, a, coding, now);
                        audit.record(user, coding == null ? "self-assessment.answer-uncoded"
                                        : "self-assessment.answer-coded", "self-assessment-answer", coded.id(),
                                describe(memberId, q, coding) + " from=submission-" + saved.id());
                    });
            return saved;
        });
    }

    private Answer apply(CurrentUser user, long memberId, Answer current, @Nullable TextCoding coding, Instant now) {
        Answer saved = answers.update(current.coded(coding));
        sets.bump(user.tenantId(), memberId, now);
        history.append(AnswerService.actor(user), AnswerService.RECORD_TYPE, saved.id(), memberId, now,
                coding == null ? UNCODED : CODED, Map.of("textCoding", AnswerService.codingJson(current.coding())),
                Map.of("textCoding", AnswerService.codingJson(coding)));
        return saved;
    }

    /** The answer's codable text: 409 when the answer has no free-text option with text (nothing to code). */
    private static String codableText(Question q, List<String> optionIds, @Nullable String otherText) {
        if (otherText == null || !hasTextOption(q, optionIds)) {
            throw Problems.conflict("answer-not-codable", "The answer to " + q.displayNumber() + " has no free text "
                    + "of a 「その他」 or unlisted option to code");
        }
        return otherText;
    }

    private static boolean hasTextOption(Question q, List<String> optionIds) {
        return optionIds.stream().anyMatch(id -> q.option(id).map(AssessmentCatalogue.Option::requiresText)
                .orElse(false));
    }

    /** The new coding (null to uncode: 404 when there is nothing to remove). */
    private @Nullable TextCoding coding(CurrentUser user, Question q, @Nullable AssessmentCommands.CodingInput input,
                                        String text, @Nullable TextCoding current, Instant now) {
        if (input == null) {
            if (current == null) {
                throw Problems.notFound("A coding of the text of the answer to " + q.displayNumber());
            }
            return null;
        }
        return rules.coding(q, input, text, user.username(), user.subject(), now);
    }

    private static boolean sameCoding(@Nullable TextCoding a, @Nullable TextCoding b) {
        return a == null ? b == null : b != null && a.code() == b.code()
                && Objects.equals(a.optionId(), b.optionId());
    }

    private static Map<String, JsonNode> change(Question q, @Nullable TextCoding coding) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        m.put("questionId", FieldChanges.text(q.id()));
        m.put("textCoding", AnswerService.codingJson(coding));
        return m;
    }

    private static String describe(long memberId, Question q, @Nullable TextCoding c) {
        return "memberId=" + memberId + " question=" + q.id() + " coding="
                + (c == null ? "none" : c.code() + (c.optionId() == null ? "" : ":" + c.optionId()));
    }
}
