package jp.ceptoarhub.selfassessment;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jp.ceptoarhub.api.Problems.FieldError;
import jp.ceptoarhub.selfassessment.ImplementationRule.Status;
import jp.ceptoarhub.testing.TestStack;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Existing data survives issue 10's migrations: a database written by the code before them (the fixture
 * fixtures/v11-self-assessment-and-members.sql, captured through that code's API) is migrated from V11 to the
 * latest version in a database of its own on the test MariaDB; then every current and every frozen answer is valid
 * or explained under the new rules, keeps its text, and gets the implementation status its question's rule gives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataMigrationTest {
    private static final AssessmentCatalogue CATALOGUE = new AssessmentCatalogue(ObjectMapper.getDefault());
    private String url;
    private String user;
    private String password;
    private final Map<Long, Map<String, String>> answersBefore = new HashMap<>();
    private final Map<Long, Map<String, String>> snapshotsBefore = new HashMap<>();
    private final Map<Long, Long> revisionsBefore = new HashMap<>();

    @BeforeAll
    void migrateTheOldDatabase() throws Exception {
        Map<String, Object> p = TestStack.get().serviceProperties();
        String base = (String) p.get("datasources.default.url");
        user = (String) p.get("datasources.default.username");
        password = (String) p.get("datasources.default.password");
        String database = "migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection c = DriverManager.getConnection(base, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        url = base.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        flyway("11").migrate();
        String fixture;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream(
                "/fixtures/v11-self-assessment-and-members.sql"))) {
            fixture = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = connection(); Statement s = c.createStatement()) {
            for (String line : fixture.split("\n")) {
                if (line.startsWith("INSERT")) {
                    s.execute(line);
                }
            }
        }
        answersBefore.putAll(rows("SELECT * FROM self_assessment_answer"));
        snapshotsBefore.putAll(rows("SELECT * FROM self_assessment_snapshot_answer"));
        assertThat(answersBefore).hasSize(15);
        assertThat(snapshotsBefore).hasSize(25);
        revisionsBefore.putAll(revisions());
        flyway("latest").migrate();
    }

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target(target)
                .load();
    }

    @Test
    void freeTextAnswersBecomeTheUnlistedOptionWithTheirTextAndEverythingElseIsUntouched() throws Exception {
        Map<Long, Map<String, String>> after = rows("SELECT * FROM self_assessment_answer");
        assertThat(after.keySet()).isEqualTo(answersBefore.keySet());
        int converted = 0;
        for (var e : after.entrySet()) {
            Map<String, String> was = answersBefore.get(e.getKey());
            Map<String, String> now = e.getValue();
            assertThat(now.get("other_text")).isEqualTo(was.get("other_text"));
            assertThat(now.get("notes")).isEqualTo(was.get("notes"));
            assertThat(now.get("updated_at")).as("freshness untouched").isEqualTo(was.get("updated_at"));
            assertThat(now.get("deleted_at")).isEqualTo(was.get("deleted_at"));
            boolean freeText = "[]".equals(was.get("option_ids")) && was.get("other_text") != null
                    && CATALOGUE.question(was.get("question_id")).orElseThrow().choice();
            if (freeText) {
                converted++;
                assertThat(now.get("option_ids")).isEqualTo("[\"unlisted\"]");
                assertThat(now.get("legacy_option_ids")).isEqualTo("[]");
                assertThat(Long.parseLong(now.get("version"))).isEqualTo(Long.parseLong(was.get("version")) + 1);
            } else {
                assertThat(now.get("option_ids")).isEqualTo(was.get("option_ids"));
                assertThat(now.get("legacy_option_ids")).isNull();
                assertThat(now.get("version")).isEqualTo(was.get("version"));
            }
        }
        assertThat(converted).isEqualTo(6); // backup, asset (特になし), 設問13, a cleared answer; member 2's two
        // the history says what happened, after the answers' own entries
        assertThat(count("SELECT COUNT(*) FROM record_change WHERE change_type = 'MIGRATED' AND record_type = "
                + "'self-assessment' AND before_json = '{\"optionIds\":[]}' AND after_json = '{\"optionIds\":[\"unlisted\"]}'"))
                .isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM record_change m WHERE m.change_type = 'MIGRATED' AND m.seq <> (SELECT "
                + "MAX(r.seq) FROM record_change r WHERE r.record_type = m.record_type AND r.record_id = m.record_id)"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM record_change r JOIN self_assessment_answer a ON a.id = r.record_id "
                + "WHERE r.change_type = 'MIGRATED' AND a.question_id = 'q.org.backup' AND r.seq = 4")).isEqualTo(1);
        // the answer sets' ETags change with the versions (both members had a free-text answer)
        Map<Long, Long> revisions = revisions();
        assertThat(revisions).hasSize(2);
        revisions.forEach((member, revision) -> assertThat(revision).isEqualTo(revisionsBefore.get(member) + 1));
    }

    @Test
    void frozenSnapshotsKeepTheirContentInTheNewForm() throws Exception {
        Map<Long, Map<String, String>> after = rows("SELECT * FROM self_assessment_snapshot_answer");
        assertThat(after.keySet()).isEqualTo(snapshotsBefore.keySet());
        int converted = 0;
        for (var e : after.entrySet()) {
            Map<String, String> was = snapshotsBefore.get(e.getKey());
            Map<String, String> now = e.getValue();
            for (String column : List.of("submission_id", "round", "question_id", "other_text", "notes",
                    "answer_version", "answered_at", "answered_by")) {
                assertThat(now.get(column)).as(column).isEqualTo(was.get(column));
            }
            if (!now.get("option_ids").equals(was.get("option_ids"))) {
                converted++;
                assertThat(now.get("option_ids")).isEqualTo("[\"unlisted\"]");
                assertThat(now.get("legacy_option_ids")).isEqualTo(was.get("option_ids"));
            }
            assertThat(now.get("text_coding")).isNull();
        }
        assertThat(converted).isEqualTo(8);
        assertThat(count("SELECT COUNT(*) FROM self_assessment_submission")).isEqualTo(2);
    }

    @Test
    void everyMigratedAnswerIsValidAndGetsItsQuestionsImplementationStatus() throws Exception {
        AssessmentRules rules = new AssessmentRules(CATALOGUE);
        Map<String, Status> live = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        for (Map<String, String> a : rows("SELECT * FROM self_assessment_answer WHERE deleted_at IS NULL "
                + "AND member_operator_id = 1").values()) {
            var q = CATALOGUE.question(a.get("question_id")).orElseThrow();
            List<String> ids = ids(a.get("option_ids"));
            List<FieldError> errors = rules.validate("", q, ids, a.get("other_text"), a.get("notes"), new ArrayList<>());
            errors.forEach(e -> refused.add(q.displayNumber() + " " + e.field() + " " + e.message()));
            live.put(q.displayNumber(), CATALOGUE.implementation(q.id(), ids, a.get("other_text"), null, null));
        }
        // the only answer the new rules would refuse if sent again is 「特になし」 typed as a measure: it stays
        // readable, counts as not implemented, and the member is told to choose 「実施している取組はない」 instead
        assertThat(refused).singleElement().asString().startsWith("設問37 otherText 「特になし」 says that nothing is done");
        assertThat(live).containsEntry("設問11", Status.IMPLEMENTED)          // board-and-internal
                .containsEntry("設問9", Status.IMPLEMENTED)                    // csirt
                .containsEntry("設問12", Status.IMPLEMENTED)                   // その他: 脆弱性診断を年1回実施 (was: not)
                .containsEntry("設問29", Status.IMPLEMENTED)
                .containsEntry("設問40", Status.IMPLEMENTED)                   // backup, in its own words
                .containsEntry("設問37", Status.NOT_IMPLEMENTED)               // 特になし
                .containsEntry("設問13", Status.PENDING_CODING)                // single choice: the text waits for coding
                .containsEntry("設問26", Status.IMPLEMENTED)
                .containsEntry("設問2", Status.PENDING_CODING)                 // 「方針自体を策定していない」 is not counted
                .containsEntry("設問27", Status.IMPLEMENTED)
                .containsEntry("設問61", Status.NOT_SCORED);
        // frozen answers are evaluated the same way, from the snapshot row alone
        Map<String, Status> frozen = new LinkedHashMap<>();
        for (Map<String, String> a : rows("SELECT * FROM self_assessment_snapshot_answer WHERE submission_id = 2")
                .values()) {
            frozen.put(a.get("question_id"), CATALOGUE.implementation(a.get("question_id"), ids(a.get("option_ids")),
                    a.get("other_text"), null, null));
        }
        assertThat(frozen).containsEntry("q.org.vulnerability-management", Status.IMPLEMENTED)
                .containsEntry("q.risk.risk-assessment-regular", Status.PENDING_CODING)
                .containsEntry("q.governance.security-evaluation", Status.NOT_IMPLEMENTED); // その他: 特になし
    }

    @Test
    void localGovernmentsGetTheNoneOfTheseCapitalBandAndKeepTheOldOne() throws Exception {
        Map<Long, Map<String, String>> members = rows("SELECT * FROM member_operator");
        assertThat(members.get(1L)).containsEntry("capital_band", null).containsEntry("capital_band_before_v42", null)
                .containsEntry("version", "0");
        assertThat(members.get(2L)).containsEntry("capital_band", "none-of-these")
                .containsEntry("capital_band_before_v42", "under-50m").containsEntry("version", "1");
        assertThat(members.get(3L)).containsEntry("capital_band", "none-of-these")
                .containsEntry("capital_band_before_v42", null).containsEntry("version", "1");
        assertThat(members.get(4L)).containsEntry("capital_band", "none-of-these")
                .containsEntry("capital_band_before_v42", "300m-or-more");
        // reference data added beside the applied V2
        assertThat(count("SELECT COUNT(*) FROM tlp_level WHERE source_note_ja IS NOT NULL")).isEqualTo(5);
    }

    private Map<Long, Long> revisions() throws SQLException {
        Map<Long, Long> out = new HashMap<>();
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT member_operator_id, revision FROM self_assessment_answer_set")) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return out;
    }

    private static List<String> ids(String json) throws IOException {
        return ObjectMapper.getDefault().readValue(json, Argument.listOf(String.class));
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private long count(String sql) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every row by its id, every column as a string. */
    private Map<Long, Map<String, String>> rows(String sql) throws SQLException {
        Map<Long, Map<String, String>> out = new LinkedHashMap<>();
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Map<String, String> row = new HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                }
                out.put(rs.getLong("id"), row);
            }
        }
        return out;
    }
}
