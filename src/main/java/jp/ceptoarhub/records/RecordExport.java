package jp.ceptoarhub.records;

import jp.ceptoarhub.api.Labels;

import java.util.List;

/**
 * SPI of the export of a member's full record set (GET /api/v1/members/{memberId}/records-export, JSON or .xlsx).
 * Each readiness record type registers one bean. The caller's access to the member has been checked before
 * {@link #export} is called; implementations must still scope every query by tenant and member.
 */
public interface RecordExport {
    /** The record type; its code names the JSON property and its label the .xlsx sheet. */
    RecordType recordType();

    /**
     * The member's live records as the API's own views (the same objects GET returns; they must be @Serdeable),
     * in a stable order. In .xlsx every view becomes a row: nested objects flatten to dotted column names and
     * lists of scalars join with "; " (lists of objects become one column of compact JSON).
     */
    List<?> export(long tenantId, long memberId, Labels lang);
}
