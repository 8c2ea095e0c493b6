package jp.ceptoarhub.continuity;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/** The editable fields of a continuity plan, validated and normalised. */
record PlanData(String planType, String status, @Nullable String cyberScenariosCovered,
                @Nullable LocalDate lastReviewedOn, @Nullable LocalDate lastExercisedOn,
                @Nullable LocalDate nextReviewDue, @Nullable String ownerName, @Nullable String ownerRole,
                @Nullable String scopeNotes, @Nullable Long escalatesToPlanId) {
}
