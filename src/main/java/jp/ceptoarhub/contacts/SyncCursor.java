package jp.ceptoarhub.contacts;

import jp.ceptoarhub.api.Problems;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Keyset cursor of a (delta) listing that also carries when the listing started, so every page of one listing
 * returns the same {@code syncToken}: the start minus a safety margin, so that a change committed while the listing
 * ran (its updated_at slightly earlier than its commit) is returned again by the next sync rather than lost.
 */
record SyncCursor(long afterId, Instant startedAt) {
    /** Longer than any write transaction of this feature, plus clock skew between replicas. */
    static final java.time.Duration MARGIN = java.time.Duration.ofSeconds(5);

    static SyncCursor first() {
        return new SyncCursor(0, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    String encode(long lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("c:" + lastId + ":" + startedAt.toEpochMilli()).getBytes(StandardCharsets.US_ASCII));
    }

    Instant syncToken() {
        return startedAt.minus(MARGIN);
    }

    static SyncCursor decode(String cursor) {
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
