package jp.ceptoarhub.tenancy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.testing.IntegrationTest;
import jp.ceptoarhub.testing.SqlStatements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a request costs the database, counted in MariaDB's own general log: the token check of a signed-in
 * request reads the caller once and writes last-seen at most once a minute (issue 8 item 6); forged tokens with
 * made-up issuers cost no statement at all beyond a rate-limited reload of the tenant directory, and the directory
 * holds registered issuers only (issue 9 item 3).
 */
@MicronautTest(transactional = false)
class RequestCostTest extends IntegrationTest {
    Tenant tenant;
    TestUser operator;

    @BeforeAll
    void people() {
        tenant = newTenant("計測CEPTOAR");
        operator = person(tenant, Role.OPERATOR_STAFF);
    }

    @Test
    void anAuthenticatedReadWritesLastSeenAtMostOnceAMinute() throws Exception {
        String token = token(operator);
        get("/api/v1/me", token);
        List<String> statements;
        try (SqlStatements sql = SqlStatements.capture()) {
            for (int i = 0; i < 5; i++) {
                get("/api/v1/me", token);
            }
            statements = sql.statements();
        }
        System.out.printf("5 x GET /api/v1/me: %d statements%n%s%n", statements.size(), String.join("\n", statements));
        assertThat(statements).noneMatch(s -> s.toLowerCase(Locale.ROOT).contains("update `app_user`")
                || s.toLowerCase(Locale.ROOT).contains("update app_user"));
        assertThat(statements).filteredOn(s -> s.toLowerCase(Locale.ROOT).contains("from `app_user`")
                || s.toLowerCase(Locale.ROOT).contains("from app_user")).isNotEmpty();
        assertThat(statements).as("the caller read by the token check, and by /me for its profile: two a request")
                .hasSizeLessThanOrEqualTo(10);
    }

    /**
     * The statements of a typical phone's requests, printed for comparison across versions and bounded so that the
     * hot path does not grow back: a sync listing, and creating a contact with an Idempotency-Key (the claim, the
     * work and the stored response in one transaction).
     */
    @Test
    @SuppressWarnings("rawtypes")
    void typicalRequestsStayLean() throws Exception {
        String secretariat = token(person(tenant, Role.SECRETARIAT_ADMIN));
        Map member = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/members", Map.of("nameJa", "計測市",
                "nameKana", "ケイソクシ", "localGovernmentCode", "131016", "sectorCode",
                "GOVERNMENT_ADMINISTRATIVE_SERVICES", "subSectorCode", "LOCAL_GOVERNMENT", "membershipKind", "MEMBER"))
                .bearerAuth(secretariat), Map.class);
        long memberId = ((Number) member.get("id")).longValue();
        TestUser operatorAdmin = person(tenant, Role.OPERATOR_ADMIN, memberId);
        String token = token(operatorAdmin);
        String contacts = "/api/v1/members/" + memberId + "/contacts";
        Map<String, Object> contact = Map.of("nameJa", "山田 太郎", "nameKana", "ヤマダ タロウ", "role", "CISO", "functions",
                List.of(Map.of("function", "POC", "order", "PRIMARY")), "channels",
                List.of(Map.of("type", "EMAIL", "value", "yamada@example.jp")), "availability", "H24");
        http.toBlocking().exchange(HttpRequest.GET(contacts).bearerAuth(token), Map.class);

        List<String> listing;
        try (SqlStatements sql = SqlStatements.capture()) {
            http.toBlocking().exchange(HttpRequest.GET(contacts + "?limit=200").bearerAuth(token), Map.class);
            listing = sql.statements();
        }
        List<String> create;
        try (SqlStatements sql = SqlStatements.capture()) {
            http.toBlocking().exchange(HttpRequest.POST(contacts, contact).header("Idempotency-Key",
                    UUID.randomUUID().toString()).bearerAuth(token), Map.class);
            create = sql.statements();
        }
        System.out.printf("GET contacts: %d statements%n%s%nPOST contact (Idempotency-Key): %d statements%n%s%n",
                listing.size(), String.join("\n", listing), create.size(), String.join("\n", create));
        assertThat(listing).noneMatch(s -> s.toLowerCase(Locale.ROOT).startsWith("update"));
        assertThat(create.stream().filter(s -> s.toLowerCase(Locale.ROOT).contains("idempotency_record")).count())
                .as("claim and stored response, nothing else").isEqualTo(2);
        assertThat(create).noneMatch(s -> s.toLowerCase(Locale.ROOT).contains("update `app_user`")
                || s.toLowerCase(Locale.ROOT).contains("update app_user"));
    }

    @Test
    void forgedTokensWithMadeUpIssuersCostABoundedNumberOfDirectoryReloads() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        int tokens = 400;
        long start = System.nanoTime();
        List<String> statements;
        try (SqlStatements sql = SqlStatements.capture()) {
            for (int i = 0; i < tokens; i++) {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
                        new JWTClaimsSet.Builder().issuer("https://attacker.example/realms/" + UUID.randomUUID())
                                .subject("x").expirationTime(new Date(System.currentTimeMillis() + 60_000)).build());
                jwt.sign(new RSASSASigner(key));
                assertThat(meStatus(jwt.serialize())).isEqualTo(401);
            }
            statements = sql.statements();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long tenantReads = statements.stream().filter(s -> s.toLowerCase(Locale.ROOT).matches("(?s).*from `?tenant`?\\b.*"))
                .count();
        System.out.printf("%d forged issuers in %.1f s: %d reads of the tenant table, %d statements in all%n", tokens,
                seconds, tenantReads, statements.size());
        // At most one reload per unknown-issuer interval (200 ms), plus the background reloads of a stale copy.
        assertThat(tenantReads).isLessThanOrEqualTo((long) (seconds / 0.2) + (long) (seconds / 5) + 3);
        assertThat(tenantReads).isLessThan(tokens / 4);

        String metrics = http.toBlocking().retrieve(HttpRequest.GET("/prometheus"));
        long registered = tenants.ceptoarTenants().size() + 1;
        assertThat(metrics).containsPattern("(?m)^ceptoar_tenancy_directory_issuers(\\{[^}]*\\})? " + registered + "\\.0$");
    }
}
