package jp.ceptoarhub.selfassessment;

import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.records.AnswerPrefill;
import jp.ceptoarhub.selfassessment.AssessmentCatalogue.Option;
import jp.ceptoarhub.selfassessment.AssessmentCatalogue.Question;
import jp.ceptoarhub.selfassessment.AssessmentViews.PrefillView;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Answers the member's other records give ({@link AnswerPrefill}: 設問27 and 設問28 from the continuity plans),
 * offered for the member to confirm: nothing is written here; confirming is saving the answer like any other. An
 * answer the member typed wins: the prefill is then only shown beside it ({@code answered}, {@code sameAsAnswer}).
 * A derived option the catalogue does not offer for selection is dropped, never passed on.
 */
@Singleton
class AnswerPrefills {
    private final List<AnswerPrefill> sources;
    private final AnswerService answers;
    private final AnswerRepository repository;
    private final AssessmentCatalogue catalogue;

    AnswerPrefills(List<AnswerPrefill> sources, AnswerService answers, AnswerRepository repository,
                   AssessmentCatalogue catalogue) {
        this.sources = sources;
        this.answers = answers;
        this.repository = repository;
        this.catalogue = catalogue;
    }

    List<PrefillView> of(CurrentUser user, long memberId, Labels lang) {
        answers.requireRead(user, memberId);
        Map<String, Answer> live = repository.allOfMember(user.tenantId(), memberId).stream()
                .filter(a -> !a.deleted()).collect(Collectors.toMap(Answer::questionId, Function.identity()));
        List<PrefillView> out = new ArrayList<>();
        for (AnswerPrefill source : sources) {
            for (AnswerPrefill.Prefill p : source.prefill(user.tenantId(), memberId, lang)) {
                Optional<Question> q = catalogue.question(p.questionId());
                if (q.isEmpty() || p.optionIds().isEmpty()) {
                    continue;
                }
                List<Option> options = p.optionIds().stream().map(id -> q.get().options().stream()
                        .filter(o -> o.id().equals(id) && o.selectable()).findFirst()).flatMap(Optional::stream).toList();
                if (options.size() != p.optionIds().size()) {
                    continue;
                }
                Answer answer = live.get(p.questionId());
                boolean same = answer != null && answer.otherText() == null
                        && new HashSet<>(answers.optionIds(answer)).equals(new HashSet<>(p.optionIds()));
                out.add(new PrefillView(p.questionId(), q.get().numberFy2024(), p.optionIds(),
                        options.stream().map(o -> o.label(lang)).toList(), p.recordType().code(), p.recordIds(),
                        p.basis(), answer != null, same));
            }
        }
        out.sort((a, b) -> Integer.compare(catalogue.question(a.questionId()).orElseThrow().order(),
                catalogue.question(b.questionId()).orElseThrow().order()));
        return out;
    }
}
