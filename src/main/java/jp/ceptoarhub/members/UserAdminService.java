package jp.ceptoarhub.members;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.ClockFactory;
import jp.ceptoarhub.api.Problems.FieldError;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.audit.AuditService;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.api.Labelled;
import jp.ceptoarhub.identity.Affiliation;
import jp.ceptoarhub.identity.AppUser;
import jp.ceptoarhub.identity.IdentityProvisioning;
import jp.ceptoarhub.identity.Invitation;
import jp.ceptoarhub.identity.UserDirectory;
import jp.ceptoarhub.identity.UserInvitations;
import jp.ceptoarhub.tenancy.NationalOrganisations;
import jp.ceptoarhub.tenancy.TenantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zalando.problem.ThrowableProblem;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Users of a CEPTOAR: a secretariat admin manages every user of its tenant; an operator admin manages the operator
 * users of its own member operator only. Changes that touch Keycloak (disable, enable, role → TOTP, delete) make the
 * Keycloak call last inside the database transaction, so a Keycloak failure rolls the row back; a commit that fails
 * after Keycloak changed is compensated. Other tenants' ids, and users an operator admin may not manage, are 404.
 */
@Singleton
class UserAdminService {
    private static final Logger LOG = LoggerFactory.getLogger(UserAdminService.class);
    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9._@-]{3,100}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final Set<Role> TENANT_ROLES = Set.of(Role.SECRETARIAT_ADMIN, Role.SECRETARIAT_STAFF, Role.OPERATOR_ADMIN,
            Role.OPERATOR_STAFF);
    /** People of the national tenant the platform administrator invites (the NISC system client is not invited). */
    static final Set<Role> NATIONAL_ROLES = Set.of(Role.NISC_ANALYST, Role.MINISTRY_OFFICER, Role.PLATFORM_ADMIN);

    private final UserDirectory users;
    private final UserInvitations invitations;
    private final IdentityProvisioning keycloak;
    private final TenantDirectory tenants;
    private final MemberService members;
    private final AuditService audit;
    private final TransactionOperations<Connection> tx;
    private final NationalOrganisations nationalOrganisations;
    private final Clock clock;

    UserAdminService(UserDirectory users, UserInvitations invitations, IdentityProvisioning keycloak,
                     TenantDirectory tenants, MemberService members, AuditService audit,
                     TransactionOperations<Connection> tx, NationalOrganisations nationalOrganisations, Clock clock) {
        this.nationalOrganisations = nationalOrganisations;
        this.clock = clock;
        this.users = users;
        this.invitations = invitations;
        this.keycloak = keycloak;
        this.tenants = tenants;
        this.members = members;
        this.audit = audit;
        this.tx = tx;
    }

    Invitation invite(CurrentUser user, UserCommands.InviteUser cmd) {
        requireManager(user);
        List<FieldError> errors = new ArrayList<>();
        String username = cmd.username() == null ? null : cmd.username().strip();
        if (username == null || !USERNAME.matcher(username).matches()) {
            errors.add(new FieldError("username", "must be 3-100 characters: letters, digits and . _ @ - only"));
        }
        String email = cmd.email() == null || cmd.email().isBlank() ? null : cmd.email().strip();
        if (email == null || email.length() > 255 || !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", "must be an e-mail address"));
        }
        String displayName = MemberRules.text(cmd.displayName());
        if (displayName != null && displayName.length() > 200) {
            errors.add(new FieldError("displayName", "must be at most 200 characters"));
        }
        Role role = user.national() ? nationalRole(cmd.role(), errors) : tenantRole(cmd.role(), errors);
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(errors);
        }
        Long memberOperatorId = user.national() ? noMember(cmd.memberOperatorId())
                : organisationFor(user, role, cmd.memberOperatorId());
        Long nationalOrganisationId = user.national()
                ? nationalOrganisationFor(role, cmd.nationalOrganisationCode(), null) : noNational(cmd.nationalOrganisationCode());
        String realm = realm(user);
        try {
            return invitations.invite(user.tenantId(), realm, user.actor(), new UserInvitations.Invite(username, email,
                    displayName, role, memberOperatorId, nationalOrganisationId));
        } catch (IllegalStateException e) {
            throw identityProviderFailed(e);
        }
    }

    List<AppUser> list(CurrentUser user, @Nullable Long memberOperatorId, long afterId, int limit) {
        if (user.national()) {
            user.require(Role.PLATFORM_ADMIN);
            return memberOperatorId != null ? List.of() : users.page(user.tenantId(), null, afterId, limit);
        }
        if (user.secretariat()) {
            return users.page(user.tenantId(), memberOperatorId, afterId, limit);
        }
        user.require(Role.OPERATOR_ADMIN);
        if (user.memberOperatorId() == null
                || memberOperatorId != null && !memberOperatorId.equals(user.memberOperatorId())) {
            return List.of();
        }
        return users.page(user.tenantId(), user.memberOperatorId(), afterId, limit);
    }

    AppUser get(CurrentUser user, long id) {
        if (user.national()) {
            user.require(Role.PLATFORM_ADMIN);
        } else if (!user.secretariat()) {
            user.require(Role.OPERATOR_ADMIN);
        }
        return visible(user, id);
    }

    AppUser setEnabled(CurrentUser user, long id, boolean enabled) {
        requireManager(user);
        AppUser target = visible(user, id);
        notSelf(user, target);
        String wanted = enabled ? AppUser.ACTIVE : AppUser.DISABLED;
        if (wanted.equals(target.status())) {
            return target;
        }
        String realm = realm(user);
        boolean[] keycloakChanged = {false};
        try {
            return tx.executeWrite(s -> {
                AppUser saved = users.setStatus(target, wanted);
                audit.record(user, enabled ? "user.enabled" : "user.disabled", "user", id,
                        "username=" + target.username());
                keycloak.setUserEnabled(realm, target.subject(), enabled);
                keycloakChanged[0] = true;
                return saved;
            });
        } catch (RuntimeException e) {
            if (keycloakChanged[0]) {
                compensate(() -> keycloak.setUserEnabled(realm, target.subject(), !enabled), target);
            }
            throw passThrough(e) ? e : identityProviderFailed(e);
        }
    }

    AppUser changeRole(CurrentUser user, long id, UserCommands.ChangeRole cmd, Consumer<AppUser> precondition) {
        requireManager(user);
        AppUser target = visible(user, id);
        precondition.accept(target);
        notSelf(user, target);
        List<FieldError> errors = new ArrayList<>();
        Role role = user.national() ? nationalRole(cmd.role(), errors) : tenantRole(cmd.role(), errors);
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(errors);
        }
        if (Role.NISC_SYSTEM.code().equals(target.role())) {
            throw Problems.conflict("machine-client", "The NISC system client's role cannot be changed");
        }
        Long memberOperatorId = user.national() ? noMember(cmd.memberOperatorId()) : organisationFor(user, role,
                cmd.memberOperatorId() == null && role.operator() ? target.memberOperatorId() : cmd.memberOperatorId());
        Long nationalOrganisationId = user.national() ? nationalOrganisationFor(role, cmd.nationalOrganisationCode(),
                target.nationalOrganisationId()) : noNational(cmd.nationalOrganisationCode());
        String realm = realm(user);
        boolean before = Role.fromCode(target.role()).map(Role::requiresTotp).orElse(false);
        boolean after = role.requiresTotp();
        boolean[] keycloakChanged = {false};
        try {
            return tx.executeWrite(s -> {
                AppUser saved = users.changeRole(target, role, memberOperatorId, nationalOrganisationId);
                audit.record(user, "user.role-changed", "user", id, "username=" + target.username() + " role="
                        + target.role() + "->" + role.code()
                        + (memberOperatorId == null ? "" : " memberOperatorId=" + memberOperatorId)
                        + (nationalOrganisationId == null ? "" : " nationalOrganisationId=" + nationalOrganisationId)
                        + (after && !before ? " sessions ended; second factor required" : ""));
                // A promotion grants nothing until the person signs in again with a second factor: their sessions
                // end here, and the token check refuses the tokens they already hold (no second factor in them).
                if (after && !before) {
                    users.endSessions(saved);
                    keycloak.requireSecondFactor(realm, target.subject());
                } else if (before && !after) {
                    keycloak.releaseSecondFactor(realm, target.subject());
                }
                keycloakChanged[0] = true;
                return saved;
            });
        } catch (RuntimeException e) {
            if (keycloakChanged[0] && after != before) {
                compensate(() -> {
                    if (after) {
                        keycloak.releaseSecondFactor(realm, target.subject());
                    } else {
                        keycloak.grantSecondFactorRole(realm, target.subject());
                    }
                }, target);
            }
            throw passThrough(e) ? e : identityProviderFailed(e);
        }
    }

    void remove(CurrentUser user, long id) {
        requireManager(user);
        AppUser target = visible(user, id);
        notSelf(user, target);
        String realm = realm(user);
        try {
            tx.executeWrite(s -> {
                users.remove(target);
                audit.record(user, "user.removed", "user", id, "username=" + target.username()
                        + " role=" + target.role());
                keycloak.deleteUser(realm, target.subject());
                return null;
            });
        } catch (RuntimeException e) {
            throw passThrough(e) ? e : identityProviderFailed(e);
        }
    }

    /**
     * Staff or contractor, with the NDA date for a contractor under NDA: what TLP:AMBER+STRICT and AMBER are read by.
     * Set by the secretariat admin (in the national tenant, the platform admin), never by the person themselves, so
     * nobody reads a stricter label by declaring themselves staff.
     */
    AppUser setAffiliation(CurrentUser user, long id, UserCommands.SetAffiliation cmd, Consumer<AppUser> precondition) {
        user.require(user.national() ? Role.PLATFORM_ADMIN : Role.SECRETARIAT_ADMIN);
        AppUser target = visible(user, id);
        precondition.accept(target);
        if (target.id() == user.userId()) {
            throw Problems.conflict("own-account", "You cannot change your own affiliation");
        }
        List<FieldError> errors = new ArrayList<>();
        Affiliation affiliation = cmd.affiliation() == null ? null
                : Labelled.parse(Affiliation.class, cmd.affiliation().strip()).orElse(null);
        if (affiliation == null) {
            errors.add(new FieldError("affiliation", "must be one of " + Labelled.codes(Affiliation.class)));
        }
        LocalDate ndaSignedOn = null;
        if (cmd.ndaSignedOn() != null && !cmd.ndaSignedOn().isBlank()) {
            try {
                ndaSignedOn = LocalDate.parse(cmd.ndaSignedOn().strip());
                if (ndaSignedOn.isAfter(ClockFactory.today(clock))) {
                    errors.add(new FieldError("ndaSignedOn", "must not be in the future"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("ndaSignedOn", "must be a date such as 2026-04-01"));
            }
        }
        if (affiliation == Affiliation.CONTRACTOR_NDA && ndaSignedOn == null && errors.isEmpty()) {
            errors.add(new FieldError("ndaSignedOn", "is required for CONTRACTOR_NDA (the date the NDA was signed)"));
        }
        if (affiliation != null && affiliation != Affiliation.CONTRACTOR_NDA && ndaSignedOn != null) {
            errors.add(new FieldError("ndaSignedOn", "must be empty unless affiliation is CONTRACTOR_NDA"));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(errors);
        }
        LocalDate nda = ndaSignedOn;
        return tx.executeWrite(s -> {
            AppUser saved = users.setAffiliation(target, affiliation, nda);
            audit.record(user, "user.affiliation-changed", "user", id, "username=" + target.username()
                    + " affiliation=" + target.affiliation() + "->" + affiliation + (nda == null ? "" : " ndaSignedOn=" + nda));
            return saved;
        });
    }

    /** Secretariat admins and operator admins manage users (the platform admin in the national tenant). */
    private static void requireManager(CurrentUser user) {
        if (user.national()) {
            user.require(Role.PLATFORM_ADMIN);
            return;
        }
        user.require(Role.SECRETARIAT_ADMIN, Role.OPERATOR_ADMIN);
    }

    /** 404 unless the user is in the caller's tenant and, for an operator admin, an operator user of its own org. */
    private AppUser visible(CurrentUser user, long id) {
        AppUser target = users.find(user.tenantId(), id).orElseThrow(() -> Problems.notFound("User " + id));
        if (!user.secretariat() && !user.national()) {
            boolean ownOrg = user.memberOperatorId() != null && user.memberOperatorId().equals(target.memberOperatorId())
                    && Role.fromCode(target.role()).map(Role::operator).orElse(false);
            if (!ownOrg) {
                throw Problems.notFound("User " + id);
            }
        }
        return target;
    }

    private static void notSelf(CurrentUser user, AppUser target) {
        if (target.id() == user.userId()) {
            throw Problems.conflict("own-account", "You cannot disable, remove or change the role of your own account");
        }
    }

    private static Role tenantRole(@Nullable String code, List<FieldError> errors) {
        Role role = code == null ? null : Role.fromCode(code.strip()).filter(TENANT_ROLES::contains).orElse(null);
        if (role == null) {
            errors.add(new FieldError("role",
                    "must be one of secretariat-admin, secretariat-staff, operator-admin, operator-staff"));
        }
        return role;
    }

    private static Role nationalRole(@Nullable String code, List<FieldError> errors) {
        Role role = code == null ? null : Role.fromCode(code.strip()).filter(NATIONAL_ROLES::contains).orElse(null);
        if (role == null) {
            errors.add(new FieldError("role", "must be one of nisc-analyst, ministry-officer, platform-admin"));
        }
        return role;
    }

    /**
     * The national organisation of a national user: the NISC desk for nisc-analyst (the code may be omitted), a
     * ministry for ministry-officer (required, unless the user already belongs to one), none for platform-admin.
     */
    private @Nullable Long nationalOrganisationFor(Role role, @Nullable String code, @Nullable Long current) {
        NationalOrganisations.NationalOrganisation requested = null;
        if (code != null && !code.isBlank()) {
            requested = nationalOrganisations.findByCode(code.strip()).orElseThrow(() -> Problems.invalidField(
                    "nationalOrganisationCode", "is not a national organisation (see /api/v1/national-organisations)"));
        }
        return switch (role) {
            case NISC_ANALYST -> {
                if (requested != null && requested.ministry()) {
                    throw Problems.invalidField("nationalOrganisationCode", "must be the NISC desk for nisc-analyst");
                }
                yield nationalOrganisations.niscDesk().id();
            }
            case MINISTRY_OFFICER -> {
                if (requested == null && current != null
                        && nationalOrganisations.find(current).map(NationalOrganisations.NationalOrganisation::ministry)
                        .orElse(false)) {
                    yield current;
                }
                if (requested == null || !requested.ministry()) {
                    throw Problems.invalidField("nationalOrganisationCode",
                            "must name the officer's ministry (FSA, MIC, MHLW, METI or MLIT)");
                }
                yield requested.id();
            }
            default -> {
                if (requested != null) {
                    throw Problems.invalidField("nationalOrganisationCode", "must be empty for " + role.code());
                }
                yield null;
            }
        };
    }

    private static @Nullable Long noMember(@Nullable Long memberOperatorId) {
        if (memberOperatorId != null) {
            throw Problems.invalidField("memberOperatorId", "must be empty in the national tenant");
        }
        return null;
    }

    private static @Nullable Long noNational(@Nullable String code) {
        if (code != null && !code.isBlank()) {
            throw Problems.invalidField("nationalOrganisationCode", "must be empty in a CEPTOAR");
        }
        return null;
    }

    /** Which organisation the user with this role belongs to, enforcing who may grant what. */
    private @Nullable Long organisationFor(CurrentUser user, Role role, @Nullable Long requested) {
        if (!user.secretariat()) {
            if (!role.operator()) {
                throw Problems.forbidden("Operator admins manage operator-admin and operator-staff users only");
            }
            if (requested != null && !requested.equals(user.memberOperatorId())) {
                throw Problems.forbidden("Operator admins manage users of their own organisation only");
            }
            if (user.memberOperatorId() == null) {
                throw Problems.forbidden("Your account is not attached to a member operator");
            }
            requested = user.memberOperatorId();
        }
        if (role.secretariat()) {
            if (requested != null) {
                throw Problems.invalidField("memberOperatorId", "must be empty for secretariat roles");
            }
            return null;
        }
        if (requested == null) {
            throw Problems.invalidField("memberOperatorId", "is required for operator roles");
        }
        MemberSummary member = members.find(user.tenantId(), requested)
                .orElseThrow(() -> Problems.invalidField("memberOperatorId", "is not a member of this CEPTOAR"));
        if (member.suspended()) {
            throw Problems.conflict("member-suspended", "Member " + requested + " is suspended; reinstate it first");
        }
        return requested;
    }

    private String realm(CurrentUser user) {
        return tenants.findById(user.tenantId()).orElseThrow().realmName();
    }

    /** Problems and database failures pass through; anything else came from the Keycloak call. */
    private static boolean passThrough(RuntimeException e) {
        return e instanceof ThrowableProblem || e instanceof DataAccessException;
    }

    private static ThrowableProblem identityProviderFailed(Exception e) {
        LOG.warn("Keycloak call failed; the change was rolled back: {}", e.toString());
        return Problems.of(HttpStatus.BAD_GATEWAY, "identity-provider-failed", "Bad Gateway",
                "The identity provider did not accept the change; nothing was changed. Try again later.");
    }

    private static void compensate(Runnable undo, AppUser target) {
        try {
            undo.run();
        } catch (RuntimeException e) {
            LOG.error("Could not undo the Keycloak change of user {} after a failed database write; fix it by hand",
                    target.id(), e);
        }
    }
}
