package jp.ceptoarhub.selfassessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/**
 * A member's current answer to one catalogue question (see V11, V40); deleted = cleared (a tombstone for delta
 * sync). The text_coding* columns are the secretariat's {@link TextCoding} of other_text; legacy_option_ids keeps the
 * option ids V40 replaced.
 */
@MappedEntity("self_assessment_answer")
record Answer(
        @Id @GeneratedValue @Nullable Long id,
        Long tenantId,
        Long memberOperatorId,
        String questionId,
        String catalogueVersion,
        String optionIds,
        @Nullable String otherText,
        @Nullable String notes,
        @Nullable String textCoding,
        @Nullable String textCodingOptionId,
        @Nullable String textCodingComment,
        @Nullable String textCodedBy,
        @Nullable String textCodedBySubject,
        @Nullable Instant textCodedAt,
        @Nullable String legacyOptionIds,
        @Nullable String answeredBy,
        @Nullable String answeredBySubject,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant deletedAt,
        @Version @Nullable Long version) {

    boolean deleted() {
        return deletedAt != null;
    }

    long versionOrZero() {
        return version == null ? 0 : version;
    }

    @Nullable
    TextCoding coding() {
        return TextCoding.of(textCoding, textCodingOptionId, textCodingComment, textCodedBy, textCodedBySubject,
                textCodedAt);
    }

    /** The member's new content; {@code coding} is the coding that still applies to it (null: cleared). */
    Answer with(AnswerData d, String optionIdsJson, @Nullable TextCoding coding, String by, String subject, Instant now) {
        return new Answer(id, tenantId, memberOperatorId, questionId, AssessmentCatalogue.VERSION, optionIdsJson,
                d.otherText(), d.notes(), coding == null ? null : coding.code().name(),
                coding == null ? null : coding.optionId(), coding == null ? null : coding.comment(),
                coding == null ? null : coding.codedBy(), coding == null ? null : coding.codedBySubject(),
                coding == null ? null : coding.codedAt(), legacyOptionIds, by, subject, createdAt, now, null, version);
    }

    /** The secretariat's coding of the text (null removes it); the member's content and updatedAt stay as they are. */
    Answer coded(@Nullable TextCoding c) {
        return new Answer(id, tenantId, memberOperatorId, questionId, catalogueVersion, optionIds, otherText, notes,
                c == null ? null : c.code().name(), c == null ? null : c.optionId(), c == null ? null : c.comment(),
                c == null ? null : c.codedBy(), c == null ? null : c.codedBySubject(), c == null ? null : c.codedAt(),
                legacyOptionIds, answeredBy, answeredBySubject, createdAt, updatedAt, deletedAt, version);
    }

    Answer delete(String by, String subject, Instant now) {
        return new Answer(id, tenantId, memberOperatorId, questionId, catalogueVersion, optionIds, otherText, notes,
                textCoding, textCodingOptionId, textCodingComment, textCodedBy, textCodedBySubject, textCodedAt,
                legacyOptionIds, by, subject, createdAt, now, now, version);
    }
}
