package jp.ceptoarhub.records;

import jp.ceptoarhub.caller.CurrentUser;

/**
 * Who may read and change a member's readiness records, as the record lifecycle asks it (implemented by the
 * members feature, which knows the members and the tenant's record policies). Both throw the problem to answer.
 */
public interface RecordAccess {
    /**
     * Reads: the tenant's secretariat for every member, operator users for their own organisation only. National
     * users get 403; any other member id is a 404, so that an id of another tenant or organisation cannot be told
     * apart from one that does not exist.
     */
    void requireRead(CurrentUser user, long memberId, RecordType type);

    /** Writes: as {@link #requireRead}, and 403 for operator staff where the tenant made the type read-only. */
    void requireWrite(CurrentUser user, long memberId, RecordType type);
}
