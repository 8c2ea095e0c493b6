package jp.ceptoarhub.services;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.members.RecordFreshness.RecordType;
import jp.ceptoarhub.records.RecordConfirmations;

/** "Confirm unchanged" of a member's critical services and systems (one confirmation for the area). */
@Singleton
class CriticalServiceConfirmations extends RecordConfirmations {
    CriticalServiceConfirmations(JdbcOperations jdbc) {
        super(RecordType.CRITICAL_SERVICES.code(), jdbc);
    }
}
