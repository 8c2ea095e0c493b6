package jp.ceptoarhub.api;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * RFC 4180 CSV for downloads people open in Excel: a UTF-8 BOM so that Japanese text shows correctly, CRLF line
 * ends, and every cell through {@link FormulaGuard} (CSV injection).
 */
public final class CsvText {
    public static final String MEDIA_TYPE = "text/csv";

    private final StringBuilder sb = new StringBuilder("\uFEFF");

    public CsvText row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = FormulaGuard.guard(cells.get(i) == null ? "" : cells.get(i));
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                c = "\"" + c.replace("\"", "\"\"") + "\"";
            }
            sb.append(c);
        }
        sb.append("\r\n");
        return this;
    }

    /** An empty cell for null. */
    public static String cell(@Nullable Object o) {
        return o == null ? "" : o.toString();
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
