package jp.ceptoarhub.records;

import jp.ceptoarhub.api.Labels;

import java.util.List;

/**
 * SPI of self-assessment answers that a record type derives from a member's live records (continuity plans give
 * 設問27 and 設問28), offered to the member as a prefill to confirm: nothing is written, and an answer the member
 * typed wins. The caller's read access to the member has been checked before {@link #prefill} is called;
 * implementations must still scope every query by tenant and member.
 */
public interface AnswerPrefill {
    /** One answer per catalogue question the records speak about; none where they say nothing. */
    List<Prefill> prefill(long tenantId, long memberId, Labels lang);

    /**
     * {@code optionIds}: the catalogue's option ids for the question. {@code recordIds}: the live records of
     * {@code recordType} the answer was derived from. {@code basis}: how, in the request's language.
     */
    record Prefill(String questionId, List<String> optionIds, RecordType recordType, List<Long> recordIds,
                   String basis) {
        public Prefill {
            optionIds = List.copyOf(optionIds);
            recordIds = List.copyOf(recordIds);
        }
    }
}
