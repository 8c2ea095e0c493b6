package jp.ceptoarhub.selfassessment;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.ETags;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * The revision of a member's whole answer set (table self_assessment_answer_set): the answer set's ETag, and the
 * row every answer write of the member locks first, so that writes of one member are serialised (no lost updates
 * between the phone and the web form, no duplicate-key race on a first answer).
 */
@Singleton
class AnswerSets {
    private final JdbcOperations jdbc;

    private final Clock clock;

    AnswerSets(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static String etag(long memberId, long revision) {
        return ETags.of("self-assessment-answers", memberId, revision);
    }

    /** Locks the member's answer set (creating it) and returns its revision; inside the writing transaction. */
    long lock(long tenantId, long memberId) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO self_assessment_answer_set (tenant_id, "
                    + "member_operator_id, revision, updated_at) VALUES (?, ?, 0, ?) "
                    + "ON DUPLICATE KEY UPDATE revision = revision")) {
                ps.setLong(1, tenantId);
                ps.setLong(2, memberId);
                ps.setTimestamp(3, Timestamp.from(clock.instant()));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement("SELECT revision FROM self_assessment_answer_set "
                    + "WHERE tenant_id = ? AND member_operator_id = ? FOR UPDATE")) {
                ps.setLong(1, tenantId);
                ps.setLong(2, memberId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** The next revision after a write; call after {@link #lock} in the same transaction. */
    long bump(long tenantId, long memberId, Instant at) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("UPDATE self_assessment_answer_set SET "
                    + "revision = revision + 1, updated_at = ? WHERE tenant_id = ? AND member_operator_id = ?")) {
                ps.setTimestamp(1, Timestamp.from(at));
                ps.setLong(2, tenantId);
                ps.setLong(3, memberId);
                ps.executeUpdate();
            }
            return revisionOf(conn, tenantId, memberId);
        });
    }

    long revision(long tenantId, long memberId) {
        return jdbc.execute(conn -> revisionOf(conn, tenantId, memberId));
    }

    private static long revisionOf(Connection conn, long tenantId, long memberId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT revision FROM self_assessment_answer_set "
                + "WHERE tenant_id = ? AND member_operator_id = ?")) {
            ps.setLong(1, tenantId);
            ps.setLong(2, memberId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
