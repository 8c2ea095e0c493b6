package jp.ceptoarhub.national;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The national_release table (V80): written once per release, never updated. */
@Singleton
class NationalReleaseStore {
    /** A release without its member-level snapshot. */
    record Summary(long id, LocalDate referenceDate, String algorithmVersion, int ceptoars, int respondents,
                   int suppressedCells, @Nullable String createdBy, Instant createdAt) {
    }

    private static final String SUMMARY_COLUMNS = "id, reference_date, algorithm_version, ceptoars, respondents, "
            + "suppressed_cells, created_by, created_at";

    private final JdbcOperations jdbc;

    NationalReleaseStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Must run inside the caller's transaction. */
    long insert(long tenantId, LocalDate referenceDate, String algorithmVersion, int ceptoars, int respondents,
                int suppressedCells, byte[] json, byte[] csv, byte[] auditJson, byte[] snapshot, String createdBy,
                String createdBySubject, Instant createdAt) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO national_release (tenant_id, "
                    + "reference_date, algorithm_version, ceptoars, respondents, suppressed_cells, release_json, "
                    + "release_csv, audit_json, snapshot_json, created_by, created_by_subject, created_at) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, tenantId);
                ps.setDate(2, Date.valueOf(referenceDate));
                ps.setString(3, algorithmVersion);
                ps.setInt(4, ceptoars);
                ps.setInt(5, respondents);
                ps.setInt(6, suppressedCells);
                ps.setBytes(7, json);
                ps.setBytes(8, csv);
                ps.setBytes(9, auditJson);
                ps.setBytes(10, snapshot);
                ps.setString(11, createdBy);
                ps.setString(12, createdBySubject);
                ps.setTimestamp(13, Timestamp.from(createdAt));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Newest first, ids below {@code beforeId}. */
    List<Summary> page(long tenantId, long beforeId, int limit) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT " + SUMMARY_COLUMNS + " FROM national_release "
                    + "WHERE tenant_id = ? AND id < ? ORDER BY id DESC LIMIT ?")) {
                ps.setLong(1, tenantId);
                ps.setLong(2, beforeId);
                ps.setInt(3, limit);
                List<Summary> result = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(summary(rs));
                    }
                }
                return result;
            }
        });
    }

    Optional<Summary> summary(long tenantId, long id) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT " + SUMMARY_COLUMNS + " FROM national_release "
                    + "WHERE tenant_id = ? AND id = ?")) {
                ps.setLong(1, tenantId);
                ps.setLong(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(summary(rs)) : Optional.<Summary>empty();
                }
            }
        });
    }

    /** One stored column of a release: release_json, release_csv or audit_json. */
    Optional<byte[]> document(long tenantId, long id, Document document) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT " + document.column
                    + " FROM national_release WHERE tenant_id = ? AND id = ?")) {
                ps.setLong(1, tenantId);
                ps.setLong(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    /** Every earlier release's snapshot, JSON and audit JSON, oldest first: what a new release is protected against. */
    List<byte[][]> priors(long tenantId) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT snapshot_json, release_json, audit_json "
                    + "FROM national_release WHERE tenant_id = ? ORDER BY id")) {
                ps.setLong(1, tenantId);
                List<byte[][]> result = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(new byte[][]{rs.getBytes(1), rs.getBytes(2), rs.getBytes(3)});
                    }
                }
                return result;
            }
        });
    }

    /** Serialises release creation in the national tenant: a release is protected against every earlier one. */
    void lockReleases(long tenantId) {
        jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM tenant WHERE id = ? FOR UPDATE")) {
                ps.setLong(1, tenantId);
                ps.executeQuery().close();
            }
            return null;
        });
    }

    enum Document {
        JSON("release_json"), CSV("release_csv"), AUDIT("audit_json");

        final String column;

        Document(String column) {
            this.column = column;
        }
    }

    private static Summary summary(ResultSet rs) throws SQLException {
        return new Summary(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getInt(4), rs.getInt(5),
                rs.getInt(6), rs.getString(7), rs.getTimestamp(8).toInstant());
    }
}
