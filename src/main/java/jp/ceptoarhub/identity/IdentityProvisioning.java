package jp.ceptoarhub.identity;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the service does to Keycloak through keycloak-admin-client: realms from the template, users with
 * required actions, disable/enable, and the compensating deletes used when a later step fails.
 */
@Singleton
public class IdentityProvisioning {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityProvisioning.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakAdmin admin;
    private final KeycloakSettings settings;

    IdentityProvisioning(KeycloakAdmin admin, KeycloakSettings settings) {
        this.admin = admin;
        this.settings = settings;
    }

    public boolean realmExists(String realmName) {
        try {
            admin.client().realm(realmName).toRepresentation();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    public void createRealm(String realmName, String displayName, boolean national) {
        admin.client().realms().create(RealmTemplate.realm(realmName, displayName, national, settings.redirectUris()));
        // Names are optional here (the service keeps a display name); Keycloak 26 would otherwise stop every invited
        // person at a "verify profile" page asking for first and last name, which Japanese names do not split into.
        var flows = admin.client().realm(realmName).flows();
        var verifyProfile = flows.getRequiredAction("VERIFY_PROFILE");
        verifyProfile.setEnabled(false);
        flows.updateRequiredAction("VERIFY_PROFILE", verifyProfile);
        LOG.info("Created Keycloak realm {}", realmName);
    }

    /**
     * Makes the realm's public clients accept the configured redirect URIs (the console's URL, the app's scheme),
     * so that a changed {@code CEPTOAR_CONSOLE_URL} reaches realms created before the change. Web origins and
     * post-logout redirects are "+", derived by Keycloak from the redirect URIs. Returns whether anything changed.
     */
    public boolean alignPublicClients(String realmName) {
        RealmResource realm = admin.client().realm(realmName);
        boolean changed = false;
        for (ClientRepresentation wanted : RealmTemplate.publicClients(settings.redirectUris())) {
            for (ClientRepresentation existing : realm.clients().findByClientId(wanted.getClientId())) {
                if (!new java.util.HashSet<>(existing.getRedirectUris() == null ? List.of() : existing.getRedirectUris())
                        .equals(new java.util.HashSet<>(wanted.getRedirectUris()))) {
                    existing.setRedirectUris(wanted.getRedirectUris());
                    existing.setWebOrigins(wanted.getWebOrigins());
                    realm.clients().get(existing.getId()).update(existing);
                    LOG.info("Realm {}: client {} now accepts {}", realmName, wanted.getClientId(), wanted.getRedirectUris());
                    changed = true;
                }
            }
        }
        return changed;
    }

    public void deleteRealmQuietly(String realmName) {
        try {
            admin.client().realm(realmName).remove();
            LOG.info("Removed Keycloak realm {} (compensation)", realmName);
        } catch (RuntimeException e) {
            LOG.error("Could not remove Keycloak realm {} during compensation; remove it by hand", realmName, e);
        }
    }

    /** Creates the NISC system's confidential client; returns the service account's subject. */
    public String createNiscSystemClient(String realmName, String secret) {
        RealmResource realm = admin.client().realm(realmName);
        try (Response response = realm.clients().create(RealmTemplate.niscSystemClient(secret))) {
            if (response.getStatus() != 201) {
                throw new IllegalStateException("Keycloak refused the nisc-system client: HTTP " + response.getStatus());
            }
        }
        return niscSystemSubject(realmName).orElseThrow();
    }

    public Optional<String> niscSystemSubject(String realmName) {
        RealmResource realm = admin.client().realm(realmName);
        List<ClientRepresentation> found = realm.clients().findByClientId(RealmTemplate.NISC_SYSTEM_CLIENT);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(realm.clients().get(found.getFirst().getId()).getServiceAccountUser().getId());
    }

    /**
     * Creates a user. With {@code password == null} a random temporary password is set and returned, and the user
     * must change it at first login; required actions always include UPDATE_PASSWORD in that case, and
     * CONFIGURE_TOTP for roles that must use TOTP.
     */
    public ProvisionedUser createUser(String realmName, NewUser user) {
        List<String> actions = new ArrayList<>(user.requiredActions());
        String password = user.password();
        boolean temporary = false;
        if (password == null) {
            password = randomPassword();
            temporary = true;
            if (!actions.contains("UPDATE_PASSWORD")) {
                actions.add("UPDATE_PASSWORD");
            }
        }
        UserRepresentation rep = new UserRepresentation();
        rep.setUsername(user.username());
        rep.setEmail(user.email());
        rep.setEmailVerified(user.emailVerified());
        rep.setFirstName(user.firstName());
        rep.setLastName(user.lastName());
        rep.setEnabled(true);
        rep.setRequiredActions(actions);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(temporary);
        rep.setCredentials(List.of(credential));
        try (Response response = admin.client().realm(realmName).users().create(rep)) {
            if (response.getStatus() == 409) {
                throw new UserConflictException(user.username());
            }
            String id = CreatedResponseUtil.getCreatedId(response);
            return new ProvisionedUser(id, temporary ? password : null, actions);
        } catch (WebApplicationException e) {
            throw new IllegalStateException("Keycloak refused user " + user.username() + ": " + e.getMessage(), e);
        }
    }

    public void deleteUserQuietly(String realmName, String userId) {
        try (Response ignored = admin.client().realm(realmName).users().delete(userId)) {
            LOG.info("Removed Keycloak user {} in realm {} (compensation)", userId, realmName);
        } catch (RuntimeException e) {
            LOG.error("Could not remove Keycloak user {} in realm {}; remove it by hand", userId, realmName, e);
        }
    }

    /** Deletes a user; a user Keycloak no longer has counts as deleted. */
    public void deleteUser(String realmName, String userId) {
        try (Response response = admin.client().realm(realmName).users().delete(userId)) {
            if (response.getStatus() != 204 && response.getStatus() != 404) {
                throw new IllegalStateException("Keycloak refused to delete user " + userId + ": HTTP "
                        + response.getStatus());
            }
        }
    }

    /** Adds a required action (e.g. CONFIGURE_TOTP after a promotion to a secretariat role) unless already done. */
    public void requireAction(String realmName, String userId, String action) {
        var resource = admin.client().realm(realmName).users().get(userId);
        if ("CONFIGURE_TOTP".equals(action)
                && resource.credentials().stream().anyMatch(c -> "otp".equals(c.getType()))) {
            return;
        }
        UserRepresentation rep = resource.toRepresentation();
        List<String> actions = new ArrayList<>(rep.getRequiredActions() == null ? List.of() : rep.getRequiredActions());
        if (!actions.contains(action)) {
            actions.add(action);
            rep.setRequiredActions(actions);
            resource.update(rep);
        }
    }

    public void setUserEnabled(String realmName, String userId, boolean enabled) {
        var resource = admin.client().realm(realmName).users().get(userId);
        UserRepresentation rep = resource.toRepresentation();
        rep.setEnabled(enabled);
        resource.update(rep);
        if (!enabled) {
            resource.logout();
        }
    }

    /** Sets a permanent password and replaces the pending required actions (demo data and support tooling). */
    public void resetCredentials(String realmName, String userId, String password, List<String> requiredActions) {
        var resource = admin.client().realm(realmName).users().get(userId);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        resource.resetPassword(credential);
        UserRepresentation rep = resource.toRepresentation();
        rep.setRequiredActions(requiredActions);
        rep.setEmailVerified(true);
        resource.update(rep);
    }

    public void sendActionsEmail(String realmName, String userId, List<String> actions) {
        admin.client().realm(realmName).users().get(userId).executeActionsEmail(actions);
    }

    public boolean smtpConfigured(String realmName) {
        var smtp = admin.client().realm(realmName).toRepresentation().getSmtpServer();
        return smtp != null && smtp.get("host") != null && !smtp.get("host").isBlank();
    }

    static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    public static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    public record NewUser(String username, @Nullable String email, boolean emailVerified, @Nullable String firstName,
                          @Nullable String lastName, @Nullable String password, List<String> requiredActions) {
    }

    public record ProvisionedUser(String subject, @Nullable String temporaryPassword, List<String> requiredActions) {
    }

    public static class UserConflictException extends RuntimeException {
        public UserConflictException(String username) {
            super("A Keycloak user named " + username + " already exists");
        }
    }
}
