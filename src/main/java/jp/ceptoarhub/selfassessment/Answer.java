package jp.ceptoarhub.selfassessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/** A member's current answer to one catalogue question (see V11); deleted = cleared (a tombstone for delta sync). */
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

    Answer with(AnswerData d, String optionIdsJson, String by, String subject, Instant now) {
        return new Answer(id, tenantId, memberOperatorId, questionId, AssessmentCatalogue.VERSION, optionIdsJson,
                d.otherText(), d.notes(), by, subject, createdAt, now, null, version);
    }

    Answer delete(String by, String subject, Instant now) {
        return new Answer(id, tenantId, memberOperatorId, questionId, catalogueVersion, optionIds, otherText, notes,
                by, subject, createdAt, now, now, version);
    }
}
