package jp.ceptoarhub.numbering;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Problems;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * Hands out the numbers of a tenant's series. {@link #next} increments the series row and so holds its lock for the
 * rest of the caller's transaction: concurrent senders queue on it, the number belongs to the transaction that
 * makes the item visible, and a rollback returns it unseen. A series is created on first use with its default
 * prefix; a changed prefix applies to numbers handed out afterwards (numbers already given are stored by their
 * owners as text and never change).
 */
@Singleton
public class Numbering {
    /** Upper-case letters, digits and hyphens, starting with a letter; at most 12 characters. */
    static final Pattern PREFIX = Pattern.compile("^[A-Z][A-Z0-9-]{0,11}$");

    private final JdbcOperations jdbc;
    private final Clock clock;

    Numbering(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A number as handed out: {@code prefix + value}, e.g. T12. */
    public record Assigned(String prefix, long value) {
        public String text() {
            return prefix + value;
        }
    }

    /**
     * The next number of the series; must run inside the transaction that makes the numbered item visible. One
     * upsert creates the series on first use or increments it, holding the row lock to the end of the transaction
     * (a separate "create if missing" step would let two first senders deadlock on the new row).
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Assigned next(long tenantId, String series, String defaultPrefix) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO number_series (tenant_id, series, prefix, "
                    + "last_value, updated_at) VALUES (?, ?, ?, 1, ?) ON DUPLICATE KEY UPDATE "
                    + "last_value = last_value + 1, updated_at = VALUES(updated_at)")) {
                ps.setLong(1, tenantId);
                ps.setString(2, series);
                ps.setString(3, defaultPrefix);
                ps.setTimestamp(4, Timestamp.from(clock.instant()));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement("SELECT prefix, last_value FROM number_series "
                    + "WHERE tenant_id = ? AND series = ?")) {
                ps.setLong(1, tenantId);
                ps.setString(2, series);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Assigned(rs.getString(1), rs.getLong(2));
                }
            }
        });
    }

    /** The prefix the series' next number will carry. */
    @Transactional(readOnly = true)
    public String prefix(long tenantId, String series, String defaultPrefix) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT prefix FROM number_series WHERE tenant_id = ? AND series = ?")) {
                ps.setLong(1, tenantId);
                ps.setString(2, series);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : defaultPrefix;
                }
            }
        });
    }

    /** Changes the prefix of numbers handed out from now on; 400 naming {@code field} when it is not a prefix. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void setPrefix(long tenantId, String series, String prefix, String field) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw Problems.invalidField(field, "must be 1-12 upper-case letters, digits or hyphens, starting with a letter");
        }
        jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO number_series (tenant_id, series, prefix, "
                    + "last_value, updated_at) VALUES (?, ?, ?, 0, ?) ON DUPLICATE KEY UPDATE prefix = VALUES(prefix), "
                    + "updated_at = VALUES(updated_at)")) {
                ps.setLong(1, tenantId);
                ps.setString(2, series);
                ps.setString(3, prefix);
                ps.setTimestamp(4, Timestamp.from(clock.instant()));
                return ps.executeUpdate();
            }
        });
    }

    /**
     * The number of the {@code position}-th item of a thread whose first item got {@code first}: Ｔ１ for the first
     * report, Ｔ１-2 for the second, and so on.
     */
    public static String inThread(String first, int position) {
        if (position < 1) {
            throw new IllegalArgumentException("position " + position);
        }
        return position == 1 ? first : first + "-" + position;
    }
}
