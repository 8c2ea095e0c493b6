package jp.ceptoarhub.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.audit.AuditService;
import jp.ceptoarhub.caller.Actor;
import jp.ceptoarhub.caller.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Inviting a person creates them in the tenant's Keycloak realm and in the service's database, or in neither: if
 * the database transaction that records them rolls back (here or in a transaction it joined), the Keycloak user
 * that was just created is removed again.
 */
@Singleton
public class UserInvitations {
    private static final Logger LOG = LoggerFactory.getLogger(UserInvitations.class);

    private final IdentityProvisioning keycloak;
    private final UserDirectory users;
    private final AuditService audit;
    private final TransactionOperations<Connection> tx;

    UserInvitations(IdentityProvisioning keycloak, UserDirectory users, AuditService audit,
                    TransactionOperations<Connection> tx) {
        this.keycloak = keycloak;
        this.users = users;
        this.audit = audit;
        this.tx = tx;
    }

    /** {@code nationalOrganisationId} places a national user in the NISC desk or a ministry. */
    public record Invite(String username, @Nullable String email, @Nullable String displayName, Role role,
                         @Nullable Long memberOperatorId, @Nullable Long nationalOrganisationId) {
        public Invite(String username, @Nullable String email, @Nullable String displayName, Role role,
                      @Nullable Long memberOperatorId) {
            this(username, email, displayName, role, memberOperatorId, null);
        }
    }

    /** Invites a person into an existing tenant. */
    public Invitation invite(long tenantId, String realmName, Actor actor, Invite invite) {
        if (users.usernameTaken(tenantId, invite.username())) {
            throw Problems.conflict("username-taken", "A user named " + invite.username() + " already exists in this tenant");
        }
        return invite(() -> tenantId, realmName, actor, invite);
    }

    /**
     * Invites the first person of a tenant that is being created: {@code createTenant} runs first inside the same
     * database transaction as the user row and returns the new tenant's id; if anything fails, nothing is kept.
     */
    public Invitation inviteIntoNewTenant(String realmName, Actor actor, Invite invite,
                                          LongSupplier createTenant) {
        return invite(createTenant, realmName, actor, invite);
    }

    private Invitation invite(LongSupplier tenantIdInTransaction, String realmName, Actor actor,
                              Invite invite) {
        IdentityProvisioning.ProvisionedUser created;
        try {
            created = keycloak.createUser(realmName, new IdentityProvisioning.NewUser(invite.username(), invite.email(),
                    false, invite.displayName(), null, null, List.of(IdentityProvisioning.UPDATE_PASSWORD))
                    .withSecondFactor(invite.role().requiresTotp()));
        } catch (IdentityProvisioning.UserConflictException e) {
            throw Problems.conflict("username-taken", e.getMessage());
        }
        AppUser user;
        AtomicBoolean undoRegistered = new AtomicBoolean();
        try {
            user = tx.executeWrite(status -> {
                // Whichever transaction this joins (an Idempotency-Key request runs in one), its rollback removes
                // the Keycloak user again.
                status.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(Status completion) {
                        if (completion != Status.COMMITTED) {
                            keycloak.deleteUserQuietly(realmName, created.subject());
                        }
                    }
                });
                undoRegistered.set(true);
                long tenantId = tenantIdInTransaction.getAsLong();
                AppUser saved = users.register(tenantId, created.subject(), invite.username(), invite.email(),
                        invite.displayName(), invite.role(), invite.memberOperatorId(), invite.nationalOrganisationId());
                audit.record(tenantId, actor, "user.invited", "user", saved.id(),
                        "username=" + invite.username() + " role=" + invite.role().code()
                                + (invite.memberOperatorId() == null ? "" : " memberOperatorId=" + invite.memberOperatorId())
                                + (invite.nationalOrganisationId() == null ? ""
                                : " nationalOrganisationId=" + invite.nationalOrganisationId()));
                return saved;
            });
        } catch (RuntimeException e) {
            if (!undoRegistered.get()) {
                keycloak.deleteUserQuietly(realmName, created.subject());
            }
            if (e instanceof DataAccessException) {
                throw Problems.conflict("username-taken", "The user could not be stored: " + invite.username());
            }
            throw e;
        }
        boolean emailSent = false;
        if (invite.email() != null) {
            try {
                if (keycloak.smtpConfigured(realmName)) {
                    keycloak.sendActionsEmail(realmName, created.subject(), created.requiredActions());
                    emailSent = true;
                }
            } catch (RuntimeException e) {
                LOG.warn("Invitation e-mail to user {} could not be sent: {}", user.id(), e.toString());
            }
        }
        return new Invitation(user.id(), created.subject(), invite.username(), invite.role().code(),
                created.requiredActions(), emailSent, emailSent ? null : created.temporaryPassword());
    }
}
