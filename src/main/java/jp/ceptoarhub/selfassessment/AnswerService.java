package jp.ceptoarhub.selfassessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Problems.FieldError;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.audit.AuditService;
import jp.ceptoarhub.caller.Actor;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.members.MemberService;
import jp.ceptoarhub.records.RecordType;
import jp.ceptoarhub.records.FieldChanges;
import jp.ceptoarhub.records.RecordConfirmations;
import jp.ceptoarhub.records.RecordHistory;
import jp.ceptoarhub.selfassessment.AssessmentCatalogue.Question;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The current self-assessment answers of a member operator: one row per (member, question). Every query is scoped
 * by the caller's tenant and the member in the path (MemberService.requireRecordAccess / requireRecordWrite: the
 * secretariat for every member, operator users for their own organisation, national users 403). Every write locks
 * the member's answer set, appends to the shared record history (record type {@code self-assessment}, record id =
 * answer id) and writes an audit entry in the same transaction.
 */
@Singleton
class AnswerService {
    static final String RECORD_TYPE = RecordType.SELF_ASSESSMENT.code();

    private final AnswerRepository answers;
    private final AnswerSets sets;
    private final RecordConfirmations confirmations;
    private final AssessmentCatalogue catalogue;
    private final AssessmentRules rules;
    private final MemberService members;
    private final RecordHistory history;
    private final AuditService audit;
    private final JsonMapper json;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    AnswerService(AnswerRepository answers, AnswerSets sets, RecordConfirmations confirmations,
                  AssessmentCatalogue catalogue, AssessmentRules rules, MemberService members, RecordHistory history,
                  AuditService audit, JsonMapper json, TransactionOperations<Connection> tx, Clock clock) {
        this.clock = clock;
        this.answers = answers;
        this.sets = sets;
        this.confirmations = confirmations;
        this.catalogue = catalogue;
        this.rules = rules;
        this.members = members;
        this.history = history;
        this.audit = audit;
        this.json = json;
        this.tx = tx;
    }

    /** The outcome of a PUT: the answer, and whether it was created (or revived after being cleared). */
    record Put(Answer answer, boolean created) {
    }

    record Batch(List<Answer> answers, int changed, long revision) {
    }

    void requireRead(CurrentUser user, long memberId) {
        members.requireRecordAccess(user, memberId, "Self-assessment answers");
    }

    void requireWrite(CurrentUser user, long memberId) {
        members.requireRecordWrite(user, memberId, RecordType.SELF_ASSESSMENT);
    }

    /** The catalogue question named in a path: 404 when the catalogue has no such question. */
    Question pathQuestion(String questionId) {
        return catalogue.question(questionId).orElseThrow(() -> Problems.notFound("Question " + questionId
                + " of the " + AssessmentCatalogue.VERSION + " catalogue"));
    }

    List<Answer> page(CurrentUser user, long memberId, long afterId, @Nullable Instant since, int limit) {
        requireRead(user, memberId);
        return answers.page(user.tenantId(), memberId, afterId, since, limit);
    }

    long revision(CurrentUser user, long memberId) {
        requireRead(user, memberId);
        return sets.revision(user.tenantId(), memberId);
    }

    Answer visible(CurrentUser user, long memberId, String questionId) {
        requireRead(user, memberId);
        Question q = pathQuestion(questionId);
        return live(user.tenantId(), memberId, q);
    }

    /** The member's live answer to the question; 404 when it is unanswered or cleared. */
    Answer live(long tenantId, long memberId, Question q) {
        return answers.findByTenantIdAndMemberOperatorIdAndQuestionId(tenantId, memberId, q.id())
                .filter(a -> !a.deleted())
                .orElseThrow(() -> Problems.notFound("The answer of member " + memberId + " to " + q.displayNumber()));
    }

    /**
     * Creates or replaces the answer to one question. An existing answer needs If-Match (428/412 through
     * {@code ifMatch}); a new one needs none, and {@code If-None-Match: *} makes "create only" explicit.
     */
    Put put(CurrentUser user, long memberId, String questionId, AssessmentCommands.AnswerInput input,
            @Nullable String ifMatch, @Nullable String ifNoneMatch, Consumer<Answer> precondition) {
        requireWrite(user, memberId);
        Question q = pathQuestion(questionId);
        AnswerData d = rules.valid(q, input);
        return tx.executeWrite(status -> {
            sets.lock(user.tenantId(), memberId);
            Answer current = answers.findByTenantIdAndMemberOperatorIdAndQuestionId(user.tenantId(), memberId, q.id())
                    .orElse(null);
            boolean live = current != null && !current.deleted();
            if (live) {
                if (ifNoneMatch != null && ifNoneMatch.strip().equals("*")) {
                    throw Problems.preconditionFailed(AssessmentViews.AnswerView.etag(current.id(),
                            current.versionOrZero()));
                }
                precondition.accept(current);
            } else if (ifMatch != null && !ifMatch.isBlank()) {
                throw Problems.of(HttpStatus.PRECONDITION_FAILED, "answer-not-found", "Precondition Failed",
                        "There is no answer to " + q.displayNumber() + " (it was never given or has been cleared); "
                                + "send the answer without If-Match to create it");
            }
            Instant now = clock.instant();
            Answer saved = write(user, memberId, current, d, now);
            if (saved != current) {
                sets.bump(user.tenantId(), memberId, now);
            }
            return new Put(saved, !live);
        });
    }

    void delete(CurrentUser user, long memberId, String questionId, Consumer<Answer> precondition) {
        requireWrite(user, memberId);
        Question q = pathQuestion(questionId);
        tx.executeWrite(status -> {
            sets.lock(user.tenantId(), memberId);
            Answer current = live(user.tenantId(), memberId, q);
            precondition.accept(current);
            Instant now = clock.instant();
            Answer saved = clear(user, memberId, current, now);
            sets.bump(user.tenantId(), memberId, now);
            return saved;
        });
    }

    private Answer clear(CurrentUser user, long memberId, Answer current, Instant now) {
        Answer saved = answers.update(current.delete(user.username(), user.subject(), now));
        history.deleted(actor(user), RECORD_TYPE, saved.id(), memberId, now, fields(current));
        audit.record(user, "self-assessment.answer-cleared", "self-assessment-answer", saved.id(),
                "memberId=" + memberId + " question=" + current.questionId());
        return saved;
    }

    /**
     * Several answers in one transaction (the web form): all or nothing. Every item is validated first (errors name
     * {@code answers[i].field}); then, under the member's lock, {@code answerSetPrecondition} (when the request has If-Match) must be the
     * answer set's current ETag, otherwise every item that answers an already answered question must carry that
     * answer's current {@code version} (428 when missing, 412 when stale, naming {@code answers[i].version}).
     * An item with {@code clear: true} clears the answer (a question without an answer is left as it is).
     */
    Batch batch(CurrentUser user, long memberId, AssessmentCommands.BatchInput input,
                @Nullable Consumer<String> answerSetPrecondition) {
        requireWrite(user, memberId);
        List<AssessmentCommands.BatchItem> items = input == null || input.answers() == null ? List.of() : input.answers();
        if (items.isEmpty()) {
            throw Problems.invalidField("answers", "is required: at least one answer");
        }
        if (items.size() > AssessmentRules.BATCH_MAX) {
            throw Problems.invalidField("answers", "must hold at most " + AssessmentRules.BATCH_MAX + " answers");
        }
        List<FieldError> errors = new ArrayList<>();
        List<AnswerData> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String prefix = "answers[" + i + "].";
            AssessmentCommands.BatchItem item = items.get(i);
            if (item == null) {
                errors.add(new FieldError("answers[" + i + "]", "is required"));
                continue;
            }
            String qid = item.questionId() == null ? null : item.questionId().strip();
            Question q = qid == null ? null : catalogue.question(qid).orElse(null);
            if (q == null) {
                errors.add(new FieldError(prefix + "questionId", qid == null || qid.isEmpty() ? "is required"
                        : "'" + (qid.length() > 120 ? qid.substring(0, 120) + "…" : qid)
                        + "' is not a question of the " + AssessmentCatalogue.VERSION + " catalogue"));
                continue;
            }
            if (!seen.add(q.id())) {
                errors.add(new FieldError(prefix + "questionId", "'" + q.id() + "' is answered twice in this batch"));
                continue;
            }
            if (item.clearing()) {
                if (item.optionIds() != null && !item.optionIds().isEmpty() || item.otherText() != null
                        || item.notes() != null) {
                    errors.add(new FieldError(prefix + "clear", "clears the answer: send it without optionIds, "
                            + "otherText and notes"));
                }
                valid.add(new AnswerData(q.id(), List.of(), null, null));
                continue;
            }
            errors.addAll(rules.validate(prefix, q, item.optionIds(), item.otherText(), item.notes(), valid));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(errors);
        }
        return tx.executeWrite(status -> {
            long revision = sets.lock(user.tenantId(), memberId);
            boolean setMatched = false;
            if (answerSetPrecondition != null) {
                answerSetPrecondition.accept(AnswerSets.etag(memberId, revision));
                setMatched = true;
            }
            List<Answer> currents = new ArrayList<>();
            List<FieldError> missing = new ArrayList<>();
            List<FieldError> stale = new ArrayList<>();
            for (int i = 0; i < valid.size(); i++) {
                AnswerData d = valid.get(i);
                Long expected = items.get(i).version();
                Answer current = answers.findByTenantIdAndMemberOperatorIdAndQuestionId(user.tenantId(), memberId,
                        d.questionId()).orElse(null);
                currents.add(current);
                boolean live = current != null && !current.deleted();
                String field = "answers[" + i + "].version";
                if (live && expected == null && !setMatched) {
                    missing.add(new FieldError(field, "is required: " + d.questionId() + " already has an answer "
                            + "(version " + current.versionOrZero() + ")"));
                } else if (live && expected != null && expected != current.versionOrZero()) {
                    stale.add(new FieldError(field, "is " + expected + " but the answer to " + d.questionId()
                            + " is now at version " + current.versionOrZero() + "; reload it"));
                } else if (!live && expected != null) {
                    stale.add(new FieldError(field, d.questionId() + " has no answer any more (it was cleared); "
                            + "omit version to answer it anew"));
                }
            }
            if (!stale.isEmpty()) {
                throw Problems.withViolations(HttpStatus.PRECONDITION_FAILED, "stale-version", "Precondition Failed",
                        "Answers were changed by someone else since you loaded them; reload and apply your changes "
                                + "again (nothing was written)", stale, null);
            }
            if (!missing.isEmpty()) {
                throw Problems.withViolations(HttpStatus.PRECONDITION_REQUIRED, "if-match-required",
                        "Precondition Required", "Answers that already exist need the version you edited (or send "
                                + "If-Match with the answer set's ETag); nothing was written", missing, null);
            }
            Instant now = clock.instant();
            List<Answer> out = new ArrayList<>();
            int changed = 0;
            for (int i = 0; i < valid.size(); i++) {
                Answer before = currents.get(i);
                if (items.get(i).clearing()) {
                    if (before != null && !before.deleted()) {
                        out.add(clear(user, memberId, before, now));
                        changed++;
                    }
                    continue; // clearing a question without an answer changes nothing
                }
                Answer saved = write(user, memberId, before, valid.get(i), now);
                if (saved != before) {
                    changed++;
                }
                out.add(saved);
            }
            long newRevision = changed > 0 ? sets.bump(user.tenantId(), memberId, now) : revision;
            return new Batch(out, changed, newRevision);
        });
    }

    /**
     * Writes one valid answer over {@code current} (absent, cleared or live); returns current when unchanged. The
     * secretariat's coding of the text survives only an edit that keeps the same text in a free-text option.
     */
    private Answer write(CurrentUser user, long memberId, @Nullable Answer current, AnswerData d, Instant now) {
        String optionIds = writeIds(d.optionIds());
        if (current == null) {
            Answer saved = answers.save(new Answer(null, user.tenantId(), memberId, d.questionId(),
                    AssessmentCatalogue.VERSION, optionIds, d.otherText(), d.notes(), null, null, null, null, null,
                    null, null, user.username(), user.subject(), now, now, null, null));
            history.created(actor(user), RECORD_TYPE, saved.id(), memberId, now, fields(d));
            audit.record(user, "self-assessment.answered", "self-assessment-answer", saved.id(), describe(memberId, d));
            return saved;
        }
        if (current.deleted()) {
            Answer saved = answers.update(current.with(d, optionIds, null, user.username(), user.subject(), now));
            history.created(actor(user), RECORD_TYPE, saved.id(), memberId, now, fields(d));
            audit.record(user, "self-assessment.answered", "self-assessment-answer", saved.id(), describe(memberId, d));
            return saved;
        }
        TextCoding coding = codingKept(current, d);
        FieldChanges edit = FieldChanges.between(fields(current), fields(d, coding), history::write);
        if (edit.isEmpty() && AssessmentCatalogue.VERSION.equals(current.catalogueVersion())) {
            return current; // nothing to change: no new version (use POST confirm to re-confirm)
        }
        Answer saved = answers.update(current.with(d, optionIds, coding, user.username(), user.subject(), now));
        history.updated(actor(user), RECORD_TYPE, saved.id(), memberId, now, edit);
        audit.record(user, "self-assessment.answer-updated", "self-assessment-answer", saved.id(),
                "memberId=" + memberId + " question=" + d.questionId() + " fields="
                        + String.join(",", edit.after().keySet()));
        return saved;
    }

    RecordHistory.Page history(CurrentUser user, long memberId, String questionId, @Nullable String cursor, int limit) {
        requireRead(user, memberId);
        Question q = pathQuestion(questionId);
        Answer a = answers.findByTenantIdAndMemberOperatorIdAndQuestionId(user.tenantId(), memberId, q.id())
                .orElseThrow(() -> Problems.notFound("The answer of member " + memberId + " to " + q.displayNumber()));
        return history.page(user.tenantId(), RECORD_TYPE, a.id(), cursor, limit); // a cleared answer's stays readable
    }

    /** "Confirm unchanged": the answers are still correct; refreshes freshness without a new version of any answer. */
    AssessmentViews.Confirmation confirm(CurrentUser user, long memberId) {
        requireWrite(user, memberId);
        return tx.executeWrite(status -> {
            sets.lock(user.tenantId(), memberId);
            List<Answer> live = answers.allOfMember(user.tenantId(), memberId).stream().filter(a -> !a.deleted())
                    .toList();
            if (live.isEmpty()) {
                throw Problems.conflict("self-assessment-empty",
                        "The member has no self-assessment answers to confirm; answer the questionnaire first");
            }
            Instant now = clock.instant();
            confirmations.confirm(user, RecordType.SELF_ASSESSMENT, memberId, now);
            for (Answer a : live) {
                history.confirmed(actor(user), RECORD_TYPE, a.id(), memberId, now);
            }
            audit.record(user, "self-assessment.confirmed", "member", memberId, "answers=" + live.size());
            return new AssessmentViews.Confirmation(memberId, now, user.username(), live.size());
        });
    }

    List<String> optionIds(Answer a) {
        return readIds(a.optionIds());
    }

    List<String> readIds(String text) {
        try {
            return json.readValue(text, Argument.listOf(String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String writeIds(List<String> ids) {
        return history.write(ids);
    }

    /** The coding of the current text when the edit keeps that text in a free-text option; null otherwise. */
    private @Nullable TextCoding codingKept(Answer current, AnswerData d) {
        TextCoding coding = current.coding();
        if (coding == null || d.otherText() == null || !d.otherText().equals(current.otherText())) {
            return null;
        }
        Question q = catalogue.question(d.questionId()).orElse(null);
        boolean textOption = q != null && d.optionIds().stream()
                .anyMatch(id -> q.option(id).map(AssessmentCatalogue.Option::requiresText).orElse(false));
        return textOption ? coding : null;
    }

    private Map<String, JsonNode> fields(Answer a) {
        return fields(new AnswerData(a.questionId(), readIds(a.optionIds()), a.otherText(), a.notes()), a.coding());
    }

    /** The editable fields as JSON values, the unit of "what changed" in the history. */
    private static Map<String, JsonNode> fields(AnswerData d) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        m.put("optionIds", JsonNode.createArrayNode(d.optionIds().stream().map(JsonNode::createStringNode).toList()));
        m.put("otherText", FieldChanges.text(d.otherText()));
        m.put("notes", FieldChanges.text(d.notes()));
        return m;
    }

    /** As {@link #fields(AnswerData)} plus the text's coding, so that an edit that clears the coding shows it. */
    private static Map<String, JsonNode> fields(AnswerData d, @Nullable TextCoding coding) {
        Map<String, JsonNode> m = fields(d);
        m.put("textCoding", codingJson(coding));
        return m;
    }

    /** The coding as it appears in history entries ({@code textCoding}). */
    static JsonNode codingJson(@Nullable TextCoding c) {
        if (c == null) {
            return JsonNode.nullNode();
        }
        Map<String, JsonNode> m = new LinkedHashMap<>();
        m.put("code", JsonNode.createStringNode(c.code().name()));
        m.put("optionId", FieldChanges.text(c.optionId()));
        m.put("comment", FieldChanges.text(c.comment()));
        m.put("codedBy", FieldChanges.text(c.codedBy()));
        return JsonNode.createObjectNode(m);
    }

    static Actor actor(CurrentUser user) {
        return user.actor();
    }

    private static String describe(long memberId, AnswerData d) {
        return "memberId=" + memberId + " question=" + d.questionId() + " options=" + d.optionIds();
    }
}
