package jp.ceptoarhub.records;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * A readiness record of a member operator as the shared lifecycle sees it: a row of its type's table with the
 * bookkeeping columns every such table has. Deletion is a tombstone ({@code deletedAt} set and {@code updatedAt =
 * deletedAt}) so that phones learn of it through delta sync.
 */
public interface MemberRecord {
    Long id();

    Long memberOperatorId();

    Instant updatedAt();

    @Nullable
    Instant deletedAt();

    /** The row version (optimistic concurrency); the ETag is derived from it. */
    @Nullable
    Long version();

    default boolean deleted() {
        return deletedAt() != null;
    }

    default long versionOrZero() {
        return version() == null ? 0 : version();
    }
}
