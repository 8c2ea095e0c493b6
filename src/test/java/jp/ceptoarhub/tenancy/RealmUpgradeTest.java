package jp.ceptoarhub.tenancy;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.identity.IdentityProvisioning;
import jp.ceptoarhub.identity.KeycloakAdmin;
import jp.ceptoarhub.identity.RealmTemplate;
import jp.ceptoarhub.testing.IntegrationTest;
import jp.ceptoarhub.testing.KeycloakLogin;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Realms created by earlier versions (no second-factor flow, OTP removable through the account API, password grant
 * of admin-cli on) are brought to the current template at start-up, once, with the second-factor role given to the
 * people who need it; until then the service refuses their secretariat people's tokens.
 */
@MicronautTest(transactional = false)
class RealmUpgradeTest extends IntegrationTest {
    @Inject
    KeycloakAdmin keycloakAdmin;
    @Inject
    RealmUpgrade upgrade;
    @Inject
    IdentityProvisioning identity;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("ceptoar.realm-upgrade.enabled", "true");
        p.put("ceptoar.realm-upgrade.initial-delay", "1h");
        return p;
    }

    @Test
    void aRealmOfAnEarlierVersionIsUpgradedOnceAndFailsClosedUntilThen() throws Exception {
        Tenant tenant = newTenant("旧版CEPTOAR");
        TestUser staff = person(tenant, Role.SECRETARIAT_STAFF);
        TestUser operator = person(tenant, Role.OPERATOR_STAFF);
        token(staff);
        RealmResource realm = keycloakAdmin.client().realm(tenant.realmName());
        asCreatedByAnEarlierVersion(realm, staff);

        String passwordOnly = new KeycloakLogin(keycloakUrl()).loginWithPasswordOnly(tenant.realmName(),
                staff.username(), PASSWORD).accessToken();
        assertThat(error(HttpRequest.GET("/api/v1/me").bearerAuth(passwordOnly)).code())
                .as("before the upgrade the service fails closed").isEqualTo(401);

        assertThat(upgrade.upgradeAll()).isTrue();

        assertThat(realm.toRepresentation().getBrowserFlow()).isEqualTo("ceptoar browser");
        assertThat(realm.users().get(staff.subject()).roles().realmLevel().listAll())
                .extracting(RoleRepresentation::getName).contains(RealmTemplate.SECOND_FACTOR_ROLE);
        assertThat(realm.users().get(operator.subject()).roles().realmLevel().listAll())
                .extracting(RoleRepresentation::getName).doesNotContain(RealmTemplate.SECOND_FACTOR_ROLE);
        assertThat(realm.flows().getRequiredAction("delete_credential").isEnabled()).isFalse();
        assertThat(KeycloakLogin.passwordGrant(keycloakUrl(), tenant.realmName(), "admin-cli", operator.username(),
                PASSWORD).body()).contains("unauthorized_client");
        assertThatThrownBy(() -> new KeycloakLogin(keycloakUrl()).loginWithPasswordOnly(tenant.realmName(),
                staff.username(), PASSWORD)).isInstanceOf(KeycloakLogin.SecondFactorDemandedException.class);

        assertThat(identity.upgradeRealm(tenant.realmName(), List.of())).as("a second run changes nothing").isFalse();
    }

    /** Undoes what the current template adds, as a realm of the previous version looked. */
    private void asCreatedByAnEarlierVersion(RealmResource realm, TestUser secondFactorUser) {
        RealmRepresentation rep = realm.toRepresentation();
        Map<String, String> attributes = new HashMap<>(rep.getAttributes());
        attributes.remove("ceptoarHubTemplateVersion");
        RealmRepresentation update = new RealmRepresentation();
        update.setBrowserFlow("browser");
        update.setAttributes(attributes);
        realm.update(update);
        realm.flows().getFlows().stream().filter(f -> f.getAlias().equals("ceptoar browser")).findFirst()
                .ifPresent(f -> realm.flows().deleteFlow(f.getId()));
        var action = realm.flows().getRequiredAction("delete_credential");
        action.setEnabled(true);
        realm.flows().updateRequiredAction("delete_credential", action);
        RoleRepresentation marker = realm.roles().get(RealmTemplate.SECOND_FACTOR_ROLE).toRepresentation();
        realm.users().get(secondFactorUser.subject()).roles().realmLevel().remove(List.of(marker));
        ClientRepresentation adminCli = realm.clients().findByClientId("admin-cli").getFirst();
        adminCli.setDirectAccessGrantsEnabled(true);
        realm.clients().get(adminCli.getId()).update(adminCli);
        for (String otp : realm.users().get(secondFactorUser.subject()).credentials().stream()
                .filter(c -> "otp".equals(c.getType())).map(CredentialRepresentation::getId).toList()) {
            realm.users().get(secondFactorUser.subject()).removeCredential(otp);
        }
        KeycloakLogin.forgetAuthenticator(realm.toRepresentation().getRealm(), secondFactorUser.username());
    }
}
