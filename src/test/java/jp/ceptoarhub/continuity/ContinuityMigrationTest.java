package jp.ceptoarhub.continuity;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.ceptoarhub.continuity.PlanCodes.LegacyStatus;
import jp.ceptoarhub.continuity.PlanCodes.PlanType;
import jp.ceptoarhub.devstack.EmbeddedMariaDb;
import jp.ceptoarhub.testing.LegacyDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static jp.ceptoarhub.testing.LegacyDatabase.load;
import static jp.ceptoarhub.testing.LegacyDatabase.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * V30 gives every continuity plan a status of its own and keeps the 設問27/28 option it had beside it. The database
 * migrated here was written by the code of the commit before the change (259c8ac), through its API: every plan type
 * with every status it accepted, with and without cyber coverage (the contradictions it let through included),
 * edits, a deletion and a confirmation (fixtures and capture program in src/test/resources/legacy). It is loaded
 * into a schema built by every migration of that commit, migrated to the head (V30 is numbered below the V40–V42 the
 * schema already has, so Flyway runs it out of order), then served by the current code.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class ContinuityMigrationTest {
    private static final String KEPT = "tenant_id, member_operator_id, plan_type, last_reviewed_on, last_exercised_on, "
            + "next_review_due, owner_name, owner_role, scope_notes, escalates_to_plan_id, created_at, updated_at, "
            + "deleted_at";
    private static final String HISTORY = "id, tenant_id, record_type, record_id, member_operator_id, seq, "
            + "changed_at, actor_subject, actor_name, change_type, before_json, after_json";

    @Test
    void everyPlanKeepsItsOldStatusBesideAStatusOfItsOwnAndReadsTheSameOtherwise() throws Exception {
        try (LegacyDatabase legacy = new LegacyDatabase()) {
            Flyway.configure().dataSource(legacy.url(), EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD)
                    .locations("filesystem:" + migrationsOfTheCommitBefore()).load().migrate();
            try (Connection db = legacy.connect()) {
                load(db, "/legacy/v42-continuity-plans.sql");
                List<List<String>> before = rows(db, "SELECT id, status, cyber_scenarios_covered, version, " + KEPT
                        + " FROM continuity_plan ORDER BY id");
                List<List<String>> history = rows(db, "SELECT " + HISTORY + " FROM record_change ORDER BY id");
                // the fixture holds every status of every type, a contingency plan of each status with every coverage
                assertThat(before).extracting(r -> r.get(6) + "/" + r.get(1)).contains("RECOVERY_PLAN/bcp-only",
                        "IT_BCP/bcp-recovery-in-progress", "BCP/bcp-considering-or-drafting", "RECOVERY_PLAN/no-plan");
                assertThat(before.stream().map(r -> r.get(6) + "/" + r.get(1)).distinct()).hasSize(19);
                assertThat(before).extracting(r -> r.get(1) + "/" + r.get(2))
                        .contains("with-cyber/null", "with-cyber/NO", "without-cyber/null", "without-cyber/YES");

                // The service itself migrates, as an installation at V42 would be upgraded: V30 runs out of order
                // because the service's Flyway settings allow it.
                try (ApplicationContext upgrade = ApplicationContext.run(legacy.serviceProperties())) {
                    assertThat(upgrade.isRunning()).isTrue();
                }

                List<List<String>> after = rows(db, "SELECT id, status_before_v30, status, cyber_scenarios_covered, "
                        + "version, " + KEPT + " FROM continuity_plan ORDER BY id");
                assertThat(after).hasSameSizeAs(before);
                int live = 0;
                for (int i = 0; i < before.size(); i++) {
                    List<String> old = before.get(i);
                    List<String> now = after.get(i);
                    String id = old.getFirst();
                    LegacyStatus expected = LegacyStatus.of(PlanType.valueOf(old.get(6)), old.get(1)).orElseThrow();
                    assertThat(now.get(1)).as("status_before_v30 of " + id).isEqualTo(old.get(1));
                    assertThat(now.get(2)).as("status of " + id).isEqualTo(expected.status().code());
                    String cyber = old.get(2) != null ? old.get(2)
                            : expected.cyber() == null ? null : expected.cyber().code();
                    assertThat(now.get(3)).as("coverage of " + id).isEqualTo(cyber);
                    boolean deleted = old.getLast() != null;
                    live += deleted ? 0 : 1;
                    assertThat(Long.parseLong(now.get(4))).as("version of " + id)
                            .isEqualTo(Long.parseLong(old.get(3)) + (deleted ? 0 : 1));
                    assertThat(now.subList(5, now.size())).as("fields of " + id).isEqualTo(old.subList(4, old.size()));
                }
                // the history is kept and every live plan gets one MIGRATED entry saying what changed
                List<List<String>> entries = rows(db, "SELECT " + HISTORY + " FROM record_change ORDER BY id");
                assertThat(entries.subList(0, history.size())).isEqualTo(history);
                List<List<String>> migrated = entries.subList(history.size(), entries.size());
                assertThat(migrated).hasSize(live);
                assertThat(migrated).allSatisfy(e -> assertThat(e.subList(7, 10))
                        .containsExactly(null, "V30 plan statuses of their own", "MIGRATED"));
                assertThat(rows(db, "SELECT COUNT(*) FROM record_change r JOIN continuity_plan p ON p.id = r.record_id "
                        + "WHERE r.change_type = 'MIGRATED' AND JSON_VALUE(r.before_json, '$.status') = p.status_before_v30 "
                        + "AND JSON_VALUE(r.after_json, '$.status') = p.status")).containsExactly(List.of(
                        String.valueOf(live)));
            }
            servedByTheCurrentCode(legacy);
        }
    }

    /** The migrated database behind the current service: the same plans, with a status of their own. */
    private void servedByTheCurrentCode(LegacyDatabase legacy) throws Exception {
        try (ApplicationContext context = ApplicationContext.run(legacy.serviceProperties());
             EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
             HttpClient client = HttpClient.create(server.getURL())) {
            JsonMapper json = context.getBean(JsonMapper.class);
            Map captured = json.readValue(LegacyDatabase.resource("/legacy/v42-continuity-responses.json"), Map.class);
            String token = legacy.secretariatOf(context, ((Number) captured.get("tenantId")).longValue(),
                    (String) captured.get("realmName"));
            BlockingHttpClient http = client.toBlocking();
            List<String> changedByV30 = List.of("status", "statusLabel", "inPlace", "version", "cyberScenariosCovered",
                    "cyberScenariosCoveredLabel", "legacyStatus", "legacyStatusLabel", "reviewOverdue", "planTypeLabel");
            int recoveryPlansSayingNone = 0;
            for (Map record : (List<Map>) captured.get("plans")) {
                String path = (String) record.get("path");
                Map old = (Map) record.get("plan");
                Map now = read(json, http, path, token);
                assertThat(without(now, changedByV30)).as(path).isEqualTo(without(old, changedByV30));
                assertThat(now.get("planTypeLabel")).as(path).isEqualTo("RECOVERY_PLAN".equals(old.get("planType"))
                        ? "事業復旧計画" : old.get("planTypeLabel")); // was 復旧計画, not the survey's name
                assertThat(now.get("legacyStatus")).as(path).isEqualTo(old.get("status"));
                assertThat(now.get("legacyStatusLabel")).as(path).isEqualTo(old.get("statusLabel"));
                assertThat(now.get("inPlace")).as(path).isEqualTo("DRAFTED".equals(now.get("status")));
                assertThat(((Number) now.get("version")).longValue())
                        .isEqualTo(((Number) old.get("version")).longValue() + 1);
                if ("RECOVERY_PLAN".equals(old.get("planType")) && "bcp-only".equals(old.get("status"))) {
                    // 「…事業復旧計画は策定していない。」 was reported as in place; it is not
                    assertThat(old.get("inPlace")).isEqualTo(true);
                    assertThat(now.get("inPlace")).isEqualTo(false);
                    assertThat(now.get("status")).isEqualTo("NOT_DRAFTED");
                    recoveryPlansSayingNone++;
                }
                List<Map> oldHistory = (List<Map>) ((Map) record.get("history")).get("items");
                List<Map> newHistory = (List<Map>) read(json, http, path + "/history?limit=200", token).get("items");
                assertThat(newHistory.subList(0, oldHistory.size())).as(path).isEqualTo(oldHistory);
                Map entry = newHistory.getLast();
                assertThat(newHistory).hasSize(oldHistory.size() + 1);
                assertThat(entry).containsEntry("changeType", "MIGRATED")
                        .containsEntry("actorName", "V30 plan statuses of their own");
                assertThat((Map) entry.get("before")).containsEntry("status", old.get("status"));
                assertThat((Map) entry.get("after")).containsEntry("status", now.get("status"));
            }
            assertThat(recoveryPlansSayingNone).isEqualTo(2);

            // member 2's plans answer 設問28 with bcp-only: a BCP and a 事業復旧計画 that is not drafted
            Map prefills = read(json, http, "/api/v1/members/2/self-assessment/prefills", token);
            assertThat((List<Map>) prefills.get("items")).anySatisfy(p -> {
                assertThat(p.get("questionId")).isEqualTo("q.risk.business-continuity-plan");
                assertThat(p.get("optionIds")).isEqualTo(List.of("bcp-only"));
            });

            // the dashboard sees the same last change and confirmation (the migration is not a change by the member)
            assertThat(states(read(json, http, "/api/v1/members/freshness", token)))
                    .isEqualTo(states((Map) captured.get("freshness")));
        }
    }

    /**
     * Every migration of the commit before this change: the project's migrations without V30–V34, copied to a
     * directory of their own (Flyway cannot leave out versions below its target).
     */
    private static Path migrationsOfTheCommitBefore() throws IOException, URISyntaxException {
        Path source = Path.of(Objects.requireNonNull(ContinuityMigrationTest.class.getClassLoader()
                .getResource("db/migration")).toURI());
        Path target = Files.createTempDirectory("migrations-before-v30");
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
                if (!f.getFileName().toString().matches("V3[0-4]__.*")) {
                    Files.copy(f, target.resolve(f.getFileName()));
                }
            }
        }
        return target;
    }

    private static Map without(Map plan, List<String> keys) {
        Map out = new HashMap(plan);
        out.keySet().removeAll(keys);
        return out;
    }

    /** The continuity-plans state per member without what depends on today's date. */
    private static Map<Object, Map> states(Map dashboard) {
        Map<Object, Map> out = new HashMap<>();
        for (Map row : (List<Map>) dashboard.get("items")) {
            for (Map state : (List<Map>) row.get("records")) {
                if ("continuity-plans".equals(state.get("recordType"))) {
                    out.put(row.get("memberId"), without(state, List.of("status", "stale", "complete")));
                }
            }
        }
        assertThat(out).hasSize(2);
        return out;
    }

    private static Map read(JsonMapper json, BlockingHttpClient http, String path, String token) throws IOException {
        String body = http.retrieve(HttpRequest.GET(path).bearerAuth(token).header("Accept-Language", "ja"),
                String.class);
        return json.readValue(body.getBytes(StandardCharsets.UTF_8), Argument.of(Map.class));
    }
}
