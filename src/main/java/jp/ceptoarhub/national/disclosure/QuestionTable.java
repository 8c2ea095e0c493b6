package jp.ceptoarhub.national.disclosure;

import io.micronaut.core.annotation.Nullable;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static jp.ceptoarhub.national.disclosure.Population.require;

/**
 * One question as a frequency table: its options (無回答 included), how it is answered, the sub-population it is asked
 * of, and the headline rates NISC names over it.
 * <p>
 * Single choice: each respondent is counted in exactly one option, so the options of a row sum to its N. Multiple
 * choice: each option is a yes/no table of its own (selected or not, the "not" count N − n implied by the published
 * N); options marked exclusive (「実施していない」, 無回答) are chosen alone. A headline counts the respondents who chose
 * any of its options: for single choice a sum of option cells, for multiple choice a count of its own that no option
 * cell determines. A conditional question is asked of the respondents who chose any of the condition's options in
 * another question (Q20 over the Q17 implementers): its N per row is that count.
 *
 * @param bandBreakdown publish each headline rate for every band of every band dimension (all sectors together).
 *                      Headlines only, not every option: NISC knows each member's band (staff size, capital), so the
 *                      attacker's system holds one unknown per band, group and headline, linked to the group's
 *                      headline count — exact and small, where per-option band tables would need every option of
 *                      every band within every group (A12 of the design note)
 */
public record QuestionTable(String id, String labelJa, String labelEn, Choice choice, List<Option> options,
                            @Nullable Condition condition, List<Headline> headlines, boolean bandBreakdown) {

    public enum Choice { SINGLE, MULTIPLE }

    /**
     * @param noAnswer  無回答: what a respondent of the table without an answer counts as; its zeros are no group
     *                  disclosure
     * @param exclusive multiple choice only: chosen alone
     */
    public record Option(String id, String labelJa, String labelEn, boolean noAnswer, boolean exclusive) {
    }

    public record Headline(String id, String labelJa, String labelEn, List<String> optionIds) {
        public Headline {
            optionIds = List.copyOf(optionIds);
        }
    }

    public record Condition(String questionId, List<String> optionIds) {
        public Condition {
            optionIds = List.copyOf(optionIds);
        }
    }

    public QuestionTable {
        options = List.copyOf(options);
        headlines = List.copyOf(headlines);
        require(!options.isEmpty() && options.size() <= 63, "question " + id + " needs 1 to 63 options");
        Set<String> ids = new HashSet<>();
        for (Option o : options) {
            require(ids.add(o.id()), "question " + id + " repeats option " + o.id());
        }
        require(options.stream().filter(Option::noAnswer).count() <= 1, "question " + id + " has two 無回答 options");
        Set<String> headlineIds = new HashSet<>();
        for (Headline h : headlines) {
            require(headlineIds.add(h.id()), "question " + id + " repeats headline " + h.id());
            require(!h.optionIds().isEmpty() && ids.containsAll(h.optionIds()),
                    "headline " + h.id() + " of " + id + " names unknown options");
        }
        require(condition == null || !condition.optionIds().isEmpty(), "condition of " + id + " names no option");
        require(!bandBreakdown || (condition == null && !headlines.isEmpty()),
                "question " + id + ": band breakdowns are published for the headline rates of unconditional questions");
    }

    int optionIndex(String optionId) {
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).id().equals(optionId)) {
                return i;
            }
        }
        throw new IllegalArgumentException("question " + id + " has no option " + optionId);
    }

    /** The options as a bit mask (bit i = option i). */
    long mask(List<String> optionIds) {
        long mask = 0;
        for (String o : optionIds) {
            mask |= 1L << optionIndex(o);
        }
        return mask;
    }

    int noAnswerIndex() {
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).noAnswer()) {
                return i;
            }
        }
        return -1;
    }

    long exclusiveMask() {
        long mask = 0;
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).exclusive() || options.get(i).noAnswer()) {
                mask |= 1L << i;
            }
        }
        return mask;
    }
}
