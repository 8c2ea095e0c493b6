package jp.ceptoarhub.selfassessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.api.ClockFactory;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.audit.AuditService;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.members.MemberSummary;
import jp.ceptoarhub.members.MemberService;
import jp.ceptoarhub.members.MembershipKind;
import jp.ceptoarhub.records.RecordType;
import jp.ceptoarhub.records.FieldChanges;
import jp.ceptoarhub.records.RecordHistory;
import jp.ceptoarhub.selfassessment.AssessmentViews.MemberProgress;
import jp.ceptoarhub.selfassessment.AssessmentViews.SnapshotAnswerView;
import jp.ceptoarhub.selfassessment.AssessmentViews.SubmissionView;
import jp.ceptoarhub.selfassessment.Submission.Status;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Campaigns of the secretariat and the members' submissions. A submission freezes a copy of the member's current
 * answers (snapshot rows, never updated); the secretariat accepts it or returns it with a comment, after which the
 * member may submit again (a new round with its own snapshot). History (record type
 * {@code self-assessment-submission}, record id = submission id) has SUBMITTED / ACCEPTED / RETURNED entries.
 */
@Singleton
class CampaignService {
    static final String SUBMISSION_RECORD_TYPE = "self-assessment-submission";

    private final CampaignRepository campaigns;
    private final SubmissionRepository submissions;
    private final SnapshotAnswerRepository snapshots;
    private final AnswerRepository answers;
    private final AnswerSets sets;
    private final AnswerService answerService;
    private final AssessmentCatalogue catalogue;
    private final AssessmentRules rules;
    private final MemberService members;
    private final RecordHistory history;
    private final AuditService audit;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    CampaignService(CampaignRepository campaigns, SubmissionRepository submissions, SnapshotAnswerRepository snapshots,
                    AnswerRepository answers, AnswerSets sets, AnswerService answerService,
                    AssessmentCatalogue catalogue, AssessmentRules rules, MemberService members,
                    RecordHistory history, AuditService audit, TransactionOperations<Connection> tx, Clock clock) {
        this.clock = clock;
        this.campaigns = campaigns;
        this.submissions = submissions;
        this.snapshots = snapshots;
        this.answers = answers;
        this.sets = sets;
        this.answerService = answerService;
        this.catalogue = catalogue;
        this.rules = rules;
        this.members = members;
        this.history = history;
        this.audit = audit;
        this.tx = tx;
    }

    private static void requireCeptoarUser(CurrentUser user) {
        if (user.national()) {
            throw Problems.forbidden("Self-assessment campaigns belong to each CEPTOAR; national users have no access");
        }
    }

    private static void requireSecretariat(CurrentUser user, String what) {
        requireCeptoarUser(user);
        if (!user.secretariat()) {
            throw Problems.forbidden(what + " is for the CEPTOAR's secretariat (secretariat-admin, secretariat-staff); "
                    + "you are " + user.role().code());
        }
    }

    // -------------------------------------------------------------------------------------------------- campaigns

    void requireCampaignCreate(CurrentUser user) {
        requireSecretariat(user, "Creating a campaign");
    }

    Campaign create(CurrentUser user, AssessmentCommands.CampaignInput input) {
        requireCampaignCreate(user);
        AssessmentRules.CampaignData d = rules.valid(input);
        return tx.executeWrite(status -> {
            Campaign saved = campaigns.save(new Campaign(null, user.tenantId(), d.title(), d.referenceDate(),
                    d.deadline(), d.catalogueVersion(), d.description(), user.username(), clock.instant()));
            audit.record(user, "self-assessment.campaign-created", "self-assessment-campaign", saved.id(),
                    "title=" + d.title() + " referenceDate=" + d.referenceDate() + " deadline=" + d.deadline());
            return saved;
        });
    }

    List<Campaign> page(CurrentUser user, long beforeId, int limit) {
        requireCeptoarUser(user);
        return campaigns.page(user.tenantId(), beforeId, limit);
    }

    Campaign campaign(CurrentUser user, long id) {
        requireCeptoarUser(user);
        return campaigns.findByTenantIdAndId(user.tenantId(), id)
                .orElseThrow(() -> Problems.notFound("Self-assessment campaign " + id));
    }

    /**
     * The campaign with every member's progress (secretariat), or only the caller's own organisation's (operator
     * users). Members listed: those of kind MEMBER, plus any other member that has a submission.
     */
    AssessmentViews.CampaignDetail detail(CurrentUser user, long id) {
        Campaign c = campaign(user, id);
        Map<Long, Submission> byMember = new LinkedHashMap<>();
        for (Submission s : submissions.ofCampaign(user.tenantId(), id)) {
            byMember.put(s.memberOperatorId(), s);
        }
        LocalDate today = ClockFactory.today(clock);
        boolean overdue = today.isAfter(c.deadline());
        List<MemberProgress> rows = new ArrayList<>();
        for (MemberSummary m : members.allOfTenant(user.tenantId())) {
            if (!user.secretariat() && !Long.valueOf(m.id()).equals(user.memberOperatorId())) {
                continue;
            }
            Submission s = byMember.get(m.id());
            if (s == null && !MembershipKind.MEMBER.name().equals(m.membershipKind())) {
                continue;
            }
            rows.add(s == null
                    ? new MemberProgress(m.id(), m.nameJa(), "NOT_SUBMITTED", null, null, null, null, overdue)
                    : new MemberProgress(m.id(), m.nameJa(), s.status(), s.round(), s.firstSubmittedAt(),
                    s.submittedAt(), s.reviewedAt(), AssessmentViews.late(s.firstSubmittedAt(), c.deadline())));
        }
        rows.sort(Comparator.comparingLong(MemberProgress::memberId));
        int notSubmitted = 0;
        int submitted = 0;
        int accepted = 0;
        int returned = 0;
        int late = 0;
        for (MemberProgress p : rows) {
            switch (p.status()) {
                case "SUBMITTED" -> submitted++;
                case "ACCEPTED" -> accepted++;
                case "RETURNED" -> returned++;
                default -> notSubmitted++;
            }
            if (p.late()) {
                late++;
            }
        }
        return new AssessmentViews.CampaignDetail(AssessmentViews.CampaignView.of(c, today),
                new AssessmentViews.ProgressSummary(rows.size(), notSubmitted, submitted, accepted, returned, late),
                rows);
    }

    // -------------------------------------------------------------------------------------------------- submissions

    /** Member side: operator users of the member (subject to the tenant's record policy) or the secretariat. */
    void requireSubmit(CurrentUser user, long memberId, long campaignId) {
        members.requireRecordWrite(user, memberId, RecordType.SELF_ASSESSMENT);
        campaign(user, campaignId);
    }

    /**
     * Freezes the member's current answers as the submission for the campaign. 409 {@code submission-exists} while a
     * submission is pending or accepted (re-submission only after a return); 409 {@code self-assessment-empty}
     * without answers.
     */
    Submission submit(CurrentUser user, long memberId, long campaignId) {
        requireSubmit(user, memberId, campaignId);
        return tx.executeWrite(status -> {
            sets.lock(user.tenantId(), memberId); // no answer changes while the snapshot is taken
            Submission current = submissions.forUpdate(user.tenantId(), campaignId, memberId).orElse(null);
            if (current != null && !Status.RETURNED.name().equals(current.status())) {
                throw Problems.conflict("submission-exists", "The member has already submitted for this campaign "
                        + "(status " + current.status() + "); it can submit again only after the secretariat returns it");
            }
            List<Answer> live = answers.allOfMember(user.tenantId(), memberId).stream().filter(a -> !a.deleted())
                    .toList();
            if (live.isEmpty()) {
                throw Problems.conflict("self-assessment-empty",
                        "The member has no self-assessment answers to submit; answer the questionnaire first");
            }
            Instant now = clock.instant();
            Submission saved = current == null
                    ? submissions.save(new Submission(null, user.tenantId(), campaignId, memberId,
                    Status.SUBMITTED.name(), 1, AssessmentCatalogue.VERSION, now, now, user.username(), user.subject(),
                    null, null, null, now, null))
                    : submissions.update(current.resubmitted(user.username(), user.subject(), now));
            for (Answer a : live) {
                snapshots.save(SnapshotAnswer.of(a, saved.id(), saved.round()));
            }
            Map<String, JsonNode> after = new LinkedHashMap<>();
            after.put("status", FieldChanges.text(Status.SUBMITTED.name()));
            after.put("round", JsonNode.createNumberNode(saved.round()));
            after.put("answerCount", JsonNode.createNumberNode(live.size()));
            after.put("catalogueVersion", FieldChanges.text(AssessmentCatalogue.VERSION));
            history.append(AnswerService.actor(user), SUBMISSION_RECORD_TYPE, saved.id(), memberId, now, "SUBMITTED",
                    current == null ? null : Map.of("status", FieldChanges.text(current.status())), after);
            audit.record(user, "self-assessment.submitted", "self-assessment-submission", saved.id(),
                    "memberId=" + memberId + " campaignId=" + campaignId + " round=" + saved.round()
                            + " answers=" + live.size());
            return saved;
        });
    }

    Submission submission(CurrentUser user, long memberId, long campaignId) {
        members.requireRecordAccess(user, memberId, "Self-assessment submissions");
        campaign(user, campaignId);
        return submissions.findByTenantIdAndCampaignIdAndMemberOperatorId(user.tenantId(), campaignId, memberId)
                .orElseThrow(() -> Problems.notFound("The submission of member " + memberId + " for campaign "
                        + campaignId));
    }

    /** Secretariat side: accept or return (comment required) a pending submission. */
    Submission review(CurrentUser user, long memberId, long campaignId, Status to,
                      AssessmentCommands.ReviewInput input, Consumer<Submission> precondition) {
        members.requireRecordWrite(user, memberId, RecordType.SELF_ASSESSMENT);
        requireSecretariat(user, to == Status.ACCEPTED ? "Accepting a submission" : "Returning a submission");
        campaign(user, campaignId);
        String comment = rules.comment(input == null ? null : input.comment(), to == Status.RETURNED);
        return tx.executeWrite(status -> {
            Submission current = submissions.forUpdate(user.tenantId(), campaignId, memberId)
                    .orElseThrow(() -> Problems.notFound("The submission of member " + memberId + " for campaign "
                            + campaignId));
            precondition.accept(current);
            if (!Status.SUBMITTED.name().equals(current.status())) {
                throw Problems.conflict("submission-not-pending", "The submission is " + current.status()
                        + "; only a submitted (pending) submission can be accepted or returned");
            }
            if (to == Status.ACCEPTED) {
                List<String> pending = pendingCoding(user.tenantId(), current);
                if (!pending.isEmpty()) {
                    throw Problems.conflict("coding-pending", "The free text of " + String.join(", ", pending)
                            + " counts only once coded: code it (PUT …/submission/answers/{questionId}/coding) or "
                            + "return the submission; an accepted submission has no answer pending coding");
                }
            }
            Instant now = clock.instant();
            Submission saved = submissions.update(current.reviewed(to, comment, user.username(), now));
            Map<String, JsonNode> after = new LinkedHashMap<>();
            after.put("status", FieldChanges.text(to.name()));
            after.put("round", JsonNode.createNumberNode(saved.round()));
            after.put("comment", FieldChanges.text(comment));
            history.append(AnswerService.actor(user), SUBMISSION_RECORD_TYPE, saved.id(), memberId, now, to.name(),
                    Map.of("status", FieldChanges.text(current.status())), after);
            audit.record(user, to == Status.ACCEPTED ? "self-assessment.submission-accepted"
                            : "self-assessment.submission-returned", "self-assessment-submission", saved.id(),
                    "memberId=" + memberId + " campaignId=" + campaignId + " round=" + saved.round());
            return saved;
        });
    }

    /** The questions (設問N) of the latest round whose answer is PENDING_CODING. */
    private List<String> pendingCoding(long tenantId, Submission s) {
        List<String> pending = new ArrayList<>();
        for (SnapshotAnswer a : snapshots.ofRound(tenantId, s.id(), s.round())) {
            TextCoding c = a.coding();
            if (AssessmentViews.status(catalogue, a.questionId(), answerService.readIds(a.optionIds()), a.otherText(), c)
                    == ImplementationRule.Status.PENDING_CODING) {
                pending.add(catalogue.question(a.questionId()).map(AssessmentCatalogue.Question::displayNumber)
                        .orElse(a.questionId()));
            }
        }
        return pending;
    }

    RecordHistory.Page history(CurrentUser user, long memberId, long campaignId, @Nullable String cursor, int limit) {
        Submission s = submission(user, memberId, campaignId);
        return history.page(user.tenantId(), SUBMISSION_RECORD_TYPE, s.id(), cursor, limit);
    }

    /** The submission with the frozen snapshot of its latest round (not the current answers). */
    SubmissionView view(CurrentUser user, Submission s, Labels lang) {
        Campaign c = campaigns.findByTenantIdAndId(user.tenantId(), s.campaignId()).orElseThrow();
        List<SnapshotAnswerView> rows = new ArrayList<>();
        for (SnapshotAnswer a : snapshots.ofRound(user.tenantId(), s.id(), s.round())) {
            var q = catalogue.question(a.questionId()).orElse(null);
            List<String> ids = answerService.readIds(a.optionIds());
            TextCoding coding = a.coding();
            ImplementationRule.Status status = AssessmentViews.status(catalogue, a.questionId(), ids, a.otherText(),
                    coding);
            rows.add(new SnapshotAnswerView(a.questionId(), q == null ? null : q.displayNumber(), ids,
                    AssessmentViews.labels(q, ids, lang), a.otherText(), a.notes(), status.name(),
                    AssessmentViews.counts(status), AssessmentViews.CodingView.of(coding, q, lang), a.answerVersion(),
                    a.answeredAt(), a.answeredBy()));
        }
        rows.sort(Comparator.comparingInt(r -> catalogue.question(r.questionId())
                .map(AssessmentCatalogue.Question::order).orElse(Integer.MAX_VALUE)));
        return new SubmissionView(s.id(), s.campaignId(), s.memberOperatorId(), s.status(), s.round(),
                s.catalogueVersion(), s.firstSubmittedAt(), s.submittedAt(), s.submittedBy(),
                AssessmentViews.late(s.firstSubmittedAt(), c.deadline()), s.reviewedAt(), s.reviewedBy(),
                s.reviewComment(), s.versionOrZero(), rows);
    }
}
