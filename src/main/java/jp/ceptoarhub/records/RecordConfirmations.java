package jp.ceptoarhub.records;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.caller.CurrentUser;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A member's latest "confirm unchanged" of each record type, in the shared {@code record_confirmation} table (V7;
 * contacts and continuity plans moved in by V12): confirming refreshes freshness without an edit.
 */
@Singleton
public class RecordConfirmations {
    private final JdbcOperations jdbc;

    RecordConfirmations(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Must run inside the caller's transaction. */
    public void confirm(CurrentUser user, RecordType type, long memberId, Instant at) {
        jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO record_confirmation (tenant_id, "
                    + "member_operator_id, record_type, confirmed_at, confirmed_by, confirmed_by_subject) "
                    + "VALUES (?,?,?,?,?,?) ON DUPLICATE KEY UPDATE confirmed_at = VALUES(confirmed_at), "
                    + "confirmed_by = VALUES(confirmed_by), confirmed_by_subject = VALUES(confirmed_by_subject)")) {
                ps.setLong(1, user.tenantId());
                ps.setLong(2, memberId);
                ps.setString(3, type.code());
                ps.setTimestamp(4, Timestamp.from(at));
                ps.setString(5, user.username());
                ps.setString(6, user.subject());
                return ps.executeUpdate();
            }
        });
    }

    public Optional<Instant> lastConfirmed(long tenantId, RecordType type, long memberId) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT confirmed_at FROM record_confirmation "
                    + "WHERE tenant_id = ? AND member_operator_id = ? AND record_type = ?")) {
                ps.setLong(1, tenantId);
                ps.setLong(2, memberId);
                ps.setString(3, type.code());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.<Instant>empty();
                }
            }
        });
    }

    /** The latest confirmation of every member of the tenant that has one, by member id. */
    public Map<Long, Instant> allOfTenant(long tenantId, RecordType type) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT member_operator_id, confirmed_at "
                    + "FROM record_confirmation WHERE tenant_id = ? AND record_type = ?")) {
                ps.setLong(1, tenantId);
                ps.setString(2, type.code());
                Map<Long, Instant> out = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
                    }
                }
                return out;
            }
        });
    }
}
