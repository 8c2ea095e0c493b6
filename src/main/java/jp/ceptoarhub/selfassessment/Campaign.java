package jp.ceptoarhub.selfassessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/** A self-assessment campaign of the secretariat (see V11). */
@MappedEntity("self_assessment_campaign")
record Campaign(
        @Id @GeneratedValue @Nullable Long id,
        Long tenantId,
        String title,
        LocalDate referenceDate,
        LocalDate deadline,
        String catalogueVersion,
        @Nullable String description,
        @Nullable String createdBy,
        Instant createdAt) {
}
