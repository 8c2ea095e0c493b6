package jp.ceptoarhub.members;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The tenant's per-record-type policy (table tenant_record_policy, V7): whether operator-staff users may only read
 * a record type. No row means they may edit (the default). Read on every write of a readiness record; one primary
 * key lookup.
 */
@Singleton
public class RecordPolicies {
    private final JdbcOperations jdbc;

    RecordPolicies(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public boolean operatorStaffReadOnly(long tenantId, RecordFreshness.RecordType type) {
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

    /** Every record type's current setting for the tenant (false where never set). */
    Map<RecordFreshness.RecordType, Boolean> all(long tenantId) {
        Map<RecordFreshness.RecordType, Boolean> out = new EnumMap<>(RecordFreshness.RecordType.class);
        for (RecordFreshness.RecordType t : RecordFreshness.RecordType.values()) {
            out.put(t, false);
        }
        jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT record_type, operator_staff_read_only "
                    + "FROM tenant_record_policy WHERE tenant_id = ?")) {
                ps.setLong(1, tenantId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        RecordFreshness.RecordType.fromCode(rs.getString(1))
                                .ifPresent(t -> out.put(t, safeBoolean(rs)));
                    }
                }
                return null;
            }
        });
        return out;
    }

    /** Must run inside the caller's transaction (which also writes the audit entry). */
    void set(long tenantId, RecordFreshness.RecordType type, boolean readOnly, Instant at, @Nullable String by) {
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

    private static boolean safeBoolean(ResultSet rs) {
        try {
            return rs.getBoolean(2);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
