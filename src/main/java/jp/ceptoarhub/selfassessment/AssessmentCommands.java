package jp.ceptoarhub.selfassessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Request bodies. Ids, codes and dates are plain strings so that every bad value comes back as a 400 problem
 * naming the field.
 */
final class AssessmentCommands {
    private AssessmentCommands() {
    }

    /** PUT of one answer: the whole answer (absent = empty). */
    @Serdeable
    record AnswerInput(@Nullable List<String> optionIds, @Nullable String otherText, @Nullable String notes) {
    }

    /**
     * One answer of a batch. {@code version}: the version of the answer the client edited (as in the answer's
     * {@code version}); required when the question already has an answer, omitted for a new one. {@code clear}:
     * true clears the answer (then without optionIds, otherText and notes).
     */
    @Serdeable
    record BatchItem(@Nullable String questionId, @Nullable List<String> optionIds, @Nullable String otherText,
                     @Nullable String notes, @Nullable Long version, @Nullable Boolean clear) {
        boolean clearing() {
            return Boolean.TRUE.equals(clear);
        }
    }

    @Serdeable
    record BatchInput(@Nullable List<BatchItem> answers) {
    }

    @Serdeable
    record CampaignInput(@Nullable String title, @Nullable String referenceDate, @Nullable String deadline,
                         @Nullable String catalogueVersion, @Nullable String description) {
    }

    /**
     * The secretariat's coding of an answer's free text: {@code code} IMPLEMENTED | NOT_IMPLEMENTED | KNOWN_OPTION,
     * {@code optionId} for KNOWN_OPTION, an optional {@code comment} (why).
     */
    @Serdeable
    record CodingInput(@Nullable String code, @Nullable String optionId, @Nullable String comment) {
    }

    /** Accept (comment optional) or return (comment required) a submission. */
    @Serdeable
    record ReviewInput(@Nullable String comment) {
    }
}
