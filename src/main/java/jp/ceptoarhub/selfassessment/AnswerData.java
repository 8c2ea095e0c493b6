package jp.ceptoarhub.selfassessment;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** A validated answer: option ids of the question (catalogue order as given), normalised texts. */
record AnswerData(String questionId, List<String> optionIds, @Nullable String otherText, @Nullable String notes) {
}
