package jp.ceptoarhub.continuity;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.records.RecordConfirmations;

/** "Confirm unchanged" of a member's continuity plans. */
@Singleton
class PlanConfirmations extends RecordConfirmations {
    PlanConfirmations(JdbcOperations jdbc) {
        super(jdbc, "continuity_plan_confirmation");
    }
}
