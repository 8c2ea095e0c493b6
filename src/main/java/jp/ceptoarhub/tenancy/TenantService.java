package jp.ceptoarhub.tenancy;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.caller.Actor;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.caller.TenantKind;
import jp.ceptoarhub.identity.IdentityProvisioning;
import jp.ceptoarhub.identity.Invitation;
import jp.ceptoarhub.identity.JwksCache;
import jp.ceptoarhub.identity.KeycloakSettings;
import jp.ceptoarhub.identity.UserInvitations;
import jp.ceptoarhub.reference.ReferenceService;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Creating a tenant spans Keycloak and the database. Order: validate → create realm → create the first secretariat
 * admin in the realm → one database transaction (tenant row, user row, audit). Any failure, including a rollback of
 * a transaction this one joined, undoes the Keycloak steps already taken, so nothing is left behind on either side.
 * Platform admins' changes are audited in the tenant's chain and in the national one ({@link PlatformAudit}).
 */
@Singleton
public class TenantService {
    static final String REALM_PREFIX = "ceptoar-";
    private static final Set<String> RESERVED_CODES = Set.of("national", "master", "admin", "platform", "nisc", "api");

    private final TenantRepository tenants;
    private final TenantDirectory directory;
    private final IdentityProvisioning keycloak;
    private final KeycloakSettings keycloakSettings;
    private final UserInvitations invitations;
    private final ReferenceService reference;
    private final PlatformAudit platformAudit;
    private final JwksCache jwks;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    TenantService(TenantRepository tenants, TenantDirectory directory, IdentityProvisioning keycloak,
                  KeycloakSettings keycloakSettings, UserInvitations invitations, ReferenceService reference,
                  PlatformAudit platformAudit, JwksCache jwks, TransactionOperations<Connection> tx, Clock clock) {
        this.clock = clock;
        this.tenants = tenants;
        this.directory = directory;
        this.keycloak = keycloak;
        this.keycloakSettings = keycloakSettings;
        this.invitations = invitations;
        this.reference = reference;
        this.platformAudit = platformAudit;
        this.jwks = jwks;
        this.tx = tx;
    }

    public record Created(Tenant tenant, Invitation firstAdmin) {
    }

    public Created create(TenantCommands.CreateTenant cmd, Actor actor) {
        if (RESERVED_CODES.contains(cmd.code())) {
            throw Problems.invalidField("code", "is reserved");
        }
        if (cmd.ceptoarCode() != null && !reference.ceptoarExists(cmd.ceptoarCode())) {
            throw Problems.invalidField("ceptoarCode", "is not in the CEPTOAR directory");
        }
        if (tenants.existsByCode(cmd.code())) {
            throw Problems.conflict("tenant-code-taken", "A tenant with code " + cmd.code() + " already exists");
        }
        String realm = REALM_PREFIX + cmd.code();
        if (keycloak.realmExists(realm)) {
            throw Problems.conflict("realm-exists", "Keycloak already has a realm named " + realm);
        }
        keycloak.createRealm(realm, cmd.nameJa(), false);
        AtomicReference<TenantRow> saved = new AtomicReference<>();
        AtomicBoolean undoRegistered = new AtomicBoolean();
        try {
            Instant now = now();
            TenantRow draft = new TenantRow(null, cmd.code(), TenantKind.CEPTOAR, cmd.nameJa(), cmd.nameEn(),
                    cmd.ceptoarCode(), realm, keycloakSettings.issuerOf(realm), TenantStatus.ACTIVE,
                    cmd.staleAfterDays() == null ? 180 : cmd.staleAfterDays(), now, now, null);
            // The tenant row is written in the same transaction as the first admin's user row; if that transaction
            // (or one it joined, such as an Idempotency-Key request's) rolls back, the realm goes too.
            Invitation firstAdmin = invitations.inviteIntoNewTenant(realm, actor,
                    new UserInvitations.Invite(cmd.firstAdmin().username(), cmd.firstAdmin().email(),
                            cmd.firstAdmin().displayName(), Role.SECRETARIAT_ADMIN, null),
                    () -> {
                        tx.findTransactionStatus().orElseThrow().registerSynchronization(new TransactionSynchronization() {
                            @Override
                            public void afterCompletion(Status completion) {
                                if (completion == Status.COMMITTED) {
                                    directory.reloadQuietly();
                                } else {
                                    keycloak.deleteRealmQuietly(realm);
                                }
                            }
                        });
                        undoRegistered.set(true);
                        TenantRow row = tenants.save(draft);
                        saved.set(row);
                        platformAudit.record(actor, row.id(), "tenant.created", "tenant", row.id(),
                                "code=" + row.code() + " realm=" + realm);
                        return row.id();
                    });
            return new Created(saved.get().toTenant(), firstAdmin);
        } catch (RuntimeException e) {
            if (!undoRegistered.get()) {
                keycloak.deleteRealmQuietly(realm);
            }
            if (e instanceof DataAccessException) {
                throw Problems.conflict("tenant-code-taken", "The tenant could not be stored (code or realm already used)");
            }
            throw e;
        }
    }

    public Optional<Tenant> find(long id) {
        return tenants.findById(id).map(TenantRow::toTenant);
    }

    /** Active tenants (CEPTOARs and the national tenant), for the public sign-in directory. */
    public List<Tenant> active() {
        return tenants.findByStatus(TenantStatus.ACTIVE).stream().map(TenantRow::toTenant).toList();
    }

    public Optional<Tenant> findActiveByCode(String code) {
        return tenants.findByCode(code).map(TenantRow::toTenant).filter(Tenant::active);
    }

    public List<Tenant> list(long afterId, int limit) {
        return tenants.findByIdGreaterThanOrderByIdAsc(afterId, Pageable.from(0, limit)).stream()
                .map(TenantRow::toTenant).toList();
    }

    public Tenant update(long id, TenantCommands.UpdateTenant cmd, Consumer<Tenant> precondition,
                         Actor actor) {
        Tenant result = tx.executeWrite(status -> {
            TenantRow t = tenants.findById(id).orElseThrow(() -> Problems.notFound("Tenant " + id));
            precondition.accept(t.toTenant());
            TenantRow updated = new TenantRow(t.id(), t.code(), t.kind(),
                    cmd.nameJa() == null ? t.nameJa() : cmd.nameJa(),
                    cmd.nameEn() == null ? t.nameEn() : cmd.nameEn(), t.ceptoarCode(), t.realmName(), t.issuer(),
                    t.status(), cmd.staleAfterDays() == null ? t.staleAfterDays() : cmd.staleAfterDays(),
                    t.createdAt(), now(), t.version());
            TenantRow saved = tenants.update(updated);
            platformAudit.record(actor, t.id(), "tenant.updated", "tenant", t.id(), describe(cmd));
            return saved.toTenant();
        });
        directory.reloadQuietly();
        return result;
    }

    public Tenant setStatus(long id, TenantStatus status, Actor actor) {
        Tenant result = tx.executeWrite(s -> {
            TenantRow t = tenants.findById(id).orElseThrow(() -> Problems.notFound("Tenant " + id));
            if (t.kind() == TenantKind.NATIONAL) {
                throw Problems.conflict("national-tenant", "The national tenant cannot be suspended");
            }
            if (t.status() == status) {
                return t.toTenant();
            }
            TenantRow saved = tenants.update(t.withStatus(status, now()));
            platformAudit.record(actor, t.id(),
                    status == TenantStatus.SUSPENDED ? "tenant.suspended" : "tenant.reactivated", "tenant", t.id(), null);
            return saved.toTenant();
        });
        directory.reloadQuietly();
        jwks.evict(result.realmName());
        return result;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String describe(TenantCommands.UpdateTenant cmd) {
        StringBuilder sb = new StringBuilder();
        if (cmd.nameJa() != null) {
            sb.append("nameJa=").append(cmd.nameJa()).append(' ');
        }
        if (cmd.nameEn() != null) {
            sb.append("nameEn=").append(cmd.nameEn()).append(' ');
        }
        if (cmd.staleAfterDays() != null) {
            sb.append("staleAfterDays=").append(cmd.staleAfterDays());
        }
        return sb.toString().trim();
    }
}
