package jp.ceptoarhub.selfassessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One answer of a submitted (frozen) snapshot (see V11, V40). The member's content is written once and never
 * changed; the text_coding* columns carry the secretariat's {@link TextCoding} of other_text, copied from the answer
 * at submission and settable by the secretariat while the submission is pending (review), never after acceptance.
 */
@MappedEntity("self_assessment_snapshot_answer")
record SnapshotAnswer(
        @Id @GeneratedValue @Nullable Long id,
        Long tenantId,
        Long submissionId,
        Integer round,
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
        Long answerVersion,
        Instant answeredAt,
        @Nullable String answeredBy) {

    /** The frozen copy of a live answer, with the coding its text had. */
    static SnapshotAnswer of(Answer a, long submissionId, int round) {
        return new SnapshotAnswer(null, a.tenantId(), submissionId, round, a.questionId(), a.catalogueVersion(),
                a.optionIds(), a.otherText(), a.notes(), a.textCoding(), a.textCodingOptionId(), a.textCodingComment(),
                a.textCodedBy(), a.textCodedBySubject(), a.textCodedAt(), a.legacyOptionIds(), a.versionOrZero(),
                a.updatedAt(), a.answeredBy());
    }

    @Nullable
    TextCoding coding() {
        return TextCoding.of(textCoding, textCodingOptionId, textCodingComment, textCodedBy, textCodedBySubject,
                textCodedAt);
    }

    SnapshotAnswer coded(@Nullable TextCoding c) {
        return new SnapshotAnswer(id, tenantId, submissionId, round, questionId, catalogueVersion, optionIds, otherText,
                notes, c == null ? null : c.code().name(), c == null ? null : c.optionId(),
                c == null ? null : c.comment(), c == null ? null : c.codedBy(), c == null ? null : c.codedBySubject(),
                c == null ? null : c.codedAt(), legacyOptionIds, answerVersion, answeredAt, answeredBy);
    }
}
