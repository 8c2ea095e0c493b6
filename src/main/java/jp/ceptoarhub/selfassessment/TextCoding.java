package jp.ceptoarhub.selfassessment;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * The secretariat's coding of the free text of an answer (the text of a 「その他」 or "unlisted" option): whether it
 * reports the question as implemented, or which known option it is. Only the CEPTOAR's secretariat codes, never
 * the member itself; every coding is audited and appears in the answer's (or the submission's) history.
 *
 * <p>A coding belongs to the text it coded: a member's edit that changes the text (or drops the free-text option)
 * clears it. A snapshot answer keeps the coding it had when frozen, and the secretariat may code it while the
 * submission is pending; an accepted submission is never changed again.
 *
 * @param optionId the known option the text is, for {@link Code#KNOWN_OPTION}; null otherwise
 */
public record TextCoding(Code code, @Nullable String optionId, @Nullable String comment, @Nullable String codedBy,
                         @Nullable String codedBySubject, @Nullable Instant codedAt) {

    public enum Code {
        /** The text reports a measure (or state) that meets the question: it counts as implemented. */
        IMPLEMENTED,
        /** The text reports nothing that meets the question (「特になし」, 「検討中」, …): it does not count. */
        NOT_IMPLEMENTED,
        /** The text is one of the question's known options ({@link #optionId}): the answer counts as that option. */
        KNOWN_OPTION
    }

    /** The coding as stored in the text_coding* columns; null when the text is not coded. */
    static @Nullable TextCoding of(@Nullable String code, @Nullable String optionId, @Nullable String comment,
                                   @Nullable String by, @Nullable String subject, @Nullable Instant at) {
        return code == null ? null : new TextCoding(Code.valueOf(code), optionId, comment, by, subject, at);
    }
}
