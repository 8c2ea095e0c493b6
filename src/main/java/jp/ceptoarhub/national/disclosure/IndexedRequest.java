package jp.ceptoarhub.national.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A release request with its respondents numbered and every answer turned into a bit mask over the question's
 * options: mask 0 = not in the table's population, otherwise the chosen options (無回答 when nothing was chosen).
 */
final class IndexedRequest {
    final ReleaseRequest request;
    final Population population;
    final int respondentCount;
    final String[] respondentIds;
    final int[] groupOf;
    final String[] unitOf;
    final String[] ceptoarOf;
    /** [band dimension][respondent] → band index in the dimension. */
    final int[][] bandOf;
    final Map<String, Integer> respondentIndex = new HashMap<>();
    final Map<String, Integer> groupIndex = new HashMap<>();
    private final Map<String, long[]> masks = new LinkedHashMap<>();

    IndexedRequest(ReleaseRequest request) {
        this.request = request;
        this.population = request.population();
        List<Population.Respondent> respondents = population.respondents();
        respondentCount = respondents.size();
        respondentIds = new String[respondentCount];
        groupOf = new int[respondentCount];
        unitOf = new String[respondentCount];
        ceptoarOf = new String[respondentCount];
        for (int g = 0; g < population.groups().size(); g++) {
            groupIndex.put(population.groups().get(g).id(), g);
        }
        List<Population.BandDimension> dims = population.bandDimensions();
        bandOf = new int[dims.size()][respondentCount];
        for (int r = 0; r < respondentCount; r++) {
            Population.Respondent respondent = respondents.get(r);
            respondentIds[r] = respondent.id();
            respondentIndex.put(respondent.id(), r);
            groupOf[r] = groupIndex.get(respondent.groupId());
            unitOf[r] = respondent.unitId();
            ceptoarOf[r] = population.groups().get(groupOf[r]).ceptoarCode();
            for (int d = 0; d < dims.size(); d++) {
                String band = respondent.bands().get(dims.get(d).id());
                List<Population.Band> bands = dims.get(d).bands();
                for (int b = 0; b < bands.size(); b++) {
                    if (bands.get(b).code().equals(band)) {
                        bandOf[d][r] = b;
                    }
                }
            }
        }
    }

    /** The answer masks of a question, computing its parents' first. */
    long[] masks(String questionId) {
        long[] cached = masks.get(questionId);
        if (cached != null) {
            return cached;
        }
        QuestionTable q = request.question(questionId);
        long[] parent = null;
        long condition = 0;
        if (q.condition() != null) {
            parent = masks(q.condition().questionId());
            condition = request.question(q.condition().questionId()).mask(q.condition().optionIds());
        }
        Map<String, List<String>> answers = request.answers().getOrDefault(questionId, Map.of());
        int noAnswer = q.noAnswerIndex();
        long[] result = new long[respondentCount];
        for (int r = 0; r < respondentCount; r++) {
            if (parent != null && (parent[r] & condition) == 0) {
                continue;
            }
            List<String> chosen = answers.get(respondentIds[r]);
            long mask = chosen == null ? 0 : q.mask(chosen);
            if (mask == 0) {
                if (noAnswer < 0) {
                    throw new IllegalArgumentException("respondent " + respondentIds[r] + " did not answer " + questionId
                            + ", which has no 無回答 option to count it in");
                }
                mask = 1L << noAnswer;
            }
            result[r] = mask;
        }
        masks.put(questionId, result);
        return result;
    }

    /** The root question and every question conditional on it (transitively), parents before children. */
    List<List<QuestionTable>> components() {
        Map<String, List<QuestionTable>> children = new HashMap<>();
        List<QuestionTable> roots = new ArrayList<>();
        for (QuestionTable q : request.questions()) {
            if (q.condition() == null) {
                roots.add(q);
            } else {
                children.computeIfAbsent(q.condition().questionId(), k -> new ArrayList<>()).add(q);
            }
        }
        List<List<QuestionTable>> components = new ArrayList<>();
        for (QuestionTable root : roots) {
            List<QuestionTable> tables = new ArrayList<>();
            tables.add(root);
            for (int i = 0; i < tables.size(); i++) {
                tables.addAll(children.getOrDefault(tables.get(i).id(), List.of()));
            }
            components.add(tables);
        }
        return components;
    }
}
