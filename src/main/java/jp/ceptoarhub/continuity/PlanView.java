package jp.ceptoarhub.continuity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.continuity.PlanCodes.CyberCoverage;
import jp.ceptoarhub.continuity.PlanCodes.LegacyStatus;
import jp.ceptoarhub.continuity.PlanCodes.PlanStatus;
import jp.ceptoarhub.continuity.PlanCodes.PlanType;
import jp.ceptoarhub.records.RecordLifecycle;
import jp.ceptoarhub.records.RecordType;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A continuity plan as the API shows it, or (in delta sync) the tombstone of a deleted one: {@code {id, deleted:
 * true, deletedAt}} with every other field absent. {@code reviewOverdue}: nextReviewDue is before today (JST).
 * {@code inPlace}: the status is DRAFTED. {@code legacyStatus}: the 設問27/28 option that was the status before V30.
 */
@Serdeable
record PlanView(long id, boolean deleted, @Nullable Instant deletedAt, @Nullable Long memberId,
                @Nullable String planType, @Nullable String planTypeLabel, @Nullable String status,
                @Nullable String statusLabel, @Nullable Boolean inPlace, @Nullable String legacyStatus,
                @Nullable String legacyStatusLabel, @Nullable String cyberScenariosCovered,
                @Nullable String cyberScenariosCoveredLabel, @Nullable LocalDate lastReviewedOn,
                @Nullable LocalDate lastExercisedOn, @Nullable LocalDate nextReviewDue,
                @Nullable Boolean reviewOverdue, @Nullable String ownerName, @Nullable String ownerRole,
                @Nullable String scopeNotes, @Nullable Long escalatesToPlanId, @Nullable Instant createdAt,
                @Nullable Instant updatedAt, @Nullable Long version) {

    /** {@code today}: the date in Japan, for {@code reviewOverdue}. */
    static PlanView of(ContinuityPlan p, LocalDate today, Labels lang) {
        if (p.deleted()) {
            return new PlanView(p.id(), true, p.deletedAt(), null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null);
        }
        PlanStatus status = PlanStatus.valueOf(p.status());
        PlanType type = PlanType.valueOf(p.planType());
        String legacy = p.legacyStatus();
        String cyber = p.cyberScenariosCovered();
        return new PlanView(p.id(), false, null, p.memberOperatorId(), p.planType(), type.label(lang), p.status(),
                status.label(lang), status.inPlace(), legacy, legacy == null ? null
                : LegacyStatus.of(type, legacy).map(l -> l.option().label(lang)).orElse(null), cyber,
                cyber == null ? null : CyberCoverage.valueOf(cyber).label(lang), p.lastReviewedOn(),
                p.lastExercisedOn(), p.nextReviewDue(), overdue(p, today), p.ownerName(),
                p.ownerRole(), p.scopeNotes(), p.escalatesToPlanId(), p.createdAt(), p.updatedAt(), p.versionOrZero());
    }

    static boolean overdue(ContinuityPlan p, LocalDate today) {
        return p.nextReviewDue() != null && p.nextReviewDue().isBefore(today);
    }

    @Serdeable
    record Confirmation(long memberId, Instant confirmedAt, @Nullable String confirmedBy, int planCount) {
        static Confirmation of(RecordLifecycle.Confirmation c) {
            return new Confirmation(c.memberId(), c.confirmedAt(), c.confirmedBy(),
                    c.count(RecordType.CONTINUITY_PLANS.code()));
        }
    }
}
