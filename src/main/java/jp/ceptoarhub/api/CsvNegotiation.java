package jp.ceptoarhub.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;

/**
 * Whether a download that can be JSON or CSV is asked for as CSV: {@code format=csv|json} overrides the
 * {@code Accept} header, in which the first of {@code text/csv} and {@code application/json} wins (JSON when
 * neither is named). Any other {@code format} is a 400 naming the field.
 */
public final class CsvNegotiation {
    public static final String CSV = "text/csv";

    private CsvNegotiation() {
    }

    public static boolean wantsCsv(HttpRequest<?> request, @Nullable String format) {
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            throw Problems.invalidField("format", "must be csv or json");
        }
        if (format != null) {
            return format.equals("csv");
        }
        for (MediaType accepted : request.accept()) {
            if (accepted.getName().equals(CSV)) {
                return true;
            }
            if (accepted.getName().equals(MediaType.APPLICATION_JSON)) {
                return false;
            }
        }
        return false;
    }
}
