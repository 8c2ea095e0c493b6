package jp.ceptoarhub.selfassessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One answer of a submitted (frozen) snapshot; written once, never updated (see V11). */
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
        Long answerVersion,
        Instant answeredAt,
        @Nullable String answeredBy) {
}
