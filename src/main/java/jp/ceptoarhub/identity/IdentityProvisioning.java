package jp.ceptoarhub.identity;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
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
    static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";
    static final String CONFIGURE_TOTP = "CONFIGURE_TOTP";
    private static final String OTP = "otp";

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
        SecondFactorRealm.apply(admin.client().realm(realmName), List.of());
        LOG.info("Created Keycloak realm {}", realmName);
    }

    /**
     * Brings a realm created by an earlier version to the current template (second-factor flow, no self-service
     * removal of it, no admin-cli password grant) and gives the second-factor role to the listed users (Keycloak
     * subjects of people whose role needs it); true if it changed anything. Idempotent: a realm already at the
     * current version is left alone.
     */
    public boolean upgradeRealm(String realmName, Collection<String> secondFactorSubjects) {
        boolean changed = SecondFactorRealm.apply(admin.client().realm(realmName), secondFactorSubjects);
        if (changed) {
            LOG.info("Upgraded Keycloak realm {} to template version {}", realmName, SecondFactorRealm.VERSION);
        }
        return changed;
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
                if (!new HashSet<>(existing.getRedirectUris() == null ? List.of() : existing.getRedirectUris())
                        .equals(new HashSet<>(wanted.getRedirectUris()))) {
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
     * must change it at first login; required actions always include UPDATE_PASSWORD in that case. A user who must
     * use a second factor also gets CONFIGURE_TOTP and the realm role {@link RealmTemplate#SECOND_FACTOR_ROLE}
     * (without which Keycloak would let them in on the password alone); if the role cannot be granted, the user is
     * removed again.
     */
    public ProvisionedUser createUser(String realmName, NewUser user) {
        List<String> actions = new ArrayList<>(user.requiredActions());
        String password = user.password();
        boolean temporary = user.temporaryPassword();
        if (password == null && !user.withoutPassword()) {
            password = randomPassword();
            temporary = true;
        }
        if ((temporary || password == null) && !actions.contains(UPDATE_PASSWORD)) {
            actions.add(UPDATE_PASSWORD);
        }
        if (user.secondFactor() && !actions.contains(CONFIGURE_TOTP)) {
            actions.add(CONFIGURE_TOTP);
        }
        UserRepresentation rep = new UserRepresentation();
        rep.setUsername(user.username());
        rep.setEmail(user.email());
        rep.setEmailVerified(user.emailVerified());
        rep.setFirstName(user.firstName());
        rep.setLastName(user.lastName());
        rep.setEnabled(true);
        rep.setRequiredActions(actions);
        if (password != null) {
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(temporary);
            rep.setCredentials(List.of(credential));
        }
        String id;
        try (Response response = admin.client().realm(realmName).users().create(rep)) {
            if (response.getStatus() == 409) {
                throw new UserConflictException(user.username());
            }
            id = CreatedResponseUtil.getCreatedId(response);
        } catch (WebApplicationException e) {
            throw new IllegalStateException("Keycloak refused user " + user.username() + ": " + e.getMessage(), e);
        }
        if (user.secondFactor()) {
            try {
                grantSecondFactorRole(realmName, id);
            } catch (RuntimeException e) {
                deleteUserQuietly(realmName, id);
                throw new IllegalStateException("Keycloak refused the second-factor role for " + user.username(), e);
            }
        }
        return new ProvisionedUser(id, temporary && user.password() == null ? password : null, actions);
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

    /**
     * The person must sign in with a second factor from now on (a promotion to a secretariat or national role): the
     * realm role that makes the browser flow ask for OTP, enrolment at the next sign-in if they have none, and the end
     * of their current sessions, so nothing signed in without a second factor outlives the change.
     */
    public void requireSecondFactor(String realmName, String userId) {
        grantSecondFactorRole(realmName, userId);
        var resource = admin.client().realm(realmName).users().get(userId);
        if (resource.credentials().stream().noneMatch(c -> OTP.equals(c.getType()))) {
            addRequiredAction(resource, CONFIGURE_TOTP);
        }
        resource.logout();
    }

    /** The person no longer needs a second factor (a change to an operator role); one they configured stays. */
    public void releaseSecondFactor(String realmName, String userId) {
        var resource = admin.client().realm(realmName).users().get(userId);
        List<RoleRepresentation> held = resource.roles().realmLevel().listAll().stream()
                .filter(r -> RealmTemplate.SECOND_FACTOR_ROLE.equals(r.getName())).toList();
        if (!held.isEmpty()) {
            resource.roles().realmLevel().remove(held);
        }
        UserRepresentation rep = resource.toRepresentation();
        if (rep.getRequiredActions() != null && rep.getRequiredActions().contains(CONFIGURE_TOTP)) {
            rep.setRequiredActions(rep.getRequiredActions().stream().filter(a -> !CONFIGURE_TOTP.equals(a)).toList());
            resource.update(rep);
        }
    }

    /**
     * Removes every OTP credential of the person (a lost phone) and ends their sessions; someone who must use a
     * second factor enrols a new one at the next sign-in, before any token is issued. Returns how many credentials
     * were removed.
     */
    public int resetSecondFactor(String realmName, String userId) {
        var resource = admin.client().realm(realmName).users().get(userId);
        int removed = 0;
        for (CredentialRepresentation c : resource.credentials()) {
            if (OTP.equals(c.getType())) {
                resource.removeCredential(c.getId());
                removed++;
            }
        }
        boolean required = resource.roles().realmLevel().listAll().stream()
                .anyMatch(r -> RealmTemplate.SECOND_FACTOR_ROLE.equals(r.getName()));
        if (required) {
            addRequiredAction(resource, CONFIGURE_TOTP);
        }
        resource.logout();
        return removed;
    }

    /** Gives the person the second-factor role; a no-op if they hold it already. */
    public void grantSecondFactorRole(String realmName, String userId) {
        RealmResource realm = admin.client().realm(realmName);
        RoleRepresentation role = realm.roles().get(RealmTemplate.SECOND_FACTOR_ROLE).toRepresentation();
        realm.users().get(userId).roles().realmLevel().add(List.of(role));
    }

    private static void addRequiredAction(UserResource resource, String action) {
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
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * A person to create. {@code password} null: a random one-time password is generated and returned, unless
     * {@code withoutPassword} (the person gets none at all; an administrator sets one out of band). A given
     * {@code password} is permanent unless {@code temporaryPassword}. {@code secondFactor}: see {@link #createUser}.
     */
    public record NewUser(String username, @Nullable String email, boolean emailVerified, @Nullable String firstName,
                          @Nullable String lastName, @Nullable String password, List<String> requiredActions,
                          boolean secondFactor, boolean temporaryPassword, boolean withoutPassword) {
        public NewUser(String username, @Nullable String email, boolean emailVerified, @Nullable String firstName,
                       @Nullable String lastName, @Nullable String password, List<String> requiredActions) {
            this(username, email, emailVerified, firstName, lastName, password, requiredActions, false, false, false);
        }

        public NewUser withSecondFactor(boolean required) {
            return new NewUser(username, email, emailVerified, firstName, lastName, password, requiredActions, required,
                    temporaryPassword, withoutPassword);
        }
    }

    public record ProvisionedUser(String subject, @Nullable String temporaryPassword, List<String> requiredActions) {
    }

    public static class UserConflictException extends RuntimeException {
        public UserConflictException(String username) {
            super("A Keycloak user named " + username + " already exists");
        }
    }
}
