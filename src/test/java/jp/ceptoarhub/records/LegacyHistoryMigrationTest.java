package jp.ceptoarhub.records;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.devstack.EmbeddedMariaDb;
import jp.ceptoarhub.identity.IdentityProvisioning;
import jp.ceptoarhub.identity.KeycloakSettings;
import jp.ceptoarhub.identity.UserDirectory;
import jp.ceptoarhub.testing.IntegrationTest;
import jp.ceptoarhub.testing.KeycloakLogin;
import jp.ceptoarhub.testing.TestStack;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
        String schema = "legacy_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = TestStack.get().jdbcUrl().replace("/" + EmbeddedMariaDb.DATABASE + "?", "/" + schema + "?");
        try (Connection server = connect(TestStack.get().jdbcUrl()); Statement st = server.createStatement()) {
            st.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        try {
            flyway(url).target(MigrationVersion.fromVersion("11")).load().migrate();
            try (Connection db = connect(url)) {
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

                flyway(url).load().migrate();

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
                        + schema + "' AND table_name IN ('contact_change', 'contact_list_confirmation', "
                        + "'continuity_plan_change', 'continuity_plan_confirmation')")).isEmpty();
            }
            servedByTheCurrentCode(url);
        } finally {
            try (Connection server = connect(TestStack.get().jdbcUrl()); Statement st = server.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + schema);
            }
        }
    }

    /** The migrated database behind the current service: the same answers as the legacy code gave. */
    private void servedByTheCurrentCode(String url) throws Exception {
        Map<String, Object> properties = new HashMap<>(TestStack.properties());
        properties.put("datasources.default.url", url);
        properties.put("ceptoar.bootstrap.enabled", "false");
        try (ApplicationContext context = ApplicationContext.run(properties);
             EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
             HttpClient client = HttpClient.create(server.getURL())) {
            JsonMapper json = context.getBean(JsonMapper.class);
            Map before = json.readValue(resource("/legacy/v11-legacy-responses.json"), Map.class);
            long tenantId = ((Number) before.get("tenantId")).longValue();
            String token = secretariatOf(context, url, tenantId, (String) before.get("realmName"));
            BlockingHttpClient http = client.toBlocking();

            for (Map history : (List<Map>) before.get("histories")) {
                String path = (String) history.get("path");
                Map legacy = (Map) history.get("response");
                assertThat(read(json, http, path + "?limit=200", token)).as(path).isEqualTo(legacy);
                List<Object> paged = new ArrayList<>();
                String cursor = null;
                do {
                    Map page = read(json, http, path + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), token);
                    paged.addAll((List) page.get("items"));
                    cursor = (String) page.get("nextCursor");
                } while (cursor != null);
                assertThat(paged).as(path + ", two entries a page").isEqualTo(legacy.get("items"));
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
     * A secretariat admin of the migrated tenant. The capture's Keycloak is gone: the tenant's realm is created again
     * in this run's Keycloak and the tenant's issuer pointed at it; nothing else of the migrated data is touched.
     */
    private static String secretariatOf(ApplicationContext context, String url, long tenantId, String realm)
            throws Exception {
        IdentityProvisioning keycloak = context.getBean(IdentityProvisioning.class);
        if (!keycloak.realmExists(realm)) {
            keycloak.createRealm(realm, "試験CEPTOAR", false);
        }
        try (Connection db = connect(url);
             PreparedStatement ps = db.prepareStatement("UPDATE tenant SET issuer = ? WHERE id = ?")) {
            ps.setString(1, context.getBean(KeycloakSettings.class).issuerOf(realm));
            ps.setLong(2, tenantId);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        String username = "migration-" + UUID.randomUUID().toString().substring(0, 8);
        var user = keycloak.createUser(realm, new IdentityProvisioning.NewUser(username, username + "@example.jp", true,
                "Test", Role.SECRETARIAT_ADMIN.code(), IntegrationTest.PASSWORD, List.of()).withSecondFactor(true));
        context.getBean(UserDirectory.class).register(tenantId, user.subject(), username, username + "@example.jp",
                "Test secretariat", Role.SECRETARIAT_ADMIN, null);
        return new KeycloakLogin(TestStack.get().keycloakUrl()).login(realm, username, IntegrationTest.PASSWORD)
                .accessToken();
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

    private static FluentConfiguration flyway(String url) {
        return Flyway.configure().dataSource(url, EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD)
                .locations("classpath:db/migration");
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD);
    }

    /** Runs the fixture's statements (one a line; lines starting with -- are comments) in one session. */
    private static void load(Connection db, String resource) throws Exception {
        try (Statement st = db.createStatement()) {
            for (String line : new String(resource(resource), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("--")) {
                    st.execute(line.substring(0, line.lastIndexOf(';')));
                }
            }
            st.execute("SET time_zone = DEFAULT");
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = LegacyHistoryMigrationTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    /** Every row as text in UTC, to compare tables column by column. */
    private static List<List<String>> rows(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("SET time_zone = '+00:00'");
            List<List<String>> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(sql)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getString(i));
                    }
                    out.add(row);
                }
            }
            st.execute("SET time_zone = DEFAULT");
            return out;
        }
    }
}
