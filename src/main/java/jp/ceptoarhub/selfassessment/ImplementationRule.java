package jp.ceptoarhub.selfassessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jp.ceptoarhub.selfassessment.AssessmentCatalogue.OptionKind;
import jp.ceptoarhub.selfassessment.AssessmentCatalogue.Question;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Whether an answer to a question counts as implemented: the question's {@code implementationRule} in
 * reference-data/assessment-catalogue-fy2024.json, following the source's own rule for that question (a published
 * headline such as 「監査の実施は、8割強」 names what counts; where there is none, the note says what was inferred).
 * The catalogue's {@code implementationRuleSemantics} documents the same steps as {@link #evaluate}; national
 * summaries evaluate frozen snapshot answers with exactly this method and nothing else.
 *
 * <p>The subtle part is free text. An answer's text (「その他」 or the product-defined "unlisted" option) counts only
 * where the rule says uncoded text counts ({@link UncodedText#COUNTS}: the question offers a negative option, so a
 * member with nothing to report chooses it, and the source's printed 「その他」 answers to it are measures) or where
 * the secretariat has coded the text IMPLEMENTED or as a counting option. Where the printed 「その他」 answers include
 * negatives (「検討中」, 「計画自体策定していない」) or the question is a single-choice status, uncoded text is
 * {@link UncodedText#PENDING}. A text that merely says "nothing" (「特になし」, the catalogue's freeTextRules) never
 * counts, coded or not.
 *
 * @param countingOptionIds options that count on their own (SUBSTANTIVE options of the question)
 * @param uncodedOtherText  how an uncoded free text counts; null when the question has no free-text option
 * @param population        the rate's sub-population (e.g. 設問20 among 設問17 implementers); null for everyone
 * @param reason            why an unscored question is not scored
 */
public record ImplementationRule(boolean scored, List<String> countingOptionIds, @Nullable UncodedText uncodedOtherText,
                                 List<String> notApplicableOptionIds, @Nullable Population population,
                                 @Nullable String basis, @Nullable String basisJa, @Nullable String sourceLines,
                                 @Nullable String note, @Nullable String reason) {

    public enum Status { IMPLEMENTED, NOT_IMPLEMENTED, PENDING_CODING, NOT_APPLICABLE, NOT_SCORED }

    public enum UncodedText {
        /** Uncoded text counts as implemented unless the secretariat codes it NOT_IMPLEMENTED. */
        COUNTS,
        /** Uncoded text leaves the answer PENDING_CODING until the secretariat codes it. */
        PENDING
    }

    /** The rate is computed over members whose answer to {@code questionId} has status {@code implementation}. */
    @Serdeable
    public record Population(String questionId, Status implementation) {
    }

    /**
     * The status of one answer. {@code code} and {@code codedOptionId} are the secretariat's coding of
     * {@code otherText} (both null when uncoded); {@code saysNothing} recognises texts such as 「特になし」.
     */
    Status evaluate(Question q, List<String> optionIds, @Nullable String otherText, @Nullable TextCoding.Code code,
                    @Nullable String codedOptionId, Predicate<String> saysNothing) {
        if (!scored) {
            return Status.NOT_SCORED;
        }
        Set<String> chosen = new LinkedHashSet<>(optionIds);
        if (code == TextCoding.Code.KNOWN_OPTION && codedOptionId != null) {
            chosen.add(codedOptionId);
        }
        if (chosen.stream().anyMatch(countingOptionIds::contains)) {
            return Status.IMPLEMENTED;
        }
        boolean textChosen = optionIds.stream().anyMatch(id -> q.option(id).map(o -> o.kind() == OptionKind.OTHER)
                .orElse(false));
        if (textChosen && otherText != null && code != TextCoding.Code.KNOWN_OPTION) {
            if (code == TextCoding.Code.IMPLEMENTED) {
                return Status.IMPLEMENTED;
            }
            if (code == null && !saysNothing.test(otherText)) {
                if (uncodedOtherText == UncodedText.COUNTS) {
                    return Status.IMPLEMENTED;
                }
                return Status.PENDING_CODING;
            }
        }
        if (!chosen.isEmpty() && notApplicableOptionIds.containsAll(chosen)) {
            return Status.NOT_APPLICABLE;
        }
        return Status.NOT_IMPLEMENTED;
    }
}
