package jp.ceptoarhub.members;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.ETags;
import jp.ceptoarhub.audit.AuditService;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.records.RecordType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The tenant's per-record-type policy (table tenant_record_policy, V7): whether operator-staff users may only read
 * a record type. No row means they may edit (the default). Read on every write of a readiness record; one primary
 * key lookup.
 */
@Singleton
public class RecordPolicies {
    private final JdbcOperations jdbc;
    private final AuditService audit;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    RecordPolicies(JdbcOperations jdbc, AuditService audit, TransactionOperations<Connection> tx, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public boolean operatorStaffReadOnly(long tenantId, RecordType type) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT operator_staff_read_only "
                    + "FROM tenant_record_policy WHERE tenant_id = ? AND record_type = ?")) {
                ps.setLong(1, tenantId);
                ps.setString(2, type.code());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        });
    }

    /** Every record type's current state for the tenant (editable, version 0, where never set). */
    Map<RecordType, State> all(long tenantId) {
        Map<RecordType, State> out = new EnumMap<>(RecordType.class);
        for (RecordType t : RecordType.values()) {
            out.put(t, new State(t, false, 0));
        }
        jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT record_type, operator_staff_read_only, "
                    + "updated_at FROM tenant_record_policy WHERE tenant_id = ?")) {
                ps.setLong(1, tenantId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        var type = RecordType.fromCode(rs.getString(1));
                        if (type.isPresent()) {
                            out.put(type.get(), new State(type.get(), rs.getBoolean(2), rs.getTimestamp(3).getTime()));
                        }
                    }
                }
                return null;
            }
        });
        return out;
    }

    /** One record type's policy; {@code version} is the last change in epoch milliseconds, 0 when never set. */
    record State(RecordType type, boolean operatorStaffReadOnly, long version) {
        String etag(long tenantId) {
            return ETags.of("record-policy-" + type.code(), tenantId, version);
        }
    }

    State state(long tenantId, RecordType type) {
        return read(tenantId, type, "");
    }

    private State read(long tenantId, RecordType type, String lock) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT operator_staff_read_only, updated_at "
                    + "FROM tenant_record_policy WHERE tenant_id = ? AND record_type = ?" + lock)) {
                ps.setLong(1, tenantId);
                ps.setString(2, type.code());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new State(type, rs.getBoolean(1), rs.getTimestamp(2).getTime())
                            : new State(type, false, 0);
                }
            }
        });
    }

    /**
     * Sets the policy of one record type for the caller's tenant, with an audit entry in the same transaction;
     * {@code precondition} sees the current state (row-locked) first, e.g. to check If-Match.
     */
    State set(CurrentUser user, RecordType type, boolean readOnly,
              Consumer<State> precondition) {
        return tx.executeWrite(status -> {
            State current = read(user.tenantId(), type, " FOR UPDATE");
            precondition.accept(current);
            Instant now = clock.instant();
            if (now.toEpochMilli() <= current.version()) {
                now = Instant.ofEpochMilli(current.version() + 1); // the version (and ETag) must change
            }
            write(user.tenantId(), type, readOnly, now, user.username());
            audit.record(user, "record-policy.updated", "record-policy", type.code(),
                    "operatorStaffReadOnly=" + readOnly);
            return new State(type, readOnly, now.toEpochMilli());
        });
    }

    private void write(long tenantId, RecordType type, boolean readOnly, Instant at,
                       @Nullable String by) {
        jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO tenant_record_policy (tenant_id, "
                    + "record_type, operator_staff_read_only, updated_at, updated_by) VALUES (?,?,?,?,?) "
                    + "ON DUPLICATE KEY UPDATE operator_staff_read_only = VALUES(operator_staff_read_only), "
                    + "updated_at = VALUES(updated_at), updated_by = VALUES(updated_by)")) {
                ps.setLong(1, tenantId);
                ps.setString(2, type.code());
                ps.setBoolean(3, readOnly);
                ps.setTimestamp(4, Timestamp.from(at));
                ps.setString(5, by);
                return ps.executeUpdate();
            }
        });
    }
}
