package jp.ceptoarhub.selfassessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jp.ceptoarhub.api.ClockFactory;
import jp.ceptoarhub.api.ETags;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.selfassessment.AssessmentCatalogue.Option;
import jp.ceptoarhub.selfassessment.AssessmentCatalogue.Question;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the API shows of the catalogue, answers, campaigns and submissions. */
final class AssessmentViews {
    private AssessmentViews() {
    }

    // ---------------------------------------------------------------------------------------------- catalogue

    /** {@code title}: the survey's printed name with its edition, e.g. 安全基準等の浸透状況に関する調査 [2024年度]. */
    @Serdeable
    record CatalogueView(String version, int revision, String edition, String title,
                         @Nullable LocalDate editionReferenceDate, List<SectionView> sections,
                         List<QuestionView> questions) {
        static CatalogueView of(AssessmentCatalogue c, Labels lang) {
            return new CatalogueView(c.version(), c.revision(), "FY2024", lang.pick(c.titleJa() + " "
                            + c.editionLabelJa(), "Survey on the penetration of safety standards etc. [FY2024]"),
                    c.editionReferenceDate() == null ? null : LocalDate.parse(c.editionReferenceDate()),
                    c.sections().stream().map(s -> new SectionView(s.id(), s.title(lang))).toList(),
                    c.questions().stream().map(q -> QuestionView.of(q, lang)).toList());
        }
    }

    @Serdeable
    record SectionView(String id, String title) {
    }

    /**
     * {@code answerMode}: OPTIONS (choose option ids) or FREE_TEXT (otherText only: free-text questions and the
     * respondent attributes without an option list).
     */
    @Serdeable
    record QuestionView(String id, int order, @Nullable String numberFy2024, @Nullable String numberFy2023,
                        @Nullable String printedLabelFy2024, @Nullable String followUpOf, String sectionId,
                        @Nullable String title, String text, String answerKind, String optionsStatus,
                        String answerMode, boolean presentInSource, boolean respondentAttribute,
                        boolean requiredForCompleteness,
                        List<String> guidelineSections, List<OptionView> options, RuleView implementationRule,
                        CrosswalkView crosswalkFy2023) {
        static QuestionView of(Question q, Labels lang) {
            return new QuestionView(q.id(), q.order(), q.numberFy2024(), q.numberFy2023(), q.printedLabelFy2024(),
                    q.followUpOf(), q.sectionId(), q.title(lang), q.text(lang), q.answerKind().name(),
                    q.optionsStatus(), q.choice() ? "OPTIONS" : "FREE_TEXT", q.presentInSource(), q.respondentAttribute(),
                    q.choice() && !q.respondentAttribute(), q.guidelineSections(),
                    q.options().stream().map(o -> OptionView.of(o, lang)).toList(), RuleView.of(q.rule()),
                    new CrosswalkView(q.crosswalkFy2023().number(), q.crosswalkFy2023().answers(),
                            q.crosswalkFy2023().note()));
        }
    }

    /** The question's implementationRule (see the catalogue's implementationRuleSemantics). */
    @Serdeable
    record RuleView(boolean scored, List<String> countingOptionIds, @Nullable String uncodedOtherText,
                    List<String> notApplicableOptionIds, @Nullable ImplementationRule.Population population,
                    @Nullable String basis, @Nullable String basisJa, @Nullable String note,
                    @Nullable String reason) {
        static RuleView of(ImplementationRule r) {
            return new RuleView(r.scored(), r.countingOptionIds(), r.uncodedOtherText() == null ? null
                    : r.uncodedOtherText().name(), r.notApplicableOptionIds(), r.population(), r.basis(), r.basisJa(),
                    r.note(), r.reason());
        }
    }

    @Serdeable
    record CrosswalkView(@Nullable String number, String answers, @Nullable String note) {
    }

    /** {@code origin} PRODUCT: a choice the source does not print (「該当なし」, unlisted, not applicable). */
    @Serdeable
    record OptionView(String id, String label, String kind, String origin, boolean labelVerbatim,
                      String implementationStatus, boolean countsAsImplemented, boolean selectable,
                      boolean requiresText) {
        static OptionView of(Option o, Labels lang) {
            return new OptionView(o.id(), o.label(lang), o.kind().name(), o.origin().name(), o.labelVerbatim(),
                    o.implementationStatus(), o.countsAsImplemented(), o.selectable(), o.requiresText());
        }
    }

    // ---------------------------------------------------------------------------------------------- answers

    /**
     * A current answer, or (in delta sync) the tombstone of a cleared one: {@code {id, questionId, deleted: true,
     * deletedAt}}. {@code implementation}: the question's implementationRule applied to this answer (IMPLEMENTED,
     * NOT_IMPLEMENTED, PENDING_CODING, NOT_APPLICABLE, NOT_SCORED); {@code countsAsImplemented} is true or false for
     * the first two and absent otherwise. {@code textCoding}: the secretariat's coding of {@code otherText}.
     */
    @Serdeable
    record AnswerView(long id, String questionId, boolean deleted, @Nullable Instant deletedAt,
                      @Nullable Long memberId, @Nullable String questionNumber, @Nullable String questionText,
                      @Nullable String catalogueVersion, @Nullable List<String> optionIds,
                      @Nullable List<String> optionLabels, @Nullable String otherText, @Nullable String notes,
                      @Nullable String implementation, @Nullable Boolean countsAsImplemented,
                      @Nullable CodingView textCoding, @Nullable String answeredBy,
                      @Nullable Instant createdAt, @Nullable Instant updatedAt, @Nullable Long version) {

        static AnswerView of(Answer a, List<String> optionIds, AssessmentCatalogue catalogue, Labels lang) {
            if (a.deleted()) {
                return new AnswerView(a.id(), a.questionId(), true, a.deletedAt(), null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null);
            }
            Question q = catalogue.question(a.questionId()).orElse(null);
            TextCoding coding = a.coding();
            ImplementationRule.Status status = status(catalogue, a.questionId(), optionIds, a.otherText(), coding);
            return new AnswerView(a.id(), a.questionId(), false, null, a.memberOperatorId(),
                    q == null ? null : q.displayNumber(), q == null ? null : q.text(lang), a.catalogueVersion(),
                    optionIds, labels(q, optionIds, lang), a.otherText(), a.notes(), status.name(), counts(status),
                    CodingView.of(coding, q, lang), a.answeredBy(), a.createdAt(), a.updatedAt(), a.versionOrZero());
        }

        String etag() {
            return etag(id, version == null ? 0 : version);
        }

        static String etag(long id, long version) {
            return ETags.of("self-assessment-answer", id, version);
        }
    }

    static List<String> labels(@Nullable Question q, List<String> optionIds, Labels lang) {
        if (q == null) {
            return optionIds;
        }
        return optionIds.stream().map(id -> q.option(id).map(o -> o.label(lang)).orElse(id)).toList();
    }

    static ImplementationRule.Status status(AssessmentCatalogue catalogue, String questionId, List<String> optionIds,
                                            @Nullable String otherText, @Nullable TextCoding coding) {
        return catalogue.implementation(questionId, optionIds, otherText, coding == null ? null : coding.code(),
                coding == null ? null : coding.optionId());
    }

    /** true / false for an answer that is scored and decided; null while pending, not applicable or not scored. */
    static @Nullable Boolean counts(ImplementationRule.Status status) {
        return switch (status) {
            case IMPLEMENTED -> true;
            case NOT_IMPLEMENTED -> false;
            default -> null;
        };
    }

    /** The secretariat's coding of an answer's text, with the coded option's label. */
    @Serdeable
    record CodingView(String code, @Nullable String optionId, @Nullable String optionLabel, @Nullable String comment,
                      @Nullable String codedBy, @Nullable Instant codedAt) {
        static @Nullable CodingView of(@Nullable TextCoding c, @Nullable Question q, Labels lang) {
            if (c == null) {
                return null;
            }
            String label = c.optionId() == null || q == null ? null
                    : q.option(c.optionId()).map(o -> o.label(lang)).orElse(null);
            return new CodingView(c.code().name(), c.optionId(), label, c.comment(), c.codedBy(), c.codedAt());
        }
    }

    /** A page of a member's answers; {@code syncToken} is the {@code updatedSince} of the next delta sync. */
    @Serdeable
    record AnswerPage(List<AnswerView> items, @Nullable String nextCursor, String syncToken, Instant serverTime,
                      int questionCount) {
    }

    @Serdeable
    record BatchResult(List<AnswerView> answers, int changed, String answerSetEtag) {
    }

    /**
     * An answer derived from the member's other records, to be confirmed by saving it: {@code optionIds} and their
     * labels, the records it comes from and how ({@code basis}); {@code answered}: the member has an answer of its
     * own, which wins; {@code sameAsAnswer}: that answer chose exactly these options.
     */
    @Serdeable
    record PrefillView(String questionId, @Nullable String numberFy2024, List<String> optionIds,
                       List<String> optionLabels, String recordType, List<Long> recordIds, String basis,
                       boolean answered, boolean sameAsAnswer) {
    }

    @Serdeable
    record PrefillList(List<PrefillView> items) {
    }

    @Serdeable
    record Confirmation(long memberId, Instant confirmedAt, @Nullable String confirmedBy, int answerCount) {
    }

    // ---------------------------------------------------------------------------------------------- campaigns

    @Serdeable
    record CampaignView(long id, String title, LocalDate referenceDate, LocalDate deadline, String catalogueVersion,
                        @Nullable String description, @Nullable String createdBy, Instant createdAt, boolean open) {
        /** {@code today}: the date in Japan; a campaign is open up to and including its deadline. */
        static CampaignView of(Campaign c, LocalDate today) {
            return new CampaignView(c.id(), c.title(), c.referenceDate(), c.deadline(), c.catalogueVersion(),
                    c.description(), c.createdBy(), c.createdAt(), !today.isAfter(c.deadline()));
        }
    }

    @Serdeable
    record CampaignPage(List<CampaignView> items, @Nullable String nextCursor) {
    }

    /**
     * Progress of one member. status NOT_SUBMITTED | SUBMITTED | ACCEPTED | RETURNED; late: first submitted after
     * the deadline (end of the day, JST), or not submitted and the deadline has passed.
     */
    @Serdeable
    record MemberProgress(long memberId, String memberName, String status, @Nullable Integer round,
                          @Nullable Instant firstSubmittedAt, @Nullable Instant submittedAt,
                          @Nullable Instant reviewedAt, boolean late) {
    }

    @Serdeable
    record ProgressSummary(int members, int notSubmitted, int submitted, int accepted, int returned, int late) {
    }

    @Serdeable
    record CampaignDetail(CampaignView campaign, ProgressSummary summary, List<MemberProgress> members) {
    }

    // ---------------------------------------------------------------------------------------------- submissions

    /** A frozen answer, with its implementation status computed from it alone (as for AnswerView). */
    @Serdeable
    record SnapshotAnswerView(String questionId, @Nullable String questionNumber, List<String> optionIds,
                              List<String> optionLabels, @Nullable String otherText, @Nullable String notes,
                              String implementation, @Nullable Boolean countsAsImplemented,
                              @Nullable CodingView textCoding, long answerVersion, Instant answeredAt,
                              @Nullable String answeredBy) {
    }

    @Serdeable
    record SubmissionView(long id, long campaignId, long memberId, String status, int round,
                          String catalogueVersion, Instant firstSubmittedAt, Instant submittedAt,
                          @Nullable String submittedBy, boolean late, @Nullable Instant reviewedAt,
                          @Nullable String reviewedBy, @Nullable String reviewComment, long version,
                          List<SnapshotAnswerView> answers) {
        String etag() {
            return etag(id, version);
        }

        static String etag(long id, long version) {
            return ETags.of("self-assessment-submission", id, version);
        }
    }

    static boolean late(Instant at, LocalDate deadline) {
        return at.isAfter(deadline.plusDays(1).atStartOfDay(ClockFactory.JST).toInstant().minusMillis(1));
    }
}
