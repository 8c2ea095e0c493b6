package jp.ceptoarhub.records;

import io.micronaut.core.annotation.Nullable;
import jp.ceptoarhub.api.Problems;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Keyset cursor of a delta-sync listing (shared by every readiness record type) that also carries when the listing
 * started, so every page of one listing returns the same {@code syncToken}: the start minus a safety margin, so that
 * a change committed while the listing ran (its updated_at slightly earlier than its commit) is returned again by the
 * next sync rather than lost.
 */
public record SyncCursor(long afterId, Instant startedAt) {
    /** Longer than any write transaction of a record feature, plus clock skew between replicas. */
    public static final Duration MARGIN = Duration.ofSeconds(5);

    /** The first page of a listing that starts now. */
    public static SyncCursor first(Clock clock) {
        return new SyncCursor(0, clock.instant());
    }

    public String encode(long lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("c:" + lastId + ":" + startedAt.toEpochMilli()).getBytes(StandardCharsets.US_ASCII));
    }

    public Instant syncToken() {
        return startedAt.minus(MARGIN);
    }

    /** The cursor a client sent, or (none sent) the first page of a listing that starts now. */
    public static SyncCursor decode(@Nullable String cursor, Clock clock) {
        if (cursor == null || cursor.isBlank()) {
            return first(clock);
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split(":");
            if (parts.length != 3 || !parts[0].equals("c")) {
                throw new IllegalArgumentException();
            }
            long id = Long.parseLong(parts[1]);
            long started = Long.parseLong(parts[2]);
            if (id < 0 || started < 0) {
                throw new IllegalArgumentException();
            }
            return new SyncCursor(id, Instant.ofEpochMilli(started));
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField("cursor", "is not a cursor returned by this API");
        }
    }

    /**
     * The {@code updatedSince} query parameter of a delta sync: null (full listing) when absent, otherwise an
     * ISO-8601 instant or offset date-time (the {@code syncToken} of the previous listing); 400 naming the field.
     */
    @Nullable
    public static Instant updatedSince(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value.strip()).toInstant();
            } catch (DateTimeParseException e2) {
                throw Problems.invalidField("updatedSince", "must be an ISO-8601 instant such as "
                        + "2026-04-01T00:00:00Z (the syncToken of the previous listing)");
            }
        }
    }
}
