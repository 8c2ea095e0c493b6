package jp.ceptoarhub.identity;

import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.caller.Role;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.RolesRepresentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The realm every tenant gets. Keycloak keeps credentials, MFA and sessions; the service keeps roles, so the realm
 * roles here are informational (for Keycloak admins) and never trusted by the service.
 */
public final class RealmTemplate {
    public static final String WEB_CLIENT = "ceptoar-web";
    public static final String MOBILE_CLIENT = "ceptoar-mobile";
    public static final String NISC_SYSTEM_CLIENT = "nisc-system";
    /**
     * Realm role marking the people who must sign in with a second factor (secretariat and national roles). The
     * service keeps it in step with the person's role; the browser flow asks such people for OTP.
     */
    public static final String SECOND_FACTOR_ROLE = "second-factor-required";
    /** The level of authentication ({@code acr}) of a sign-in that passed (or enrolled) a second factor. */
    public static final int SECOND_FACTOR_LEVEL = 2;
    public static final String PASSWORD_POLICY =
            "length(12) and notUsername(undefined) and notEmail(undefined) and passwordHistory(5)";

    private RealmTemplate() {
    }

    /**
     * Whether a token's {@code acr} proves a second factor. Only the numeric levels this template configures count:
     * a missing, unknown or lower value (a realm whose flow was changed by hand, an old session) does not.
     */
    public static boolean provesSecondFactor(Object acr) {
        if (!(acr instanceof String level)) {
            return false;
        }
        try {
            return Integer.parseInt(level) >= SECOND_FACTOR_LEVEL;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public static RealmRepresentation realm(String realmName, String displayName, boolean national,
                                            List<String> redirectUris) {
        RealmRepresentation realm = new RealmRepresentation();
        realm.setRealm(realmName);
        realm.setDisplayName(displayName);
        realm.setEnabled(true);
        realm.setSslRequired("external");
        realm.setRegistrationAllowed(false);
        realm.setResetPasswordAllowed(true);
        realm.setLoginWithEmailAllowed(true);
        realm.setDuplicateEmailsAllowed(false);
        realm.setBruteForceProtected(true);
        realm.setPermanentLockout(false);
        realm.setFailureFactor(5);
        realm.setWaitIncrementSeconds(60);
        realm.setMaxFailureWaitSeconds(900);
        realm.setMaxDeltaTimeSeconds(43200);
        realm.setPasswordPolicy(PASSWORD_POLICY);
        realm.setOtpPolicyType("totp");
        realm.setOtpPolicyAlgorithm("HmacSHA1");
        realm.setOtpPolicyDigits(6);
        realm.setOtpPolicyPeriod(30);
        realm.setAccessTokenLifespan(300);
        realm.setSsoSessionIdleTimeout(1800);
        realm.setSsoSessionMaxLifespan(36000);
        realm.setInternationalizationEnabled(true);
        realm.setSupportedLocales(Set.of("ja", "en"));
        realm.setDefaultLocale("ja");
        realm.setRevokeRefreshToken(true);

        RolesRepresentation roles = new RolesRepresentation();
        List<RoleRepresentation> realmRoles = new ArrayList<>();
        for (Role role : Role.values()) {
            if (role.national() == national) {
                RoleRepresentation r = new RoleRepresentation();
                r.setName(role.code());
                r.setDescription(role.label(Labels.EN) + " (informational; the service's database is authoritative)");
                realmRoles.add(r);
            }
        }
        roles.setRealm(realmRoles);
        realm.setRoles(roles);

        realm.setClients(new ArrayList<>(publicClients(redirectUris)));
        return realm;
    }

    /** The web console's and the phone app's clients: http(s) redirect URIs are the console's, others the app's. */
    static List<ClientRepresentation> publicClients(List<String> redirectUris) {
        return List.of(
                publicPkceClient(WEB_CLIENT, "CEPTOAR Hub web console", redirectUris.stream()
                        .filter(u -> u.startsWith("http")).toList()),
                publicPkceClient(MOBILE_CLIENT, "CEPTOAR Hub mobile app", redirectUris.stream()
                        .filter(u -> !u.startsWith("http")).toList()));
    }

    static ClientRepresentation publicPkceClient(String clientId, String name, List<String> redirectUris) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setName(name);
        client.setEnabled(true);
        client.setProtocol("openid-connect");
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setServiceAccountsEnabled(false);
        // The realm's roles (and so the account API's audience) stay out of the product's tokens: the service reads
        // roles from its own database, and a stolen access token must not manage the person's credentials.
        client.setFullScopeAllowed(false);
        client.setRedirectUris(redirectUris);
        client.setWebOrigins(List.of("+"));
        client.setAttributes(Map.of(
                "pkce.code.challenge.method", "S256",
                "post.logout.redirect.uris", "+"));
        return client;
    }

    public static ClientRepresentation niscSystemClient(String secret) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(NISC_SYSTEM_CLIENT);
        client.setName("NISC system (machine-to-machine summaries)");
        client.setEnabled(true);
        client.setProtocol("openid-connect");
        client.setPublicClient(false);
        client.setSecret(secret);
        client.setClientAuthenticatorType("client-secret");
        client.setStandardFlowEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setServiceAccountsEnabled(true);
        return client;
    }
}
