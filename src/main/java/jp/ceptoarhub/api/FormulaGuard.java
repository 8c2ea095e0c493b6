package jp.ceptoarhub.api;

/**
 * Guard against spreadsheet formula injection ("CSV injection", OWASP): every exported text cell that a spreadsheet
 * could take for a formula — one beginning with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return, or with the full-width {@code ＝＋－＠} that Japanese input turns into the same — is written with a leading
 * apostrophe, so it is shown as text and never evaluated ({@code -2+3+cmd|' /C calc'!A0} included).
 *
 * Every CSV download goes through it ({@link CsvText}), and so do the members' .xlsx exports.
 *
 * <p>The guard is reversible: the bulk import removes it ({@link #unguard}), so a value written by an export — a
 * phone number such as {@code +81-3-1234-5678} — comes back unchanged. A value that itself begins with an apostrophe
 * gets a second one, so that the round trip is exact for every value.
 */
public final class FormulaGuard {
    private static final String TRIGGERS = "=+-@\t\r＝＋－＠";

    private FormulaGuard() {
    }

    /** The cell text to write for {@code value}. */
    public static String guard(String value) {
        return needsGuard(value, 0) || value.startsWith("'") ? "'" + value : value;
    }

    /** The value of a cell read on import: one leading apostrophe before what {@link #guard} protects is dropped. */
    public static String unguard(String cell) {
        return cell.startsWith("'") && (needsGuard(cell, 1) || cell.startsWith("''")) ? cell.substring(1) : cell;
    }

    private static boolean needsGuard(String s, int at) {
        return s.length() > at && TRIGGERS.indexOf(s.charAt(at)) >= 0;
    }
}
