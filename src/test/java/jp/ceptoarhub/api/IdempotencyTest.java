package jp.ceptoarhub.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.devstack.EmbeddedMariaDb;
import jp.ceptoarhub.identity.KeycloakAdmin;
import jp.ceptoarhub.members.OrganisationCodes;
import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.testing.IntegrationTest;
import jp.ceptoarhub.testing.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idempotency-Key: compared exactly (issue 9 item 5), and a failure between the work and the stored response — here
 * a database trigger that makes storing the response fail, as a crash at that point would — keeps nothing, so the
 * retry re-executes cleanly instead of answering 409 for a day (issue 8 item 5); work outside the database (a
 * Keycloak user) is undone with it.
 */
@MicronautTest(transactional = false)
class IdempotencyTest extends IntegrationTest {
    private static final String FAIL_RESPONSE_WRITE = """
            CREATE TRIGGER test_fail_idempotent_response BEFORE UPDATE ON idempotency_record FOR EACH ROW
            BEGIN
              IF NEW.response_status IS NOT NULL
                 AND EXISTS (SELECT 1 FROM test_fail_response_write f WHERE f.idem_key = NEW.idem_key) THEN
                SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'simulated crash before the response was stored';
              END IF;
            END""";

    @Inject
    KeycloakAdmin keycloakAdmin;

    Tenant tenant;
    String secretariat;

    @BeforeAll
    void setUp() throws SQLException {
        tenant = newTenant("冪等性試験CEPTOAR");
        secretariat = token(person(tenant, Role.SECRETARIAT_ADMIN));
        sql("CREATE TABLE IF NOT EXISTS test_fail_response_write (idem_key VARCHAR(100) CHARACTER SET ascii "
                + "COLLATE ascii_bin PRIMARY KEY)");
        sql("DROP TRIGGER IF EXISTS test_fail_idempotent_response");
        sql(FAIL_RESPONSE_WRITE);
    }

    @AfterAll
    void tearDown() throws SQLException {
        sql("DROP TRIGGER IF EXISTS test_fail_idempotent_response");
        sql("DROP TABLE IF EXISTS test_fail_response_write");
    }

    @Test
    @SuppressWarnings("rawtypes")
    void keysAreCaseSensitive() {
        String key = "order-" + UUID.randomUUID() + "-abc";
        Map<String, Object> body = member("大文字小文字株式会社");
        HttpResponse<Map> first = create(body, key);
        assertThat(first.code()).isEqualTo(201);

        // The upper-cased key is another request: executed (here refused, the member exists), never a replay.
        HttpResponse<Map> sameBodyUpper = error(HttpRequest.POST("/api/v1/members", body)
                .header(Idempotency.HEADER, key.toUpperCase()).bearerAuth(secretariat));
        assertThat(sameBodyUpper.code()).isEqualTo(409);
        assertThat(sameBodyUpper.header("Idempotent-Replayed")).isNull();
        HttpResponse<Map> otherBodyUpper = create(member("大文字小文字株式会社（二）"), key.toUpperCase());
        assertThat(otherBodyUpper.code()).as("not 422: the key was never used").isEqualTo(201);

        HttpResponse<Map> replay = create(body, key);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.getBody(Map.class).orElseThrow().get("id")).isEqualTo(first.getBody(Map.class).orElseThrow().get("id"));
    }

    @Test
    @SuppressWarnings("rawtypes")
    void aFailureBeforeTheResponseIsStoredKeepsNothingAndTheRetryRunsAgain() throws SQLException {
        String key = UUID.randomUUID().toString();
        String name = "再実行試験株式会社" + key.substring(0, 6);
        Map<String, Object> body = member(name);
        failResponseWriteOf(key);
        HttpResponse<Map> crashed = error(HttpRequest.POST("/api/v1/members", body)
                .header(Idempotency.HEADER, key).bearerAuth(secretariat));
        assertThat(crashed.code()).isGreaterThanOrEqualTo(500);
        assertThat(membersNamed(name)).as("nothing of the first attempt is kept").isZero();

        allowResponseWriteOf(key);
        HttpResponse<Map> retry = create(body, key);
        assertThat(retry.code()).as("a clean re-execution, not 409").isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isNull();
        assertThat(create(body, key).header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(membersNamed(name)).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("rawtypes")
    void anInvitationWhoseResponseCouldNotBeStoredLeavesNoKeycloakUserBehind() throws SQLException {
        String key = UUID.randomUUID().toString();
        String username = unique("invitee-");
        Map<String, Object> body = Map.of("username", username, "email", username + "@example.jp",
                "role", "secretariat-staff");
        failResponseWriteOf(key);
        HttpResponse<Map> crashed = error(HttpRequest.POST("/api/v1/users", body).header(Idempotency.HEADER, key)
                .bearerAuth(secretariat));
        assertThat(crashed.code()).isGreaterThanOrEqualTo(500);
        assertThat(keycloakAdmin.client().realm(tenant.realmName()).users().searchByUsername(username, true))
                .as("the Keycloak user created on the way is removed with the rolled-back transaction").isEmpty();

        allowResponseWriteOf(key);
        HttpResponse<Map> retry = http.toBlocking().exchange(HttpRequest.POST("/api/v1/users", body)
                .header(Idempotency.HEADER, key).bearerAuth(secretariat), Map.class);
        assertThat(retry.code()).isEqualTo(201);
        assertThat(keycloakAdmin.client().realm(tenant.realmName()).users().searchByUsername(username, true)).hasSize(1);
    }

    @SuppressWarnings("rawtypes")
    private HttpResponse<Map> create(Map<String, Object> body, String key) {
        return http.toBlocking().exchange(HttpRequest.POST("/api/v1/members", body).header(Idempotency.HEADER, key)
                .bearerAuth(secretariat), Map.class);
    }

    private static Map<String, Object> member(String name) {
        StringBuilder base = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            base.append(ThreadLocalRandom.current().nextInt(10));
        }
        return Map.of("nameJa", name, "nameKana", "カブシキガイシャ", "sectorCode", "ELECTRICITY",
                "membershipKind", "MEMBER", "corporateNumber", OrganisationCodes.corporateCheckDigit(base.toString()) + base.toString());
    }

    @SuppressWarnings("rawtypes")
    private long membersNamed(String name) {
        List items = (List) get("/api/v1/members?limit=200&q=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                secretariat).get("items");
        return items.size();
    }

    private void failResponseWriteOf(String key) throws SQLException {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO test_fail_response_write (idem_key) VALUES (?)")) {
            ps.setString(1, key);
            ps.executeUpdate();
        }
    }

    private void allowResponseWriteOf(String key) throws SQLException {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM test_fail_response_write WHERE idem_key = ?")) {
            ps.setString(1, key);
            ps.executeUpdate();
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static Connection connection() throws SQLException {
        return DriverManager.getConnection(TestStack.get().jdbcUrl(), EmbeddedMariaDb.USER, EmbeddedMariaDb.PASSWORD);
    }
}
