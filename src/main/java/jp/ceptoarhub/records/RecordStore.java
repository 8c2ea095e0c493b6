package jp.ceptoarhub.records;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The reads the shared lifecycle makes of one record type's table; a record type's repository implements it. Every
 * query is scoped by tenant (and member where one is given); deleted rows are tombstones, returned only where said.
 */
public interface RecordStore<R extends MemberRecord> {
    /** The record in any state (its history stays readable after deletion). */
    Optional<R> find(long tenantId, long memberId, long id);

    /** As {@link #find}, locking the row for the writing transaction (links are checked only once it is held). */
    Optional<R> findForUpdate(long tenantId, long memberId, long id);

    /**
     * One keyset page of a member's records after {@code afterId}. Without {@code since}: the live records. With
     * {@code since}: every record changed at or after it, deleted ones included (they become tombstones).
     */
    List<R> page(long tenantId, long memberId, long afterId, @Nullable Instant since, int limit);

    /** The member's live records, by id. */
    List<R> live(long tenantId, long memberId);

    /** As {@link #live}, locking the rows ("confirm unchanged" must not race an edit). */
    List<R> liveForUpdate(long tenantId, long memberId);

    /** Every record of the tenant, deleted ones included (a deletion is a change), for the freshness dashboard. */
    List<R> allOfTenant(long tenantId);
}
