package jp.ceptoarhub.records;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.ceptoarhub.testing.LegacyDatabase;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static jp.ceptoarhub.testing.LegacyDatabase.load;
import static jp.ceptoarhub.testing.LegacyDatabase.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * V12 moves the legacy history and confirmations of contacts (V5) and continuity plans (V6) into the shared tables.
 * The database migrated here was written by the code of the commit before the change, through its API (fixtures in
 * src/test/resources/legacy, see its README): loaded into a fresh schema at V11, migrated to the head, then served
 * by the current code. Every legacy row must reappear unchanged in the shared tables, and the API must answer the
 * same history and freshness as before; the only documented difference is the schema name of the history page
 * (RecordHistoryPage, CHANGELOG 0.2.0), which changes nothing in the JSON.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class LegacyHistoryMigrationTest {
    private static final String HISTORY_COLUMNS = "tenant_id, member_operator_id, seq, changed_at, actor_subject, "
            + "actor_name, change_type, before_json, after_json";
    private static final String CONFIRMATION_COLUMNS = "tenant_id, member_operator_id, confirmed_at, confirmed_by, "
            + "confirmed_by_subject";

    @Test
    void historyWrittenByTheLegacyCodeSurvivesTheMigrationAndReadsTheSameThroughTheApi() throws Exception {
        try (LegacyDatabase legacy = new LegacyDatabase()) {
            legacy.flyway().target(MigrationVersion.fromVersion("11")).load().migrate();
            try (Connection db = legacy.connect()) {
                load(db, "/legacy/v11-legacy-records.sql");
                List<List<String>> contactChanges = rows(db, "SELECT contact_id, " + HISTORY_COLUMNS
                        + " FROM contact_change ORDER BY id");
                List<List<String>> planChanges = rows(db, "SELECT plan_id, " + HISTORY_COLUMNS
                        + " FROM continuity_plan_change ORDER BY id");
                List<List<String>> contactConfirmations = rows(db, "SELECT " + CONFIRMATION_COLUMNS
                        + " FROM contact_list_confirmation ORDER BY member_operator_id");
                List<List<String>> planConfirmations = rows(db, "SELECT " + CONFIRMATION_COLUMNS
                        + " FROM continuity_plan_confirmation ORDER BY member_operator_id");
                assertThat(contactChanges).extracting(r -> r.get(7))
                        .contains("CREATED", "UPDATED", "DELETED", "CONFIRMED");
                assertThat(planChanges).extracting(r -> r.get(7))
                        .contains("CREATED", "UPDATED", "DELETED", "CONFIRMED");

                // V12 only: later migrations (V30 rewrites plan statuses) have tests of their own
                legacy.flyway().target(MigrationVersion.fromVersion("12")).load().migrate();

                assertThat(rows(db, "SELECT record_id, " + HISTORY_COLUMNS + " FROM record_change "
                        + "WHERE record_type = 'contacts' ORDER BY id")).isEqualTo(contactChanges);
                assertThat(rows(db, "SELECT record_id, " + HISTORY_COLUMNS + " FROM record_change "
                        + "WHERE record_type = 'continuity-plans' ORDER BY id")).isEqualTo(planChanges);
                assertThat(rows(db, "SELECT " + CONFIRMATION_COLUMNS + " FROM record_confirmation "
                        + "WHERE record_type = 'contacts' ORDER BY member_operator_id")).isEqualTo(contactConfirmations);
                assertThat(rows(db, "SELECT " + CONFIRMATION_COLUMNS + " FROM record_confirmation "
                        + "WHERE record_type = 'continuity-plans' ORDER BY member_operator_id"))
                        .isEqualTo(planConfirmations);
                assertThat(rows(db, "SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                        + legacy.schema() + "' AND table_name IN ('contact_change', 'contact_list_confirmation', "
                        + "'continuity_plan_change', 'continuity_plan_confirmation')")).isEmpty();
            }
            legacy.flyway().load().migrate();
            servedByTheCurrentCode(legacy);
        }
    }

    /** The migrated database behind the current service: the same answers as the legacy code gave. */
    private void servedByTheCurrentCode(LegacyDatabase database) throws Exception {
        try (ApplicationContext context = ApplicationContext.run(database.serviceProperties());
             EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
             HttpClient client = HttpClient.create(server.getURL())) {
            JsonMapper json = context.getBean(JsonMapper.class);
            Map before = json.readValue(LegacyDatabase.resource("/legacy/v11-legacy-responses.json"), Map.class);
            long tenantId = ((Number) before.get("tenantId")).longValue();
            String token = database.secretariatOf(context, tenantId, (String) before.get("realmName"));
            BlockingHttpClient http = client.toBlocking();

            for (Map history : (List<Map>) before.get("histories")) {
                String path = (String) history.get("path");
                Map legacy = (Map) history.get("response");
                assertThat(withoutV30(read(json, http, path + "?limit=200", token))).as(path).isEqualTo(legacy);
                List<Object> paged = new ArrayList<>();
                String cursor = null;
                do {
                    Map page = read(json, http, path + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), token);
                    paged.addAll((List) page.get("items"));
                    cursor = (String) page.get("nextCursor");
                } while (cursor != null);
                assertThat(paged.subList(0, ((List) legacy.get("items")).size())).as(path + ", two entries a page")
                        .isEqualTo(legacy.get("items"));
            }

            // the same last change, last confirmation and completeness (status and stale depend on today's date)
            Map<String, Map> freshness = states(read(json, http, "/api/v1/members/freshness", token));
            assertThat(freshness).isEqualTo(states((Map) before.get("freshness")));

            // the shared history goes on where the legacy one stopped
            String contact = "/api/v1/members/1/contacts/1";
            int lastSeq = ((Number) ((List<Map>) read(json, http, contact + "/history", token).get("items")).getLast()
                    .get("seq")).intValue();
            http.exchange(HttpRequest.POST("/api/v1/members/1/contacts/confirm", Map.of()).bearerAuth(token));
            Map confirmed = ((List<Map>) read(json, http, contact + "/history", token).get("items")).getLast();
            assertThat(confirmed).containsEntry("changeType", "CONFIRMED").containsEntry("seq", lastSeq + 1);
        }
    }

    /**
     * The page without the MIGRATED entry V30 appends to a live continuity plan (its status became a status of the
     * plan's own; ContinuityMigrationTest tests that): it must be the last entry, if any.
     */
    private static Map withoutV30(Map page) {
        List<Map> items = new ArrayList<>((List<Map>) page.get("items"));
        if ("MIGRATED".equals(items.getLast().get("changeType"))) {
            assertThat(items.getLast().get("actorName")).isEqualTo("V30 plan statuses of their own");
            items.removeLast();
        }
        assertThat(items).extracting(e -> e.get("changeType")).doesNotContain("MIGRATED");
        Map out = new HashMap(page);
        out.put("items", items);
        return out;
    }

    /** The dashboard's state of contacts and continuity plans per member, keyed "memberId/recordType". */
    private static Map<String, Map> states(Map dashboard) {
        Map<String, Map> out = new HashMap<>();
        for (Map row : (List<Map>) dashboard.get("items")) {
            for (Map state : (List<Map>) row.get("records")) {
                if (List.of("contacts", "continuity-plans").contains(state.get("recordType"))) {
                    Map<String, Object> kept = new HashMap<>(state);
                    kept.keySet().removeAll(List.of("status", "stale"));
                    out.put(row.get("memberId") + "/" + state.get("recordType"), kept);
                }
            }
        }
        assertThat(out).hasSize(4);
        return out;
    }

    private static Map read(JsonMapper json, BlockingHttpClient http, String path, String token) throws IOException {
        String body = http.retrieve(HttpRequest.GET(path).bearerAuth(token), String.class);
        return json.readValue(body.getBytes(StandardCharsets.UTF_8), Argument.of(Map.class));
    }
}
