package jp.ceptoarhub.selfassessment;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.members.RecordFreshness.RecordType;
import jp.ceptoarhub.records.RecordConfirmations;

/** "Confirm unchanged" of a member's self-assessment answers (shared record_confirmation table, V7). */
@Singleton
class AnswerConfirmations extends RecordConfirmations {
    AnswerConfirmations(JdbcOperations jdbc) {
        super(RecordType.SELF_ASSESSMENT.code(), jdbc);
    }
}
