package jp.ceptoarhub.continuity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.Version;
import jp.ceptoarhub.records.MemberRecord;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A continuity plan (contingency plan, BCP, IT-BCP, 事業復旧計画) of a member operator (see V6). {@code legacyStatus}:
 * the 設問27/28 option that was the plan's status before V30, kept as it was; no later write changes it.
 */
@MappedEntity("continuity_plan")
record ContinuityPlan(
        @Id @GeneratedValue @Nullable Long id,
        Long tenantId,
        Long memberOperatorId,
        String planType,
        String status,
        @MappedProperty("status_before_v30") @Nullable String legacyStatus,
        @Nullable String cyberScenariosCovered,
        @Nullable LocalDate lastReviewedOn,
        @Nullable LocalDate lastExercisedOn,
        @Nullable LocalDate nextReviewDue,
        @Nullable String ownerName,
        @Nullable String ownerRole,
        @Nullable String scopeNotes,
        @Nullable Long escalatesToPlanId,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant deletedAt,
        @Version @Nullable Long version) implements MemberRecord {

    static ContinuityPlan created(long tenantId, long memberId, PlanData d, Instant now) {
        return new ContinuityPlan(null, tenantId, memberId, d.planType(), d.status(), null,
                d.cyberScenariosCovered(), d.lastReviewedOn(), d.lastExercisedOn(), d.nextReviewDue(), d.ownerName(),
                d.ownerRole(), d.scopeNotes(), d.escalatesToPlanId(), now, now, null, null);
    }

    ContinuityPlan with(PlanData d, Instant now) {
        return new ContinuityPlan(id, tenantId, memberOperatorId, d.planType(), d.status(), legacyStatus,
                d.cyberScenariosCovered(), d.lastReviewedOn(), d.lastExercisedOn(), d.nextReviewDue(), d.ownerName(),
                d.ownerRole(), d.scopeNotes(), d.escalatesToPlanId(), createdAt, now, null, version);
    }

    ContinuityPlan delete(Instant now) {
        return new ContinuityPlan(id, tenantId, memberOperatorId, planType, status, legacyStatus,
                cyberScenariosCovered, lastReviewedOn, lastExercisedOn, nextReviewDue, ownerName, ownerRole,
                scopeNotes, escalatesToPlanId, createdAt, now, now, version);
    }

    PlanData data() {
        return new PlanData(planType, status, cyberScenariosCovered, lastReviewedOn, lastExercisedOn, nextReviewDue,
                ownerName, ownerRole, scopeNotes, escalatesToPlanId);
    }
}
