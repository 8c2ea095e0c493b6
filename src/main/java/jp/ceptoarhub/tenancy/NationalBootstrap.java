package jp.ceptoarhub.tenancy;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.audit.AuditService;
import jp.ceptoarhub.caller.Actor;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.caller.TenantKind;
import jp.ceptoarhub.identity.IdentityProvisioning;
import jp.ceptoarhub.identity.KeycloakSettings;
import jp.ceptoarhub.identity.NationalSettings;
import jp.ceptoarhub.identity.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * On first start, creates the national tenant: its Keycloak realm (from the same template), the NISC system's
 * confidential client (client credentials) registered as a user with role nisc-system, and optionally the first
 * platform admin. Idempotent, and safe when several replicas start at once (unique keys decide the winner).
 */
@Singleton
@Requires(property = "ceptoar.bootstrap.enabled", notEquals = "false")
class NationalBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(NationalBootstrap.class);

    private final TenantRepository tenants;
    private final IdentityProvisioning keycloak;
    private final KeycloakSettings keycloakSettings;
    private final NationalSettings national;
    private final UserDirectory users;
    private final AuditService audit;
    private final TransactionOperations<Connection> tx;
    private final BootstrapSettings settings;
    private final Clock clock;

    NationalBootstrap(TenantRepository tenants, IdentityProvisioning keycloak, KeycloakSettings keycloakSettings,
                      NationalSettings national, UserDirectory users, AuditService audit,
                      TransactionOperations<Connection> tx, BootstrapSettings settings, Clock clock) {
        this.clock = clock;
        this.tenants = tenants;
        this.keycloak = keycloak;
        this.keycloakSettings = keycloakSettings;
        this.national = national;
        this.users = users;
        this.audit = audit;
        this.tx = tx;
        this.settings = settings;
    }

    /**
     * {@code platformAdminPassword}, if set, is the first platform admin's temporary password (changed at first
     * sign-in). Without it the admin is created with no password at all: the operator sets a temporary one in
     * Keycloak. Either way no password is ever written to the log.
     */
    @ConfigurationProperties("ceptoar.bootstrap")
    record BootstrapSettings(@Nullable String niscSystemSecret,
                             @Nullable String platformAdminUsername,
                             @Nullable String platformAdminEmail,
                             @Nullable String platformAdminPassword) {
    }

    @EventListener
    void onStartup(StartupEvent event) {
        ensureNationalTenant();
    }

    synchronized Tenant ensureNationalTenant() {
        String realm = national.realm();
        Tenant existing = tenants.findByRealmName(realm).map(TenantRow::toTenant).orElse(null);
        if (existing != null) {
            return existing;
        }
        if (!keycloak.realmExists(realm)) {
            keycloak.createRealm(realm, national.displayNameJa(), true);
        }
        String secret = settings.niscSystemSecret() == null || settings.niscSystemSecret().isBlank()
                ? IdentityProvisioning.randomSecret() : settings.niscSystemSecret();
        String niscSubject = keycloak.niscSystemSubject(realm)
                .orElseGet(() -> keycloak.createNiscSystemClient(realm, secret));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Tenant tenant;
        try {
            tenant = tx.executeWrite(s -> {
                TenantRow row = tenants.save(new TenantRow(null, "national", TenantKind.NATIONAL, national.displayNameJa(),
                        national.displayNameEn(), null, realm, keycloakSettings.issuerOf(realm), TenantStatus.ACTIVE,
                        180, now, now, null));
                users.register(row.id(), niscSubject, "service-account-nisc-system", null, "NISC system", Role.NISC_SYSTEM, null);
                audit.record(row.id(), Actor.system("bootstrap"), "tenant.created", "tenant", row.id(),
                        "national realm=" + realm);
                return row.toTenant();
            });
        } catch (RuntimeException e) {
            return tenants.findByRealmName(realm).map(TenantRow::toTenant).orElseThrow(() -> e);
        }
        LOG.info("Created the national tenant (realm {})", realm);
        if (settings.platformAdminUsername() != null && !settings.platformAdminUsername().isBlank()) {
            createPlatformAdmin(tenant, realm);
        }
        return tenant;
    }

    /**
     * The first platform admin: second factor required (enrolled at first sign-in), and a password only if the
     * operator configured one (as a temporary password). The log says how to sign in, never with what.
     */
    void createPlatformAdmin(Tenant tenant, String realm) {
        String username = settings.platformAdminUsername();
        String password = settings.platformAdminPassword() == null || settings.platformAdminPassword().isBlank()
                ? null : settings.platformAdminPassword();
        var created = keycloak.createUser(realm, new IdentityProvisioning.NewUser(username,
                settings.platformAdminEmail(), settings.platformAdminEmail() != null, "Platform", "Admin", password,
                List.of(), true, password != null, password == null));
        try {
            tx.executeWrite(s -> {
                var user = users.register(tenant.id(), created.subject(), username, settings.platformAdminEmail(),
                        "Platform admin", Role.PLATFORM_ADMIN, null);
                audit.record(tenant.id(), Actor.system("bootstrap"), "user.invited", "user", user.id(),
                        "username=" + user.username() + " role=" + Role.PLATFORM_ADMIN.code());
                return user;
            });
        } catch (RuntimeException e) {
            keycloak.deleteUserQuietly(realm, created.subject());
            throw e;
        }
        if (password != null) {
            LOG.warn("Bootstrap platform admin '{}' created in realm {} with the temporary password of "
                    + "CEPTOAR_BOOTSTRAP_PLATFORM_ADMIN_PASSWORD: change it and set up an authenticator app at first "
                    + "sign-in, then remove the variable", username, realm);
        } else {
            LOG.warn("Bootstrap platform admin '{}' created in realm {} without a password: set a temporary one in the "
                    + "Keycloak admin console (realm {} > Users > {} > Credentials > Reset password, Temporary on); "
                    + "an authenticator app is set up at first sign-in", username, realm, realm, username);
        }
    }
}
