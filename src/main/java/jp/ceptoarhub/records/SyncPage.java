package jp.ceptoarhub.records;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * A page of a delta-sync listing (the {@code …Page} schemas of the record types): without {@code updatedSince} the
 * live records, with it every record changed since, deleted ones as tombstones. {@code syncToken} is the same on
 * every page of one listing; the client sends it as {@code updatedSince} next time.
 */
@Serdeable
public record SyncPage<T>(List<T> items, @Nullable String nextCursor, String syncToken, Instant serverTime) {

    /** The same page with each item turned into its view. */
    public <V> SyncPage<V> map(Function<T, V> view) {
        return views(items.stream().map(view).toList());
    }

    /** The same page with the given views of its items, in order (for views built a page at a time). */
    public <V> SyncPage<V> views(List<V> views) {
        return new SyncPage<>(views, nextCursor, syncToken, serverTime);
    }
}
