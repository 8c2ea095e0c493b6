package jp.ceptoarhub.tenancy;

import com.nimbusds.jwt.SignedJWT;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.identity.KeycloakAdmin;
import jp.ceptoarhub.identity.RealmTemplate;
import jp.ceptoarhub.testing.IntegrationTest;
import jp.ceptoarhub.testing.KeycloakLogin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 9 item 1, replayed: the second factor of secretariat and national people cannot be removed, skipped or
 * done without, by any route; a token that does not prove it is refused by the service itself (fail closed).
 */
@MicronautTest(transactional = false)
class SecondFactorTest extends IntegrationTest {
    @Inject
    KeycloakAdmin keycloakAdmin;

    Tenant tenant;

    @BeforeAll
    void tenant() {
        tenant = newTenant("二要素試験CEPTOAR");
    }

    @Test
    void theAccountApiNeitherListsNorRemovesTheSecondFactorWithTheProductsAccessToken() throws Exception {
        TestUser staff = person(tenant, Role.SECRETARIAT_STAFF);
        String token = token(staff);
        String otp = otpCredentialIds(tenant, staff).getFirst();
        String account = keycloakUrl() + "/realms/" + tenant.realmName() + "/account/credentials";

        var list = KeycloakLogin.call("GET", account, token);
        var delete = KeycloakLogin.call("DELETE", account + "/" + otp, token);

        assertThat(list.statusCode()).as("list credentials: %s", list.body()).isIn(401, 403);
        assertThat(delete.statusCode()).as("delete the OTP credential: %s", delete.body()).isIn(401, 403);
        assertThat(otpCredentialIds(tenant, staff)).containsExactly(otp);
        assertThat(meStatus(token)).as("the token still works for the API").isEqualTo(200);
    }

    @Test
    void noSelfServiceRouteRemovesTheSecondFactor() {
        RealmResource realm = realm(tenant);
        RealmRepresentation rep = realm.toRepresentation();
        String accountClient = realm.clients().findByClientId("account").getFirst().getId();
        assertThat(realm.roles().get(rep.getDefaultRole().getName()).getClientRoleComposites(accountClient))
                .as("default roles of the account API").noneMatch(r -> r.getName().startsWith("manage-account"));
        assertThat(realm.flows().getRequiredAction("delete_credential").isEnabled()).isFalse();
        assertThat(realm.flows().getExecutions("reset credentials"))
                .as("'forgot password' does not reset OTP")
                .filteredOn(e -> "reset-otp".equals(e.getProviderId()) || "Reset - Conditional OTP".equals(e.getDisplayName()))
                .allSatisfy(e -> assertThat(e.getRequirement()).isIn("DISABLED", "REQUIRED"))
                .anySatisfy(e -> assertThat(e.getRequirement()).isEqualTo("DISABLED"));
        for (String client : List.of(RealmTemplate.WEB_CLIENT, RealmTemplate.MOBILE_CLIENT)) {
            assertThat(realm.clients().findByClientId(client).getFirst().isFullScopeAllowed()).as(client).isFalse();
        }
    }

    @Test
    void aSecretariatUserWhoseSecondFactorWasRemovedCannotSignInWithThePasswordAlone() throws Exception {
        passwordOnlySignInIsRefused(tenant, Role.SECRETARIAT_STAFF);
        passwordOnlySignInIsRefused(tenant, Role.SECRETARIAT_ADMIN);
    }

    @Test
    void aNationalUserWhoseSecondFactorWasRemovedCannotSignInWithThePasswordAlone() throws Exception {
        passwordOnlySignInIsRefused(national(), Role.NISC_ANALYST);
        passwordOnlySignInIsRefused(national(), Role.PLATFORM_ADMIN);
    }

    @Test
    void aSingleSignOnOfTheSameSessionKeepsTheSecondFactor() throws Exception {
        TestUser staff = person(tenant, Role.SECRETARIAT_STAFF);
        KeycloakLogin browser = new KeycloakLogin(keycloakUrl());
        String first = browser.login(tenant.realmName(), staff.username(), PASSWORD).accessToken();
        // Same browser, same Keycloak session cookie: no form at all this time (SSO), and still acr 2.
        String sso = browser.login(tenant.realmName(), staff.username(), PASSWORD).accessToken();
        assertThat(meStatus(first)).isEqualTo(200);
        assertThat(meStatus(sso)).isEqualTo(200);
        assertThat(SignedJWT.parse(sso).getJWTClaimsSet().getClaim("acr")).isEqualTo("2");
    }

    @Test
    void operatorsNeedNoSecondFactor() throws Exception {
        TestUser operator = person(tenant, Role.OPERATOR_STAFF);
        String token = new KeycloakLogin(keycloakUrl()).loginWithPasswordOnly(tenant.realmName(), operator.username(),
                PASSWORD).accessToken();
        assertThat(meStatus(token)).isEqualTo(200);
    }

    @Test
    @SuppressWarnings("rawtypes")
    void aRealmWhoseSignInFlowWasLoosenedByHandFailsClosed() throws Exception {
        Tenant loose = newTenant("手動緩和CEPTOAR");
        TestUser staff = person(loose, Role.SECRETARIAT_STAFF);
        TestUser operator = person(loose, Role.OPERATOR_STAFF);
        assertThat(meStatus(token(staff))).isEqualTo(200);

        // An administrator binds Keycloak's built-in browser flow again (OTP only if one is configured) and
        // removes the person's OTP credential: the password alone now yields a token.
        RealmRepresentation binding = new RealmRepresentation();
        binding.setBrowserFlow("browser");
        realm(loose).update(binding);
        removeOtp(loose, staff);
        String passwordOnly = new KeycloakLogin(keycloakUrl()).loginWithPasswordOnly(loose.realmName(), staff.username(),
                PASSWORD).accessToken();

        HttpResponse<Map> refused = error(HttpRequest.GET("/api/v1/me").bearerAuth(passwordOnly));
        assertThat(refused.code()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).contains("error=\"insufficient_user_authentication\"")
                .contains("acr_values=\"2\"");
        assertThat(refused.getBody(Map.class).orElseThrow().get("type"))
                .isEqualTo("urn:ceptoar-hub:problem:second-factor-required");
        assertThat(meStatus(new KeycloakLogin(keycloakUrl()).loginWithPasswordOnly(loose.realmName(), operator.username(),
                PASSWORD).accessToken())).as("operators are not affected").isEqualTo(200);

        // Same with the product's flow bound but its second-factor step disabled by hand.
        binding.setBrowserFlow("ceptoar browser");
        realm(loose).update(binding);
        var required = realm(loose).flows().getExecutions("ceptoar browser").stream()
                .filter(e -> "ceptoar second factor required".equals(e.getDisplayName())).findFirst().orElseThrow();
        required.setRequirement("DISABLED");
        realm(loose).flows().updateExecutions("ceptoar browser", required);
        String skipped = new KeycloakLogin(keycloakUrl()).loginWithPasswordOnly(loose.realmName(), staff.username(),
                PASSWORD).accessToken();
        assertThat(meStatus(skipped)).isEqualTo(401);
    }

    @Test
    void aNationalRealmLoosenedByHandFailsClosedToo() throws Exception {
        TestUser analyst = person(national(), Role.NISC_ANALYST);
        token(analyst);
        RealmRepresentation binding = new RealmRepresentation();
        binding.setBrowserFlow("browser");
        realm(national()).update(binding);
        try {
            removeOtp(national(), analyst);
            String passwordOnly = new KeycloakLogin(keycloakUrl()).loginWithPasswordOnly(national().realmName(),
                    analyst.username(), PASSWORD).accessToken();
            assertThat(meStatus(passwordOnly)).isEqualTo(401);
        } finally {
            binding.setBrowserFlow("ceptoar browser");
            realm(national()).update(binding);
        }
    }

    @Test
    void adminCliHasNoPasswordGrantInTenantRealms() throws Exception {
        TestUser operator = person(tenant, Role.OPERATOR_ADMIN);
        var r = KeycloakLogin.passwordGrant(keycloakUrl(), tenant.realmName(), "admin-cli", operator.username(), PASSWORD);
        assertThat(r.statusCode()).as(r.body()).isIn(400, 401);
        assertThat(r.body()).contains("unauthorized_client");
    }

    private void passwordOnlySignInIsRefused(Tenant t, Role role) throws Exception {
        TestUser person = person(t, role);
        assertThat(meStatus(token(person))).as("%s with a second factor", role).isEqualTo(200);
        removeOtp(t, person);
        assertThatThrownBy(() -> new KeycloakLogin(keycloakUrl()).loginWithPasswordOnly(t.realmName(), person.username(),
                PASSWORD)).as("%s signing in with the password alone", role)
                .isInstanceOf(KeycloakLogin.SecondFactorDemandedException.class);
    }

    private RealmResource realm(Tenant t) {
        return keycloakAdmin.client().realm(t.realmName());
    }

    private List<String> otpCredentialIds(Tenant t, TestUser user) {
        return realm(t).users().get(user.subject()).credentials().stream()
                .filter(c -> "otp".equals(c.getType())).map(CredentialRepresentation::getId).toList();
    }

    /** The OTP credential disappears, by whatever route (here: an administrator). */
    private void removeOtp(Tenant t, TestUser user) {
        for (String id : otpCredentialIds(t, user)) {
            realm(t).users().get(user.subject()).removeCredential(id);
        }
        KeycloakLogin.forgetAuthenticator(t.realmName(), user.username());
    }
}
