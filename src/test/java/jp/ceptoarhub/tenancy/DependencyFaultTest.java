package jp.ceptoarhub.tenancy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.devstack.Frozen;
import jp.ceptoarhub.identity.KeycloakAdmin;
import jp.ceptoarhub.identity.KeycloakStatus;
import jp.ceptoarhub.testing.IntegrationTest;
import jp.ceptoarhub.testing.KeycloakLogin;
import jp.ceptoarhub.testing.TestStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 item 8: a dependency that hangs (the test's own MariaDB or Keycloak, stopped with SIGSTOP) is answered
 * honestly. Database: 503 problem+json with Retry-After within 5 s, never 401 — while forged tokens still get 401 —
 * and service resumes when it returns. Keycloak: requests with existing tokens keep working and readiness stays up;
 * its state shows in a metric and in the platform health view. Every freeze is resumed in a finally block (and by a
 * shutdown hook), so no later test class sees a frozen dependency.
 */
@MicronautTest(transactional = false)
class DependencyFaultTest extends IntegrationTest {
    @Inject
    KeycloakAdmin keycloakAdmin;
    @Inject
    KeycloakStatus keycloakStatus;

    Tenant tenant;
    TestUser secretariat;
    TestUser operator;

    @BeforeAll
    void people() {
        tenant = newTenant("障害試験CEPTOAR");
        secretariat = person(tenant, Role.SECRETARIAT_ADMIN);
        operator = person(tenant, Role.OPERATOR_STAFF);
    }

    @Test
    @SuppressWarnings("rawtypes")
    void aFrozenDatabaseIsA503WithinFiveSecondsNeverA401AndForgedTokensStillGet401() throws Exception {
        String valid = token(secretariat);
        Map<String, String> forged = forgedTokens(valid);
        assertThat(statusOf(HttpRequest.GET("/api/v1/me").bearerAuth(valid))).isEqualTo(200);

        try (Frozen db = TestStack.get().freezeDatabase()) {
            Instant start = Instant.now();
            HttpResponse<Map> unavailable = error(HttpRequest.GET("/api/v1/me").bearerAuth(valid));
            Duration took = Duration.between(start, Instant.now());

            assertThat(unavailable.code()).isEqualTo(503);
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            assertThat(unavailable.header("Retry-After")).isNotBlank();
            assertThat(unavailable.getContentType().map(Object::toString).orElse("")).startsWith("application/problem+json");
            assertThat(unavailable.getBody(Map.class).orElseThrow().get("type"))
                    .isEqualTo("urn:ceptoar-hub:problem:dependency-unavailable");
            assertThat(statusOf(HttpRequest.GET("/api/v1/members").bearerAuth(valid))).as("a listing").isEqualTo(503);

            for (Map.Entry<String, String> f : forged.entrySet()) {
                var request = HttpRequest.GET("/api/v1/me");
                if (f.getValue() != null) {
                    request.bearerAuth(f.getValue());
                }
                assertThat(statusOf(request)).as(f.getKey()).isEqualTo(401);
            }
            assertThat(statusOf(HttpRequest.GET("/health/liveness"))).as("liveness").isEqualTo(200);
        }

        Instant deadline = Instant.now().plusSeconds(20);
        int after = 0;
        while (Instant.now().isBefore(deadline) && (after = statusOf(HttpRequest.GET("/api/v1/me").bearerAuth(valid))) != 200) {
            Thread.sleep(250);
        }
        assertThat(after).as("service resumes when the database returns").isEqualTo(200);
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void aFrozenKeycloakLeavesRequestsAndReadinessUpAndShowsInTheMetricAndTheHealthView() throws Exception {
        String secretariatToken = token(secretariat);
        String operatorToken = token(operator);
        String platformAdmin = platformAdminToken();
        assertThat(statusOf(HttpRequest.GET("/api/v1/me").bearerAuth(operatorToken))).isEqualTo(200);
        assertThat(probeUntil(true)).as("Keycloak up before the freeze: %s", keycloakStatus.state()).isTrue();

        try (Frozen kc = TestStack.get().freezeKeycloak()) {
            assertThat(keycloakStatus.probe().up()).as("probe while frozen: %s", keycloakStatus.state()).isFalse();

            assertThat(statusOf(HttpRequest.GET("/api/v1/me").bearerAuth(operatorToken))).isEqualTo(200);
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("nameJa", "凍結中株式会社");
            member.put("nameKana", "トウケツチュウカブシキガイシャ");
            member.put("localGovernmentCode", "131016");
            member.put("sectorCode", "GOVERNMENT_ADMINISTRATIVE_SERVICES");
            member.put("subSectorCode", "LOCAL_GOVERNMENT");
            member.put("membershipKind", "MEMBER");
            assertThat(statusOf(HttpRequest.POST("/api/v1/members", member).bearerAuth(secretariatToken)))
                    .as("a write").isEqualTo(201);
            assertThat(statusOf(HttpRequest.GET("/health/readiness"))).as("readiness").isEqualTo(200);

            String metrics = http.toBlocking().retrieve(HttpRequest.GET("/prometheus"));
            assertThat(metrics).containsPattern("(?m)^ceptoar_keycloak_up(\\{[^}]*\\})? 0\\.0$");
            Map health = get("/api/v1/platform/health", platformAdmin);
            assertThat(health.get("status")).isEqualTo("DEGRADED");
            assertThat(((Map) health.get("keycloak")).get("up")).isEqualTo(false);
        }
        assertThat(probeUntil(true)).as("Keycloak back: %s", keycloakStatus.state()).isTrue();
        assertThat(get("/api/v1/platform/health", platformAdmin).get("status")).isEqualTo("UP");
        assertThat(Frozen.anyFrozen()).isFalse();
    }

    /** Probes until Keycloak's state is {@code up} (a busy machine may time a first probe out), at most 30 s. */
    private boolean probeUntil(boolean up) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (keycloakStatus.probe().up() != up && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        return keycloakStatus.state().up() == up;
    }

    /** Token forgeries that must be refused without the database (taken from TokenValidationTest's attacks). */
    private Map<String, String> forgedTokens(String valid) throws Exception {
        SignedJWT real = SignedJWT.parse(valid);
        JWTClaimsSet claims = real.getJWTClaimsSet();
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("no token", null);
        forged.put("not a JWT", "not-a-jwt");
        forged.put("unsigned", new PlainJWT(claims).serialize());

        RSAKey otherKey = new RSAKeyGenerator(2048).keyID(real.getHeader().getKeyID()).generate();
        SignedJWT wrongKey = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(otherKey.getKeyID()).build(),
                claims);
        wrongKey.sign(new RSASSASigner(otherKey));
        forged.put("signed by another key with the realm's key id", wrongKey.serialize());

        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(real.getHeader().getKeyID()).build(),
                claims);
        hmac.sign(new MACSigner(UUID.randomUUID().toString().repeat(2).getBytes(StandardCharsets.UTF_8)));
        forged.put("HMAC", hmac.serialize());

        String[] parts = valid.split("\\.");
        JWTClaimsSet raised = new JWTClaimsSet.Builder(claims).claim("acr", "3").build();
        forged.put("tampered claims", parts[0] + "." + Base64URL.encode(raised.toString()) + "." + parts[2]);

        JWTClaimsSet foreignIssuer = new JWTClaimsSet.Builder(claims).issuer("https://evil.example/realms/x").build();
        SignedJWT unknownIssuer = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k").build(),
                foreignIssuer);
        unknownIssuer.sign(new RSASSASigner(new RSAKeyGenerator(2048).keyID("k").generate()));
        forged.put("unknown issuer", unknownIssuer.serialize());

        keycloakAdmin.client().realm(tenant.realmName()).clients().create(KeycloakLogin.foreignClient("other-app")).close();
        forged.put("issued to another client of the realm", new KeycloakLogin(keycloakUrl())
                .login(tenant.realmName(), "other-app", operator.username(), PASSWORD, PASSWORD, null).accessToken());
        return forged;
    }
}
