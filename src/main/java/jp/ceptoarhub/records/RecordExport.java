package jp.ceptoarhub.records;

import jp.ceptoarhub.api.Labels;

import java.util.List;

/**
 * SPI of the export of a member's full record set (GET /api/v1/members/{memberId}/records-export, JSON or .xlsx).
 * Each readiness-record feature registers one bean per list it exports: one for most record types, two for the
 * critical-services type (its services and its systems, each in its own GET shape). The caller's access to the
 * member has been checked before {@link #export} is called; implementations must still scope every query by tenant
 * and member.
 */
public interface RecordExport {
    /** The record type the list belongs to; lists are exported in record-type order, then by {@link #code}. */
    RecordType recordType();

    /** The list's code: the JSON property under {@code records}. The record type's code unless it has two lists. */
    default String code() {
        return recordType().code();
    }

    /** The list's name: the .xlsx sheet and the summary line. The record type's label unless it has two lists. */
    default String label(Labels lang) {
        return recordType().label(lang);
    }

    /**
     * The member's live records exactly as the API's own GET shows them (the same @Serdeable views), in a stable
     * order. In .xlsx every view becomes a row: nested objects flatten to dotted column names, lists join with
     * "; " (a list of objects as one dotted column per field).
     */
    List<?> export(long tenantId, long memberId, Labels lang);
}
