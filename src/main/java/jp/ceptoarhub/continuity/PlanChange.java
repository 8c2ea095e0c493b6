package jp.ceptoarhub.continuity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One entry of a plan's history: who changed what, with the changed fields before and after as JSON. */
@MappedEntity("continuity_plan_change")
record PlanChange(
        @Id @GeneratedValue @Nullable Long id,
        Long tenantId,
        Long planId,
        Long memberOperatorId,
        Integer seq,
        Instant changedAt,
        @Nullable String actorSubject,
        @Nullable String actorName,
        String changeType,
        @Nullable String beforeJson,
        @Nullable String afterJson) {
}
