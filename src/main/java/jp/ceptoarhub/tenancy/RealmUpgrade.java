package jp.ceptoarhub.tenancy;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.identity.AppUser;
import jp.ceptoarhub.identity.IdentityProvisioning;
import jp.ceptoarhub.identity.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

/**
 * Realms created by earlier versions of the service get the current realm template at start-up: the sign-in flow
 * that asks secretariat and national people for their second factor (and the role that marks them, given here to
 * every such user the service knows), no self-service removal of it, no {@code admin-cli} password grant. Until a
 * realm is upgraded its secretariat and national people are refused by the token check (their tokens prove no
 * second factor), never let in without one.
 *
 * <p>Runs shortly after start-up and again until every realm is current (Keycloak may be down when the service
 * starts; start-up does not wait for it). One replica at a time (a database lock); each realm is idempotent.
 */
@Singleton
@Requires(property = "ceptoar.realm-upgrade.enabled", notEquals = "false")
class RealmUpgrade {
    private static final Logger LOG = LoggerFactory.getLogger(RealmUpgrade.class);
    private static final String LOCK = "ceptoar-hub-realm-upgrade";

    private final TenantRepository tenants;
    private final UserDirectory users;
    private final IdentityProvisioning keycloak;
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private volatile boolean done;

    RealmUpgrade(TenantRepository tenants, UserDirectory users, IdentityProvisioning keycloak, JdbcOperations jdbc,
                 TransactionOperations<Connection> tx) {
        this.tenants = tenants;
        this.users = users;
        this.keycloak = keycloak;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Scheduled(initialDelay = "${ceptoar.realm-upgrade.initial-delay:5s}", fixedDelay = "${ceptoar.realm-upgrade.retry:2m}")
    void upgradeWhileNeeded() {
        if (done) {
            return;
        }
        try {
            done = upgradeAll();
        } catch (RuntimeException e) {
            LOG.warn("Realm upgrade did not finish; retrying later: {}", e.toString());
        }
    }

    /** Upgrades every tenant's realm; false if another replica holds the lock (it does the work). */
    boolean upgradeAll() {
        return tx.executeWrite(s -> {
            if (!lock()) {
                return false;
            }
            try {
                for (TenantRow tenant : tenants.findAll()) {
                    List<String> secondFactor = users.usersOf(tenant.id()).stream()
                            .filter(u -> Role.fromCode(u.role()).map(Role::requiresTotp).orElse(false))
                            .map(AppUser::subject).toList();
                    keycloak.upgradeRealm(tenant.realmName(), secondFactor);
                }
                return true;
            } finally {
                unlock();
            }
        });
    }

    private boolean lock() {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT GET_LOCK(?, 0)")) {
                ps.setString(1, LOCK);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getInt(1) == 1;
                }
            }
        });
    }

    private void unlock() {
        jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                ps.setString(1, LOCK);
                ps.executeQuery().close();
                return null;
            }
        });
    }
}
