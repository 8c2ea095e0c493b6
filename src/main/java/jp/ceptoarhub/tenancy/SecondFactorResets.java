package jp.ceptoarhub.tenancy;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.caller.TenantKind;
import jp.ceptoarhub.identity.AppUser;
import jp.ceptoarhub.identity.IdentityProvisioning;
import jp.ceptoarhub.identity.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zalando.problem.ThrowableProblem;

import java.sql.Connection;

/**
 * Resetting a person's second factor (a lost or replaced phone): their OTP credentials are removed and their
 * sessions ended; someone whose role needs a second factor enrols a new one at the next sign-in, before any token
 * is issued. Who may reset whom:
 * <ul>
 *   <li>a CEPTOAR's secretariat admin: the tenant's secretariat staff and operator users (404 for anyone else's id);</li>
 *   <li>a platform admin: the secretariat (admins and staff) of any CEPTOAR, and the national tenant's people;</li>
 *   <li>nobody: their own (ask another administrator), a secretariat admin by a secretariat admin, the NISC system.</li>
 * </ul>
 * Audited in the person's tenant (and, for a platform admin, in the national chain too).
 */
@Singleton
class SecondFactorResets {
    private static final Logger LOG = LoggerFactory.getLogger(SecondFactorResets.class);

    private final UserDirectory users;
    private final TenantDirectory tenants;
    private final IdentityProvisioning keycloak;
    private final PlatformAudit audit;
    private final TransactionOperations<Connection> tx;

    SecondFactorResets(UserDirectory users, TenantDirectory tenants, IdentityProvisioning keycloak, PlatformAudit audit,
                       TransactionOperations<Connection> tx) {
        this.users = users;
        this.tenants = tenants;
        this.keycloak = keycloak;
        this.audit = audit;
        this.tx = tx;
    }

    void reset(CurrentUser caller, long userId) {
        if (userId == caller.userId()) {
            throw Problems.conflict("own-account", "You cannot reset your own second factor; ask another administrator");
        }
        AppUser target = target(caller, userId);
        Role role = Role.fromCode(target.role()).orElseThrow();
        if (role == Role.NISC_SYSTEM) {
            throw Problems.conflict("no-second-factor", "The NISC system client signs in with a client secret, not a "
                    + "second factor");
        }
        Tenant tenant = tenants.findById(target.tenantId()).orElseThrow();
        try {
            tx.executeWrite(s -> {
                audit.record(caller.actor(), tenant.id(), "user.second-factor-reset", "user", target.id(),
                        "username=" + target.username() + " role=" + role.code());
                users.endSessions(target);
                // Last, so that a Keycloak failure rolls the audit entry back; the removal cannot be undone.
                int removed = keycloak.resetSecondFactor(tenant.realmName(), target.subject());
                LOG.info("Second factor of user {} in tenant {} reset by {} ({} credentials removed)", target.id(),
                        tenant.code(), caller.username(), removed);
                return null;
            });
        } catch (RuntimeException e) {
            if (e instanceof ThrowableProblem || e instanceof DataAccessException) {
                throw e;
            }
            LOG.warn("Keycloak refused the second-factor reset of user {}: {}", target.id(), e.toString());
            throw Problems.of(HttpStatus.BAD_GATEWAY, "identity-provider-failed", "Bad Gateway",
                    "The identity provider did not accept the reset; nothing was changed. Try again later.");
        }
    }

    private AppUser target(CurrentUser caller, long userId) {
        if (caller.is(Role.PLATFORM_ADMIN) && caller.national()) {
            AppUser target = users.findAnyTenant(userId).orElseThrow(() -> Problems.notFound("User " + userId));
            Role role = Role.fromCode(target.role()).orElseThrow();
            TenantKind kind = tenants.findById(target.tenantId()).orElseThrow().kind();
            boolean inScope = kind == TenantKind.NATIONAL ? role.national() : role.secretariat();
            if (!inScope) {
                throw Problems.forbidden("Platform admins reset the second factor of secretariat and national people; "
                        + "a CEPTOAR's secretariat admin resets its other users");
            }
            return target;
        }
        if (caller.is(Role.SECRETARIAT_ADMIN) && !caller.national()) {
            AppUser target = users.find(caller.tenantId(), userId).orElseThrow(() -> Problems.notFound("User " + userId));
            if (Role.SECRETARIAT_ADMIN.code().equals(target.role())) {
                throw Problems.forbidden("A secretariat admin's second factor is reset by a platform admin");
            }
            return target;
        }
        throw Problems.forbidden("Second factors are reset by a secretariat admin (for the CEPTOAR's staff and "
                + "operators) or a platform admin (for secretariat admins and national people)");
    }
}
