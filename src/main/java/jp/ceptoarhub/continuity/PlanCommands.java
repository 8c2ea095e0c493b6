package jp.ceptoarhub.continuity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Request bodies. Codes and dates are plain strings so that every bad value (an unknown code, a malformed date)
 * comes back as a 400 problem naming the field.
 */
final class PlanCommands {
    private PlanCommands() {
    }

    /**
     * Create (planType and status must be present) or update (null = unchanged; "" clears an optional field;
     * escalatesToPlanId 0 clears the link).
     */
    @Serdeable
    record PlanInput(
            @Nullable String planType,
            @Nullable String status,
            @Nullable String cyberScenariosCovered,
            @Nullable String lastReviewedOn,
            @Nullable String lastExercisedOn,
            @Nullable String nextReviewDue,
            @Nullable String ownerName,
            @Nullable String ownerRole,
            @Nullable String scopeNotes,
            @Nullable Long escalatesToPlanId) {

        PlanInput over(PlanInput current) {
            return new PlanInput(pick(planType, current.planType), pick(status, current.status),
                    pick(cyberScenariosCovered, current.cyberScenariosCovered),
                    pick(lastReviewedOn, current.lastReviewedOn), pick(lastExercisedOn, current.lastExercisedOn),
                    pick(nextReviewDue, current.nextReviewDue), pick(ownerName, current.ownerName),
                    pick(ownerRole, current.ownerRole), pick(scopeNotes, current.scopeNotes),
                    escalatesToPlanId == null ? current.escalatesToPlanId : escalatesToPlanId);
        }

        private static @Nullable String pick(@Nullable String given, @Nullable String current) {
            return given == null ? current : given;
        }
    }
}
