package jp.ceptoarhub.records;

import jp.ceptoarhub.api.Problems;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Keyset cursor of a delta-sync listing (shared by every readiness record type) that also carries when the listing
 * started, so every page of one listing returns the same {@code syncToken}: the start minus a safety margin, so that
 * a change committed while the listing ran (its updated_at slightly earlier than its commit) is returned again by the
 * next sync rather than lost.
 */
public record SyncCursor(long afterId, Instant startedAt) {
    /** Longer than any write transaction of a record feature, plus clock skew between replicas. */
    public static final java.time.Duration MARGIN = java.time.Duration.ofSeconds(5);

    public static SyncCursor first() {
        return new SyncCursor(0, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    public String encode(long lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("c:" + lastId + ":" + startedAt.toEpochMilli()).getBytes(StandardCharsets.US_ASCII));
    }

    public Instant syncToken() {
        return startedAt.minus(MARGIN);
    }

    public static SyncCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return first();
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
}
