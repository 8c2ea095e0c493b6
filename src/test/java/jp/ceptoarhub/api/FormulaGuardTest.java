package jp.ceptoarhub.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The formula guard of the exports (OWASP CSV injection) and its removal on import. */
class FormulaGuardTest {

    @Test
    void everyCellAFormulaCouldStartWithIsGuarded() {
        for (String formula : List.of("=1+1", "+81-3-1234-5678", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "\t=1",
                "\r=1", "＝１＋１", "＋81", "－1", "＠SUM(A1)", "=", "-")) {
            assertThat(FormulaGuard.guard(formula)).as(formula).isEqualTo("'" + formula);
        }
        for (String text : List.of("", "山田 太郎", "03-1234-5678", "1-2", "yamada@example.jp", " =1")) {
            assertThat(FormulaGuard.guard(text)).as(text).isEqualTo(text);
        }
        assertThat(FormulaGuard.guard("'quoted'")).isEqualTo("''quoted'");
    }

    @Test
    void theImportUndoesExactlyTheGuard() {
        for (String value : List.of("", "=HYPERLINK(\"http://evil.example/\",\"x\")", "+81-3-1234-5678",
                "-2+3+cmd|' /C calc'!A0", "'", "''", "'=1", "''=1", "'quoted'", "plain", "＋81", "\t")) {
            assertThat(FormulaGuard.unguard(FormulaGuard.guard(value))).as(value).isEqualTo(value);
        }
        // What a person typed keeps its apostrophe unless it guards a formula, as a spreadsheet shows it.
        assertThat(FormulaGuard.unguard("'Rock 'n' roll")).isEqualTo("'Rock 'n' roll");
        assertThat(FormulaGuard.unguard("'+81-3-1234-5678")).isEqualTo("+81-3-1234-5678");
    }
}
