package jp.ceptoarhub.suppliers;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.members.RecordFreshness;
import jp.ceptoarhub.records.RecordConfirmations;

/** "Confirm unchanged" of a member's suppliers, in the shared record_confirmation table (V7). */
@Singleton
class SupplierConfirmations extends RecordConfirmations {
    SupplierConfirmations(JdbcOperations jdbc) {
        super(RecordFreshness.RecordType.SUPPLIERS.code(), jdbc);
    }
}
