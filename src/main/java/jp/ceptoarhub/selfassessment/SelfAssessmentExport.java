package jp.ceptoarhub.selfassessment;

import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.records.RecordExport;
import jp.ceptoarhub.records.RecordType;

import java.util.Comparator;
import java.util.List;

/**
 * The member's current answers for the records export: one AnswerView per answered question, in catalogue order
 * (in .xlsx one row per answer; optionIds and optionLabels join with "; ").
 */
@Singleton
class SelfAssessmentExport implements RecordExport {
    private final AnswerRepository answers;
    private final AnswerService service;
    private final AssessmentCatalogue catalogue;

    SelfAssessmentExport(AnswerRepository answers, AnswerService service, AssessmentCatalogue catalogue) {
        this.answers = answers;
        this.service = service;
        this.catalogue = catalogue;
    }

    @Override
    public RecordType recordType() {
        return RecordType.SELF_ASSESSMENT;
    }

    @Override
    public List<AssessmentViews.AnswerView> export(long tenantId, long memberId, Labels lang) {
        return answers.allOfMember(tenantId, memberId).stream().filter(a -> !a.deleted())
                .sorted(Comparator.comparingInt(a -> catalogue.question(a.questionId())
                        .map(AssessmentCatalogue.Question::order).orElse(Integer.MAX_VALUE)))
                .map(a -> AssessmentViews.AnswerView.of(a, service.optionIds(a), catalogue, lang))
                .toList();
    }
}
