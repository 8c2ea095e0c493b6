package jp.ceptoarhub.cloud;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.members.RecordFreshness.RecordType;
import jp.ceptoarhub.records.RecordConfirmations;

/** "Confirm unchanged" of a member's cloud services, in the shared record_confirmation table (V7). */
@Singleton
class CloudConfirmations extends RecordConfirmations {
    CloudConfirmations(JdbcOperations jdbc) {
        super(RecordType.CLOUD_SERVICES.code(), jdbc);
    }
}
