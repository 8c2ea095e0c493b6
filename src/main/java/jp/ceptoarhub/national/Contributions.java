package jp.ceptoarhub.national;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.ETags;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.audit.AuditService;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.caller.Role;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Whether a CEPTOAR contributes its members' data to the national summaries (V81): on unless its secretariat admin
 * turned it off. Read by a release when it takes its snapshot, so a change takes effect from the next release and
 * never changes one already written.
 */
@Singleton
class Contributions {
    /** The setting as the CEPTOAR's secretariat sees it; {@code updatedAt} null while it is the default. */
    record Contribution(boolean contributes, @Nullable String updatedBy, @Nullable Instant updatedAt,
                        long version) {
        String etag(long tenantId) {
            return ETags.of("national-contribution", tenantId, version);
        }
    }

    private final JdbcOperations jdbc;
    private final AuditService audit;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    Contributions(JdbcOperations jdbc, AuditService audit, TransactionOperations<Connection> tx, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    private static void requireSecretariat(CurrentUser user) {
        if (user.national() || !user.secretariat()) {
            throw Problems.forbidden("Whether a CEPTOAR contributes to the national summaries is its secretariat's "
                    + "setting");
        }
    }

    Contribution get(CurrentUser user) {
        requireSecretariat(user);
        return tx.executeRead(status -> read(user.tenantId(), false));
    }

    /** {@code check} sees the current setting, read under a lock, before anything is written (If-Match). */
    Contribution set(CurrentUser user, boolean contributes, Consumer<Contribution> check) {
        requireSecretariat(user);
        user.require(Role.SECRETARIAT_ADMIN);
        Instant now = clock.instant();
        return tx.executeWrite(status -> {
            Contribution current = read(user.tenantId(), true);
            check.accept(current);
            jdbc.execute(conn -> {
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO national_contribution (tenant_id, "
                        + "contributes, updated_by, updated_by_subject, updated_at, version) VALUES (?,?,?,?,?,1) ON "
                        + "DUPLICATE KEY UPDATE contributes = VALUES(contributes), updated_by = VALUES(updated_by), "
                        + "updated_by_subject = VALUES(updated_by_subject), updated_at = VALUES(updated_at), "
                        + "version = version + 1")) {
                    ps.setLong(1, user.tenantId());
                    ps.setBoolean(2, contributes);
                    ps.setString(3, user.username());
                    ps.setString(4, user.subject());
                    ps.setTimestamp(5, Timestamp.from(now));
                    return ps.executeUpdate();
                }
            });
            audit.record(user, "national.contribution-set", "national-contribution", user.tenantId(),
                    "contributes=" + contributes);
            return read(user.tenantId(), false);
        });
    }

    /** For the snapshot: whether the CEPTOAR tenant contributes to the release being taken. */
    boolean contributes(long ceptoarTenantId) {
        return read(ceptoarTenantId, false).contributes();
    }

    private Contribution read(long tenantId, boolean forUpdate) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT contributes, updated_by, updated_at, version "
                    + "FROM national_contribution WHERE tenant_id = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
                ps.setLong(1, tenantId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new Contribution(rs.getBoolean(1), rs.getString(2),
                            rs.getTimestamp(3).toInstant(), rs.getLong(4)) : new Contribution(true, null, null, 0);
                }
            }
        });
    }
}
