package jp.ceptoarhub.contacts;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.records.RecordConfirmations;

/** "Confirm unchanged" of a member's contact list. */
@Singleton
class ContactConfirmations extends RecordConfirmations {
    ContactConfirmations(JdbcOperations jdbc) {
        super(jdbc, "contact_list_confirmation");
    }
}
