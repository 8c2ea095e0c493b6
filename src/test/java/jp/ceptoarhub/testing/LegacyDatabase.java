package jp.ceptoarhub.testing;

import io.micronaut.context.ApplicationContext;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.devstack.EmbeddedMariaDb;
import jp.ceptoarhub.identity.IdentityProvisioning;
import jp.ceptoarhub.identity.KeycloakSettings;
import jp.ceptoarhub.identity.UserDirectory;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

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
 * A database of its own on the test MariaDB for a migration test: loaded with a fixture written by the code before
 * a migration (src/test/resources/legacy), migrated, then served by the current code with a secretariat admin of
 * the migrated tenant. Close drops it.
 */
public final class LegacyDatabase implements AutoCloseable {
    private final String schema;
    private final String url;

    public LegacyDatabase() throws SQLException {
        schema = "legacy_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        url = TestStack.get().jdbcUrl().replace("/" + EmbeddedMariaDb.DATABASE + "?", "/" + schema + "?");
        try (Connection server = connect(TestStack.get().jdbcUrl()); Statement st = server.createStatement()) {
            st.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    public String schema() {
        return schema;
    }

    public String url() {
        return url;
    }

    /** Flyway on this database with the project's migrations. */
    public FluentConfiguration flyway() {
        return Flyway.configure().dataSource(url, EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD)
                .locations("classpath:db/migration");
    }

    public Connection connect() throws SQLException {
        return connect(url);
    }

    /** The current service's properties on this database (no bootstrap of its own). */
    public Map<String, Object> serviceProperties() {
        Map<String, Object> properties = new HashMap<>(TestStack.properties());
        properties.put("datasources.default.url", url);
        properties.put("ceptoar.bootstrap.enabled", "false");
        return properties;
    }

    @Override
    public void close() throws SQLException {
        try (Connection server = connect(TestStack.get().jdbcUrl()); Statement st = server.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + schema);
        }
    }

    /** Runs the fixture's statements (one a line; lines starting with -- are comments) in one session. */
    public static void load(Connection db, String resource) throws Exception {
        try (Statement st = db.createStatement()) {
            for (String line : new String(resource(resource), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("--")) {
                    st.execute(line.substring(0, line.lastIndexOf(';')));
                }
            }
            st.execute("SET time_zone = DEFAULT");
        }
    }

    public static byte[] resource(String name) throws IOException {
        try (InputStream in = LegacyDatabase.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    /** Every row as text in UTC, to compare tables column by column. */
    public static List<List<String>> rows(Connection db, String sql) throws SQLException {
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

    /**
     * A secretariat admin of the migrated tenant. The capture's Keycloak is gone: the tenant's realm is created again
     * in this run's Keycloak and the tenant's issuer pointed at it; nothing else of the migrated data is touched.
     */
    public String secretariatOf(ApplicationContext context, long tenantId, String realm) throws Exception {
        IdentityProvisioning keycloak = context.getBean(IdentityProvisioning.class);
        if (!keycloak.realmExists(realm)) {
            keycloak.createRealm(realm, "試験CEPTOAR", false);
        }
        try (Connection db = connect();
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

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD);
    }
}
