package jp.ceptoarhub.api;

import io.micronaut.http.HttpRequest;

/**
 * Optimistic concurrency for mobile clients: every versioned resource is served with a weak ETag derived from its
 * row version; updates must send it back in If-Match (428 when missing, 412 when stale).
 */
public final class ETags {
    private ETags() {
    }

    public static String of(String resource, long id, long version) {
        return "W/\"" + resource + "-" + id + "-v" + version + "\"";
    }

    /** Returns normally only if the request's If-Match names the current version. */
    public static void requireMatch(HttpRequest<?> request, String currentEtag) {
        String ifMatch = request.getHeaders().get("If-Match");
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.preconditionRequired();
        }
        String current = strip(currentEtag);
        for (String candidate : ifMatch.split(",")) {
            String c = strip(candidate.trim());
            if (c.equals("*") || c.equals(current)) {
                return;
            }
        }
        throw Problems.preconditionFailed(currentEtag);
    }

    private static String strip(String tag) {
        String t = tag.startsWith("W/") ? tag.substring(2) : tag;
        return t;
    }
}
