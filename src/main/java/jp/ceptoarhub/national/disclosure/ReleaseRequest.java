package jp.ceptoarhub.national.disclosure;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static jp.ceptoarhub.national.disclosure.Population.require;

/**
 * Everything one release is computed from: a snapshot's population, the questions as tables, every respondent's
 * answers, and the concentration tables. Member-level data: it never leaves the engine.
 *
 * @param answers question id → respondent id → chosen option ids. A respondent of a table without an answer counts
 *                as its 無回答 option; answers of respondents outside a conditional table's sub-population are not
 *                counted (the denominator is the sub-population, as NISC computes Q20 over the Q17 implementers).
 */
public record ReleaseRequest(String releaseId, String snapshotId, Population population, List<QuestionTable> questions,
                             Map<String, Map<String, List<String>>> answers, List<DependencyTable> dependencyTables) {

    public ReleaseRequest {
        questions = List.copyOf(questions);
        dependencyTables = List.copyOf(dependencyTables);
        Map<String, Map<String, List<String>>> copy = new HashMap<>();
        answers.forEach((q, byRespondent) -> copy.put(q, Map.copyOf(byRespondent)));
        answers = Map.copyOf(copy);
        require(releaseId != null && !releaseId.isBlank(), "release id missing");
        Map<String, QuestionTable> byId = new HashMap<>();
        for (QuestionTable q : questions) {
            require(byId.put(q.id(), q) == null, "duplicate question " + q.id());
        }
        for (QuestionTable q : questions) {
            if (q.condition() != null) {
                QuestionTable parent = byId.get(q.condition().questionId());
                require(parent != null, "question " + q.id() + " is conditional on an unknown question");
                parent.mask(q.condition().optionIds());
                Set<String> seen = new HashSet<>();
                for (QuestionTable p = q; p.condition() != null; p = byId.get(p.condition().questionId())) {
                    require(seen.add(p.id()), "conditions of question " + q.id() + " form a cycle");
                }
            }
        }
        Set<String> respondentIds = new HashSet<>();
        population.respondents().forEach(r -> respondentIds.add(r.id()));
        for (var entry : answers.entrySet()) {
            QuestionTable q = byId.get(entry.getKey());
            require(q != null, "answers to unknown question " + entry.getKey());
            entry.getValue().forEach((respondent, options) -> {
                require(respondentIds.contains(respondent), "answer from unknown respondent " + respondent);
                long mask = q.mask(options);
                require(q.choice() == QuestionTable.Choice.MULTIPLE ? Long.bitCount(mask) == options.size()
                        : options.size() == 1, "respondent " + respondent + " answered " + q.id() + " with "
                        + options + " (single choice takes one option)");
                require(Long.bitCount(mask) == 1 || (mask & q.exclusiveMask()) == 0,
                        "respondent " + respondent + " combined an exclusive option of " + q.id() + " with others");
            });
        }
        for (DependencyTable t : dependencyTables) {
            for (DependencyTable.Dependency d : t.dependencies()) {
                require(respondentIds.contains(d.respondentId()), "dependency of unknown respondent " + d.respondentId());
            }
        }
    }

    QuestionTable question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
    }
}
