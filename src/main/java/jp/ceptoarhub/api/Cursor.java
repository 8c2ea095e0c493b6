package jp.ceptoarhub.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Opaque keyset cursors: the client gets back what it was given, and the server continues after the last id it
 * returned. Keyset (not offset) so that rows inserted during paging neither repeat nor vanish.
 */
public final class Cursor {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private Cursor() {
    }

    public static String encode(long lastId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("id:" + lastId).getBytes(StandardCharsets.US_ASCII));
    }

    /** The id after which the next page starts; 0 for the first page. */
    public static long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0L;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!raw.startsWith("id:")) {
                throw new IllegalArgumentException();
            }
            long id = Long.parseLong(raw.substring(3));
            if (id < 0) {
                throw new IllegalArgumentException();
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField("cursor", "is not a cursor returned by this API");
        }
    }

    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw Problems.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }

    /** Builds a page from {@code limit + 1} fetched rows. */
    public static <T> Page<T> page(List<T> rowsPlusOne, int limit, ToLongFunction<T> id) {
        if (rowsPlusOne.size() > limit) {
            List<T> items = rowsPlusOne.subList(0, limit);
            return new Page<>(List.copyOf(items), encode(id.applyAsLong(items.getLast())));
        }
        return new Page<>(List.copyOf(rowsPlusOne), null);
    }
}
