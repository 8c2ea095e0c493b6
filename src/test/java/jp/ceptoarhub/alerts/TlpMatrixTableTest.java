package jp.ceptoarhub.alerts;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static jp.ceptoarhub.alerts.TlpOracle.Affiliation.CONTRACTOR;
import static jp.ceptoarhub.alerts.TlpOracle.Affiliation.CONTRACTOR_NDA;
import static jp.ceptoarhub.alerts.TlpOracle.Affiliation.STAFF;
import static jp.ceptoarhub.alerts.TlpOracle.Label.AMBER;
import static jp.ceptoarhub.alerts.TlpOracle.Label.AMBER_STRICT;
import static jp.ceptoarhub.alerts.TlpOracle.Label.CLEAR;
import static jp.ceptoarhub.alerts.TlpOracle.Label.GREEN;
import static jp.ceptoarhub.alerts.TlpOracle.Label.RED;
import static jp.ceptoarhub.alerts.TlpOracle.Relation.ADDRESSED;
import static jp.ceptoarhub.alerts.TlpOracle.Relation.NAMED;
import static jp.ceptoarhub.alerts.TlpOracle.Relation.NONE;
import static jp.ceptoarhub.alerts.TlpOracle.Relation.PASSED_ON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expected TLP matrix is the reviewable CSV src/test/resources/alerts/tlp-matrix.csv, generated from
 * {@link TlpOracle}: this test fails when the two differ (regenerate with {@code -Dtlp.matrix.write=true} and review
 * the diff), and checks the oracle against the decisions table cell by cell.
 */
class TlpMatrixTableTest {
    static final Path CSV = Path.of("src", "test", "resources", "alerts", "tlp-matrix.csv");

    static List<String> generated() {
        List<String> lines = new ArrayList<>();
        lines.add(TlpOracle.HEADER);
        TlpOracle.rows().forEach(r -> lines.add(r.csv()));
        return lines;
    }

    @Test
    void theCsvIsTheOraclesMatrix() throws IOException {
        if (Boolean.getBoolean("tlp.matrix.write")) {
            Files.write(CSV, generated(), StandardCharsets.UTF_8);
        }
        assertThat(Files.readAllLines(CSV, StandardCharsets.UTF_8)).containsExactlyElementsOf(generated());
        assertThat(generated()).hasSize(1 + 2 * 5 * 13 * 10 + 2 * 5);
    }

    @Test
    void theOracleIsTheDecisionsTable() {
        // RED: only the named users the sender chose
        assertThat(TlpOracle.canRead(RED, NAMED, STAFF)).isTrue();
        assertThat(TlpOracle.canRead(RED, ADDRESSED, STAFF)).isFalse();
        assertThat(TlpOracle.canRead(RED, PASSED_ON, STAFF)).isFalse();
        // AMBER+STRICT: staff of the addressed organisations, not NDA contractors
        assertThat(TlpOracle.canRead(AMBER_STRICT, ADDRESSED, STAFF)).isTrue();
        assertThat(TlpOracle.canRead(AMBER_STRICT, ADDRESSED, CONTRACTOR_NDA)).isFalse();
        // AMBER: plus contractors under NDA, not without
        assertThat(TlpOracle.canRead(AMBER, ADDRESSED, CONTRACTOR_NDA)).isTrue();
        assertThat(TlpOracle.canRead(AMBER, ADDRESSED, CONTRACTOR)).isFalse();
        // GREEN and CLEAR: every user of the addressed organisations, nobody else
        assertThat(TlpOracle.canRead(GREEN, ADDRESSED, CONTRACTOR)).isTrue();
        assertThat(TlpOracle.canRead(CLEAR, PASSED_ON, CONTRACTOR)).isTrue();
        assertThat(TlpOracle.canRead(CLEAR, NONE, STAFF)).isFalse();
        // only CLEAR is on the public feed; exports stop at the AMBER ceiling
        assertThat(TlpOracle.expected(TlpOracle.Scenario.CEPTOAR_ALERT, CLEAR, TlpOracle.Viewer.ANONYMOUS,
                TlpOracle.Path.ATOM)).isTrue();
        assertThat(TlpOracle.expected(TlpOracle.Scenario.CEPTOAR_ALERT, GREEN, TlpOracle.Viewer.ANONYMOUS,
                TlpOracle.Path.ATOM)).isFalse();
        assertThat(TlpOracle.expected(TlpOracle.Scenario.NISC_PROVISION, AMBER_STRICT, TlpOracle.Viewer.SENDER,
                TlpOracle.Path.STIX)).isFalse();
        assertThat(TlpOracle.expected(TlpOracle.Scenario.NISC_PROVISION, AMBER_STRICT, TlpOracle.Viewer.SENDER,
                TlpOracle.Path.DETAIL)).isTrue();
    }
}
