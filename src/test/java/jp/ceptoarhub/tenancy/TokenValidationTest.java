package jp.ceptoarhub.tenancy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.devstack.DevStack;
import jp.ceptoarhub.identity.IdentityProvisioning;
import jp.ceptoarhub.identity.KeycloakAdmin;
import jp.ceptoarhub.identity.RealmTemplate;
import jp.ceptoarhub.testing.IntegrationTest;
import jp.ceptoarhub.testing.KeycloakLogin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The tenant of a request comes from the verified token issuer and nothing else. */
@MicronautTest(transactional = false)
class TokenValidationTest extends IntegrationTest {
    @Inject
    KeycloakAdmin keycloakAdmin;

    Tenant tenantA;
    Tenant tenantB;
    TestUser secretariatA;
    TestUser secretariatB;

    @BeforeAll
    void tenants() {
        tenantA = newTenant("銀行等CEPTOAR（試験A）");
        tenantB = newTenant("電力CEPTOAR（試験B）");
        secretariatA = person(tenantA, Role.SECRETARIAT_ADMIN);
        secretariatB = person(tenantB, Role.SECRETARIAT_ADMIN);
    }

    @SuppressWarnings("rawtypes")
    private int status(String token) {
        var request = HttpRequest.GET("/api/v1/me");
        if (token != null) {
            request.bearerAuth(token);
        }
        try {
            return http.toBlocking().exchange(request, Map.class).code();
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    @Test
    void aValidTokenIsAcceptedAndAnAbsentOneIsNot() {
        assertThat(status(token(secretariatA))).isEqualTo(200);
        assertThat(status(null)).isEqualTo(401);
        assertThat(status("not-a-jwt")).isEqualTo(401);
    }

    @Test
    void refusalsCarryTheBearerChallengeAndResponsesVaryByLanguage() {
        var missing = error(HttpRequest.GET("/api/v1/me"));
        assertThat(missing.code()).isEqualTo(401);
        assertThat(missing.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"ceptoar-hub\"");
        var invalid = error(HttpRequest.GET("/api/v1/me").bearerAuth("not-a-jwt"));
        assertThat(invalid.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
        var ok = http.toBlocking().exchange(HttpRequest.GET("/api/v1/me").bearerAuth(token(secretariatA)), Map.class);
        assertThat(ok.getHeaders().getAll("Vary")).anySatisfy(v -> assertThat(v).containsIgnoringCase("Accept-Language"));
    }

    @Test
    void unsignedTokenIsRefused() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(token(secretariatA)).getJWTClaimsSet();
        assertThat(status(new PlainJWT(claims).serialize())).isEqualTo(401);
    }

    @Test
    void tokenSignedByAnotherKeyWithTheRealmsKeyIdIsRefused() throws Exception {
        SignedJWT real = SignedJWT.parse(token(secretariatA));
        RSAKey forged = new RSAKeyGenerator(2048).keyID(real.getHeader().getKeyID()).generate();
        SignedJWT forgery = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(forged.getKeyID()).build(),
                real.getJWTClaimsSet());
        forgery.sign(new RSASSASigner(forged));
        assertThat(status(forgery.serialize())).isEqualTo(401);
    }

    @Test
    void hmacTokenKeyedWithTheRealmsPublicKeyIsRefused() throws Exception {
        SignedJWT real = SignedJWT.parse(token(secretariatA));
        String jwks = HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create(
                        keycloakUrl() + "/realms/" + tenantA.realmName() + "/protocol/openid-connect/certs")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        byte[] secret = jwks.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        SignedJWT confused = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(real.getHeader().getKeyID()).build(),
                real.getJWTClaimsSet());
        confused.sign(new MACSigner(secret));
        assertThat(status(confused.serialize())).isEqualTo(401);
    }

    @Test
    void tokenWithTamperedIssuerIsRefused() throws Exception {
        // Realm A's signature over claims that claim to come from realm B does not verify against B's keys.
        SignedJWT real = SignedJWT.parse(token(secretariatA));
        String[] parts = real.serialize().split("\\.");
        JWTClaimsSet claims = new JWTClaimsSet.Builder(real.getJWTClaimsSet()).issuer(tenantB.issuer())
                .subject(secretariatB.subject()).build();
        String payload = com.nimbusds.jose.util.Base64URL.encode(claims.toString()).toString();
        assertThat(status(parts[0] + "." + payload + "." + parts[2])).isEqualTo(401);
    }

    @Test
    void tokenIssuedToAnotherClientOfTheRealmIsRefused() throws Exception {
        keycloakAdmin.client().realm(tenantA.realmName()).clients().create(KeycloakLogin.foreignClient("other-app")).close();
        TestUser user = person(tenantA, Role.SECRETARIAT_STAFF);
        String token = new KeycloakLogin(keycloakUrl()).login(tenantA.realmName(), "other-app", user.username(), PASSWORD,
                PASSWORD, null).accessToken();
        assertThat(status(token)).isEqualTo(401);
        assertThat(status(token(user))).as("same person through the product's client").isEqualTo(200);
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        Tenant shortLived = newTenant("短命トークンCEPTOAR");
        RealmRepresentation realm = keycloakAdmin.client().realm(shortLived.realmName()).toRepresentation();
        realm.setAccessTokenLifespan(2);
        keycloakAdmin.client().realm(shortLived.realmName()).update(realm);
        TestUser user = person(shortLived, Role.SECRETARIAT_STAFF);
        String token = new KeycloakLogin(keycloakUrl()).login(shortLived.realmName(), user.username(), PASSWORD).accessToken();
        assertThat(status(token)).as("fresh token").isEqualTo(200);
        Thread.sleep(3500);
        assertThat(status(token)).as("expired token").isEqualTo(401);
    }

    @Test
    void tokenFromARealmThatIsNotARegisteredTenantIsRefused() throws Exception {
        String rogueRealm = unique("rogue-");
        provisioning.createRealm(rogueRealm, "Rogue", false);
        try {
            var rogue = provisioning.createUser(rogueRealm, new IdentityProvisioning.NewUser(unique("u"), null, true,
                    "R", "R", PASSWORD, List.of()));
            // Even with a user row for that subject in tenant A, the unregistered issuer decides.
            users.register(tenantA.id(), rogue.subject(), unique("rogue-user-"), null, null, Role.SECRETARIAT_ADMIN, null);
            String username = keycloakAdmin.client().realm(rogueRealm).users().get(rogue.subject()).toRepresentation().getUsername();
            String token = new KeycloakLogin(keycloakUrl()).login(rogueRealm, username, PASSWORD).accessToken();
            assertThat(status(token)).isEqualTo(401);
        } finally {
            provisioning.deleteRealmQuietly(rogueRealm);
        }
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void nothingInHeadersPathOrQueryCanSwitchTheTenant() {
        String tokenA = token(secretariatA);
        var request = HttpRequest.GET("/api/v1/me?tenant=" + tenantB.code() + "&tenantId=" + tenantB.id())
                .header("X-Tenant-Id", String.valueOf(tenantB.id()))
                .header("X-Tenant", tenantB.code())
                .header("Forwarded", "host=" + tenantB.code() + ".example.jp");
        Map me = http.toBlocking().retrieve(request.bearerAuth(tokenA), Map.class);
        assertThat((Object) ((Map) me.get("tenant")).get("code")).isEqualTo(tenantA.code());

        // Tenant B's audit log is not reachable from A, whatever is sent: A sees its own creation, never B's.
        Map log = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/audit-log?tenantId=" + tenantB.id())
                .header("X-Tenant-Id", String.valueOf(tenantB.id())).bearerAuth(tokenA), Map.class);
        List<String> createdTenants = ((List<Map>) log.get("items")).stream()
                .filter(e -> "tenant.created".equals(e.get("action"))).map(e -> (String) e.get("entityId")).toList();
        assertThat(createdTenants).containsExactly(String.valueOf(tenantA.id()));
    }

    @Test
    void suspendingATenantRefusesEveryTokenOfItsRealmAndReactivatingRestoresThem() {
        Tenant t = newTenant("停止試験CEPTOAR");
        String token = token(person(t, Role.SECRETARIAT_ADMIN));
        assertThat(status(token)).isEqualTo(200);
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/platform/tenants/" + t.id() + "/suspend", "")
                .bearerAuth(platformAdminToken()), Map.class);
        assertThat(status(token)).isEqualTo(401);
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/platform/tenants/" + t.id() + "/reactivate", "")
                .bearerAuth(platformAdminToken()), Map.class);
        assertThat(status(token)).isEqualTo(200);
    }

    @Test
    @SuppressWarnings("rawtypes")
    void niscSystemUsesClientCredentials() throws Exception {
        String token = KeycloakLogin.clientCredentials(keycloakUrl(), national().realmName(), RealmTemplate.NISC_SYSTEM_CLIENT,
                DevStack.NISC_SYSTEM_SECRET);
        Map me = get("/api/v1/me", token);
        assertThat((Object) ((Map) me.get("tenant")).get("kind")).isEqualTo("NATIONAL");
        assertThat((Object) ((Map) ((List) me.get("roles")).getFirst()).get("code")).isEqualTo("nisc-system");
        HttpResponse<Map> denied = error(HttpRequest.GET("/api/v1/platform/tenants").bearerAuth(token));
        assertThat(denied.code()).isEqualTo(403);
    }
}
