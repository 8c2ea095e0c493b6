package jp.ceptoarhub.records;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The per-member "confirm unchanged" record of one readiness record type: confirming refreshes freshness without
 * an edit. Each record type keeps its own table of the same shape (tenant_id, member_operator_id, confirmed_at,
 * confirmed_by, confirmed_by_subject) and declares a bean that extends this class with the table's name.
 */
public abstract class RecordConfirmations {
    private final JdbcOperations jdbc;
    private final String table;
    private final String typeColumn;
    private final String typeValue;
    private final String typeFilter;

    protected RecordConfirmations(JdbcOperations jdbc, String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        this.jdbc = jdbc;
        this.table = table;
        this.typeColumn = "";
        this.typeValue = "";
        this.typeFilter = "";
    }

    /**
     * Confirmations kept in the shared {@code record_confirmation} table (V7) under the given record type code
     * (a RecordFreshness.RecordType code): record types after V6 need no table of their own.
     */
    protected RecordConfirmations(String recordType, JdbcOperations jdbc) {
        if (!recordType.matches("[a-z-]+")) {
            throw new IllegalArgumentException("not a record type code: " + recordType);
        }
        this.jdbc = jdbc;
        this.table = "record_confirmation";
        this.typeColumn = "record_type, ";
        this.typeValue = "'" + recordType + "', ";
        this.typeFilter = " AND record_type = '" + recordType + "'";
    }

    /** Must run inside the caller's transaction. */
    public void confirm(long tenantId, long memberId, Instant at, @Nullable String username, @Nullable String subject) {
        jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO " + table + " (" + typeColumn + "tenant_id, "
                    + "member_operator_id, confirmed_at, confirmed_by, confirmed_by_subject) VALUES (" + typeValue
                    + "?,?,?,?,?) "
                    + "ON DUPLICATE KEY UPDATE confirmed_at = VALUES(confirmed_at), confirmed_by = VALUES(confirmed_by), "
                    + "confirmed_by_subject = VALUES(confirmed_by_subject)")) {
                ps.setLong(1, tenantId);
                ps.setLong(2, memberId);
                ps.setTimestamp(3, Timestamp.from(at));
                ps.setString(4, username);
                ps.setString(5, subject);
                return ps.executeUpdate();
            }
        });
    }

    public Optional<Instant> lastConfirmed(long tenantId, long memberId) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT confirmed_at FROM " + table + " "
                    + "WHERE tenant_id = ? AND member_operator_id = ?" + typeFilter)) {
                ps.setLong(1, tenantId);
                ps.setLong(2, memberId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.<Instant>empty();
                }
            }
        });
    }

    public Map<Long, Instant> allOfTenant(long tenantId) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT member_operator_id, confirmed_at "
                    + "FROM " + table + " WHERE tenant_id = ?" + typeFilter)) {
                ps.setLong(1, tenantId);
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
