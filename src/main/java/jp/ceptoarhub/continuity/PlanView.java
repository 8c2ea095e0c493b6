package jp.ceptoarhub.continuity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jp.ceptoarhub.api.ETags;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.continuity.PlanCodes.CyberCoverage;
import jp.ceptoarhub.continuity.PlanCodes.PlanStatus;
import jp.ceptoarhub.continuity.PlanCodes.PlanType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A continuity plan as the API shows it, or (in delta sync) the tombstone of a deleted one: {@code {id, deleted:
 * true, deletedAt}} with every other field absent. {@code reviewOverdue}: nextReviewDue is before today (JST).
 */
@Serdeable
record PlanView(long id, boolean deleted, @Nullable Instant deletedAt, @Nullable Long memberId,
                @Nullable String planType, @Nullable String planTypeLabel, @Nullable String status,
                @Nullable String statusLabel, @Nullable Boolean inPlace, @Nullable String cyberScenariosCovered,
                @Nullable String cyberScenariosCoveredLabel, @Nullable LocalDate lastReviewedOn,
                @Nullable LocalDate lastExercisedOn, @Nullable LocalDate nextReviewDue,
                @Nullable Boolean reviewOverdue, @Nullable String ownerName, @Nullable String ownerRole,
                @Nullable String scopeNotes, @Nullable Long escalatesToPlanId, @Nullable Instant createdAt,
                @Nullable Instant updatedAt, @Nullable Long version) {

    static PlanView of(ContinuityPlan p, Labels lang) {
        if (p.deleted()) {
            return new PlanView(p.id(), true, p.deletedAt(), null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null);
        }
        PlanStatus status = PlanCodes.status(p.planType(), p.status());
        String cyber = p.cyberScenariosCovered();
        return new PlanView(p.id(), false, null, p.memberOperatorId(), p.planType(),
                PlanType.valueOf(p.planType()).label(lang), p.status(), status.label(lang), status.inPlace(), cyber,
                cyber == null ? null : CyberCoverage.valueOf(cyber).label(lang), p.lastReviewedOn(),
                p.lastExercisedOn(), p.nextReviewDue(), overdue(p, LocalDate.now(PlanRules.JST)), p.ownerName(),
                p.ownerRole(), p.scopeNotes(), p.escalatesToPlanId(), p.createdAt(), p.updatedAt(), p.versionOrZero());
    }

    static boolean overdue(ContinuityPlan p, LocalDate today) {
        return p.nextReviewDue() != null && p.nextReviewDue().isBefore(today);
    }

    String etag() {
        return etag(id, version == null ? 0 : version);
    }

    static String etag(long id, long version) {
        return ETags.of("continuity-plan", id, version);
    }

    /** A page of a member's plans; {@code syncToken} is the {@code updatedSince} of the phone's next delta sync. */
    @Serdeable
    record PlanPage(List<PlanView> items, @Nullable String nextCursor, String syncToken, Instant serverTime) {
    }

    @Serdeable
    record HistoryEntry(int seq, Instant changedAt, @Nullable String actorSubject, @Nullable String actorName,
                        String changeType, @Nullable io.micronaut.json.tree.JsonNode before,
                        @Nullable io.micronaut.json.tree.JsonNode after) {
    }

    @Serdeable
    record HistoryPage(List<HistoryEntry> items, @Nullable String nextCursor) {
    }

    @Serdeable
    record Confirmation(long memberId, Instant confirmedAt, @Nullable String confirmedBy, int planCount) {
    }
}
