package jp.ceptoarhub.selfassessment;

import jakarta.inject.Singleton;
import jp.ceptoarhub.records.RecordConfirmations;
import jp.ceptoarhub.records.RecordFreshness;
import jp.ceptoarhub.records.RecordType;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The self-assessment on the secretariat's freshness dashboard: lastChangedAt = the latest answer change (clearing
 * included), lastConfirmedAt = the latest "confirm unchanged"; complete = every question answered by choice (every
 * question with options, product-defined ones included, other than the respondent attributes 基礎情報, which are
 * member profile fields) has a live answer: free-text questions are optional. A member without live answers is
 * absent (MISSING).
 */
@Singleton
class SelfAssessmentFreshness implements RecordFreshness {
    private final AnswerRepository answers;
    private final RecordConfirmations confirmations;
    private final AssessmentCatalogue catalogue;

    SelfAssessmentFreshness(AnswerRepository answers, RecordConfirmations confirmations, AssessmentCatalogue catalogue) {
        this.answers = answers;
        this.confirmations = confirmations;
        this.catalogue = catalogue;
    }

    @Override
    public String recordType() {
        return RecordType.SELF_ASSESSMENT.code();
    }

    @Override
    public Map<Long, Observation> observe(long tenantId) {
        Map<Long, Instant> changed = new HashMap<>();
        Map<Long, Set<String>> answered = new HashMap<>();
        for (Answer a : answers.allOfTenant(tenantId)) {
            changed.merge(a.memberOperatorId(), a.updatedAt(), (x, y) -> x.isAfter(y) ? x : y);
            if (!a.deleted()) {
                answered.computeIfAbsent(a.memberOperatorId(), k -> new HashSet<>()).add(a.questionId());
            }
        }
        Map<Long, Instant> confirmed = confirmations.allOfTenant(tenantId, RecordType.SELF_ASSESSMENT);
        List<String> required = catalogue.requiredForCompleteness().stream().map(AssessmentCatalogue.Question::id)
                .toList();
        Map<Long, Observation> out = new HashMap<>();
        answered.forEach((memberId, questions) -> out.put(memberId, new Observation(changed.get(memberId),
                confirmed.get(memberId), questions.containsAll(required))));
        return out;
    }
}
