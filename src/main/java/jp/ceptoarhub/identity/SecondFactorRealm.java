package jp.ceptoarhub.identity;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.resource.AuthenticationManagementResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The parts of the realm template that a {@code RealmRepresentation} cannot carry, applied through the admin API
 * when a realm is created and, for realms created by earlier versions, at start-up. Every step is idempotent; the
 * realm attribute {@link #VERSION_ATTRIBUTE} is written last, so a realm that carries the current version is
 * complete.
 *
 * <p>What it sets up (issue 9 item 1):
 * <ul>
 *   <li>the browser flow {@link #BROWSER_FLOW}: after the password, people holding the realm role
 *       {@link RealmTemplate#SECOND_FACTOR_ROLE} must pass the OTP form (and, without an authenticator yet, enrol one
 *       before any token is issued); others are asked for OTP only if they configured one. The required
 *       second-factor sub-flow carries a level-of-authentication condition, so a token of a sign-in that passed it
 *       (or enrolled) carries {@code acr} {@value RealmTemplate#SECOND_FACTOR_LEVEL} — also for later SSO sign-ins of
 *       the same session — and any other sign-in 1 (0 for SSO). The service checks it, so a realm whose flow is
 *       loosened by hand fails closed;</li>
 *   <li>no self-service removal of a second factor: the {@code delete_credential} action is disabled, the account
 *       API's {@code manage-account} role is no longer a default role, and the product's clients do not put the
 *       realm's roles (hence the {@code account} audience) into their tokens; "forgot password" no longer resets
 *       OTP. A person who lost their phone is reset by an administrator (second-factor reset);</li>
 *   <li>no password grant through {@code admin-cli} in the realm.</li>
 * </ul>
 */
final class SecondFactorRealm {
    static final String VERSION_ATTRIBUTE = "ceptoarHubTemplateVersion";
    /** Raise when a step is added; realms below it are upgraded at start-up. */
    static final int VERSION = 2;
    static final String BROWSER_FLOW = "ceptoar browser";
    private static final String FORMS = "ceptoar browser forms";
    private static final String REQUIRED_OTP = "ceptoar second factor required";
    private static final String OPTIONAL_OTP = "ceptoar second factor if configured";
    /** How long a passed second factor counts for SSO sign-ins of the same session: the session's maximum. */
    private static final int LEVEL_MAX_AGE_SECONDS = 36000;

    private SecondFactorRealm() {
    }

    static boolean current(RealmResource realm) {
        Map<String, String> attributes = realm.toRepresentation().getAttributes();
        return attributes != null && String.valueOf(VERSION).equals(attributes.get(VERSION_ATTRIBUTE));
    }

    /**
     * Brings the realm to the current template version and gives the second-factor role to the given users (those
     * whose role needs it, for a realm created before the role existed); does nothing to a realm already there.
     */
    static boolean apply(RealmResource realm, Collection<String> secondFactorSubjects) {
        if (current(realm)) {
            return false;
        }
        ensureRole(realm);
        ensureBrowserFlow(realm);
        disableRequiredAction(realm, "delete_credential");
        disableRequiredAction(realm, "VERIFY_PROFILE");
        disableOtpResetOnForgottenPassword(realm.flows());
        removeManageAccountFromDefaultRoles(realm);
        for (String clientId : List.of(RealmTemplate.WEB_CLIENT, RealmTemplate.MOBILE_CLIENT)) {
            updateClient(realm, clientId, c -> c.setFullScopeAllowed(false));
        }
        updateClient(realm, "admin-cli", c -> c.setDirectAccessGrantsEnabled(false));
        RoleRepresentation role = realm.roles().get(RealmTemplate.SECOND_FACTOR_ROLE).toRepresentation();
        for (String subject : secondFactorSubjects) {
            try {
                realm.users().get(subject).roles().realmLevel().add(List.of(role));
            } catch (NotFoundException e) {
                // A user the service knows but Keycloak no longer has: nothing to protect.
            }
        }
        RealmRepresentation rep = realm.toRepresentation();
        Map<String, String> attributes = rep.getAttributes() == null ? new HashMap<>() : new HashMap<>(rep.getAttributes());
        attributes.put(VERSION_ATTRIBUTE, String.valueOf(VERSION));
        RealmRepresentation update = new RealmRepresentation();
        update.setBrowserFlow(BROWSER_FLOW);
        update.setAttributes(attributes);
        realm.update(update);
        return true;
    }

    private static void ensureRole(RealmResource realm) {
        try {
            realm.roles().get(RealmTemplate.SECOND_FACTOR_ROLE).toRepresentation();
        } catch (NotFoundException e) {
            RoleRepresentation role = new RoleRepresentation();
            role.setName(RealmTemplate.SECOND_FACTOR_ROLE);
            role.setDescription("Must sign in with a second factor (OTP). Maintained by CEPTOAR Hub from the person's "
                    + "role: secretariat and national people hold it; removing it by hand does not let them in "
                    + "without one.");
            realm.roles().create(role);
        }
    }

    /**
     * Builds the flow under its alias. A flow left half-built by an interrupted earlier attempt (the version
     * attribute is written only at the end) is removed first, unless the realm already uses it.
     */
    private static void ensureBrowserFlow(RealmResource realm) {
        AuthenticationManagementResource flows = realm.flows();
        Optional<AuthenticationFlowRepresentation> existing = flows.getFlows().stream()
                .filter(f -> BROWSER_FLOW.equals(f.getAlias())).findFirst();
        if (existing.isPresent()) {
            if (BROWSER_FLOW.equals(realm.toRepresentation().getBrowserFlow())) {
                return;
            }
            flows.deleteFlow(existing.get().getId());
        }
        AuthenticationFlowRepresentation flow = new AuthenticationFlowRepresentation();
        flow.setAlias(BROWSER_FLOW);
        flow.setDescription("Browser sign-in of CEPTOAR Hub: password, then OTP for secretariat and national people");
        flow.setProviderId("basic-flow");
        flow.setTopLevel(true);
        flow.setBuiltIn(false);
        try (Response r = flows.createFlow(flow)) {
            if (r.getStatus() != 201) {
                throw new IllegalStateException("Keycloak refused the flow " + BROWSER_FLOW + ": HTTP " + r.getStatus());
            }
        }
        addExecution(flows, BROWSER_FLOW, "auth-cookie", "ALTERNATIVE");
        addSubFlow(flows, BROWSER_FLOW, FORMS, "ALTERNATIVE");
        addExecution(flows, FORMS, "auth-username-password-form", "REQUIRED");
        addSubFlow(flows, FORMS, REQUIRED_OTP, "CONDITIONAL");
        configure(flows, addExecution(flows, REQUIRED_OTP, "conditional-user-role", "REQUIRED"), "ceptoar second factor role",
                Map.of("condUserRole", RealmTemplate.SECOND_FACTOR_ROLE, "negate", "false"));
        configure(flows, addExecution(flows, REQUIRED_OTP, "conditional-level-of-authentication", "REQUIRED"),
                "ceptoar second factor level for role", levelConfig());
        addExecution(flows, REQUIRED_OTP, "auth-otp-form", "REQUIRED");
        // No level condition here: Keycloak allows one condition per level in a flow (it maps levels to their
        // maximum age), and nobody's role depends on this second factor.
        addSubFlow(flows, FORMS, OPTIONAL_OTP, "CONDITIONAL");
        addExecution(flows, OPTIONAL_OTP, "conditional-user-configured", "REQUIRED");
        addExecution(flows, OPTIONAL_OTP, "auth-otp-form", "REQUIRED");
    }

    private static Map<String, String> levelConfig() {
        return Map.of("loa-condition-level", String.valueOf(RealmTemplate.SECOND_FACTOR_LEVEL),
                "loa-max-age", String.valueOf(LEVEL_MAX_AGE_SECONDS));
    }

    private static void addSubFlow(AuthenticationManagementResource flows, String parent, String alias,
                                   String requirement) {
        flows.addExecutionFlow(parent, Map.of("alias", alias, "type", "basic-flow", "provider", "registration-page-form",
                "description", alias));
        setRequirement(flows, parent, e -> alias.equals(e.getDisplayName()) && Boolean.TRUE.equals(e.getAuthenticationFlow()),
                requirement);
    }

    /** Adds an authenticator as the last execution of the flow and returns its execution id. */
    private static String addExecution(AuthenticationManagementResource flows, String flowAlias, String provider,
                                       String requirement) {
        flows.addExecution(flowAlias, Map.of("provider", provider));
        return setRequirement(flows, flowAlias, e -> provider.equals(e.getProviderId()), requirement);
    }

    private static String setRequirement(AuthenticationManagementResource flows, String flowAlias,
                                         Predicate<AuthenticationExecutionInfoRepresentation> which,
                                         String requirement) {
        List<AuthenticationExecutionInfoRepresentation> direct = flows.getExecutions(flowAlias).stream()
                .filter(e -> e.getLevel() == 0).filter(which).toList();
        AuthenticationExecutionInfoRepresentation added = direct.getLast();
        added.setRequirement(requirement);
        flows.updateExecutions(flowAlias, added);
        return added.getId();
    }

    private static void configure(AuthenticationManagementResource flows, String executionId, String alias,
                                  Map<String, String> config) {
        AuthenticatorConfigRepresentation rep = new AuthenticatorConfigRepresentation();
        rep.setAlias(alias);
        rep.setConfig(config);
        try (Response r = flows.newExecutionConfig(executionId, rep)) {
            if (r.getStatus() != 201) {
                throw new IllegalStateException("Keycloak refused the configuration " + alias + ": HTTP " + r.getStatus());
            }
        }
    }

    private static void disableRequiredAction(RealmResource realm, String alias) {
        var action = realm.flows().getRequiredAction(alias);
        if (action.isEnabled()) {
            action.setEnabled(false);
            realm.flows().updateRequiredAction(alias, action);
        }
    }

    /** Keycloak's "forgot password" flow removes the OTP credential by default; here only an administrator does. */
    private static void disableOtpResetOnForgottenPassword(AuthenticationManagementResource flows) {
        String resetFlow = "reset credentials";
        for (AuthenticationExecutionInfoRepresentation e : flows.getExecutions(resetFlow)) {
            boolean otpReset = "reset-otp".equals(e.getProviderId())
                    || Boolean.TRUE.equals(e.getAuthenticationFlow()) && e.getDisplayName() != null
                    && e.getDisplayName().contains("OTP") && e.getLevel() == 0;
            if (otpReset && !"DISABLED".equals(e.getRequirement())) {
                e.setRequirement("DISABLED");
                flows.updateExecutions(resetFlow, e);
            }
        }
    }

    private static void removeManageAccountFromDefaultRoles(RealmResource realm) {
        List<ClientRepresentation> account = realm.clients().findByClientId("account");
        if (account.isEmpty()) {
            return;
        }
        var defaultRoles = realm.roles().get(realm.toRepresentation().getDefaultRole().getName());
        List<RoleRepresentation> manage = defaultRoles.getClientRoleComposites(account.getFirst().getId()).stream()
                .filter(r -> r.getName().startsWith("manage-account")).toList();
        if (!manage.isEmpty()) {
            defaultRoles.deleteComposites(manage);
        }
    }

    private static void updateClient(RealmResource realm, String clientId,
                                     Consumer<ClientRepresentation> change) {
        List<ClientRepresentation> found = realm.clients().findByClientId(clientId);
        if (found.isEmpty()) {
            return;
        }
        var resource = realm.clients().get(found.getFirst().getId());
        ClientRepresentation rep = resource.toRepresentation();
        change.accept(rep);
        resource.update(rep);
    }
}
