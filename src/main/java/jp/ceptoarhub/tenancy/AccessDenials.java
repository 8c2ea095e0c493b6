package jp.ceptoarhub.tenancy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jp.ceptoarhub.caller.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The trail of denied attempts of signed-in callers (403, and 401 for a token without the second factor the role
 * needs), for platform admins ({@code GET /api/v1/platform/access-denials}).
 *
 * <p>Denials are counted in memory per caller, method, route (ids replaced by {@code {id}}), status, reason and
 * minute, and written in batches every few seconds, one upsert per distinct key, to {@code access_denial} — never to
 * a tenant's hash-chained audit log, whose appends are serialised per tenant: a flood of denials cannot queue on it,
 * costs at most {@link #MAX_PENDING} counters of memory (beyond that, a tenant's further denials are counted in one
 * "(various)" bucket) and one batch per flush. Counts are exact; the time is kept to the minute.
 */
@Singleton
class AccessDenials {
    static final int MAX_PENDING = 10_000;
    static final String VARIOUS = "(various)";
    private static final Logger LOG = LoggerFactory.getLogger(AccessDenials.class);
    private static final Pattern ID_SEGMENT = Pattern.compile("/(\\d+|[0-9a-fA-F-]{16,})(?=/|$)");

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ConcurrentHashMap<Key, Count> pending = new ConcurrentHashMap<>();

    AccessDenials(JdbcOperations jdbc, TransactionOperations<Connection> tx, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.meters = meters;
        this.clock = clock;
    }

    void record(CurrentUser caller, String method, String path, int status, String reason) {
        Instant now = clock.instant();
        Key key = new Key(caller.tenantId(), now.truncatedTo(ChronoUnit.MINUTES), caller.userId(), caller.username(),
                caller.role().code(), method, route(path), status, reason);
        if (pending.size() >= MAX_PENDING && !pending.containsKey(key)) {
            key = new Key(caller.tenantId(), key.window(), 0, VARIOUS, VARIOUS, VARIOUS, VARIOUS, status, VARIOUS);
        }
        pending.compute(key, (k, count) -> (count == null ? new Count(now) : count).add(now));
        meters.counter("ceptoar.access.denied", "status", String.valueOf(status), "reason", reason).increment();
    }

    /** Writes what was counted since the last flush; on failure the counts stay for the next one. */
    @Scheduled(fixedDelay = "${ceptoar.audit.denial-flush-interval:5s}")
    @PreDestroy
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Map.Entry<Key, Count>> batch = new ArrayList<>();
        for (Key key : List.copyOf(pending.keySet())) {
            Count count = pending.remove(key);
            if (count != null) {
                batch.add(Map.entry(key, count));
            }
        }
        try {
            tx.executeWrite(s -> jdbc.execute(conn -> {
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO access_denial (tenant_id, window_start, "
                        + "user_id, username, role, method, route, status, reason, denial_count, first_at, last_at) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON DUPLICATE KEY UPDATE "
                        + "denial_count = denial_count + VALUES(denial_count), last_at = GREATEST(last_at, VALUES(last_at))")) {
                    for (Map.Entry<Key, Count> e : batch) {
                        Key k = e.getKey();
                        ps.setLong(1, k.tenantId());
                        ps.setTimestamp(2, Timestamp.from(k.window()));
                        ps.setLong(3, k.userId());
                        ps.setString(4, k.username());
                        ps.setString(5, k.role());
                        ps.setString(6, k.method());
                        ps.setString(7, k.route());
                        ps.setInt(8, k.status());
                        ps.setString(9, k.reason());
                        ps.setLong(10, e.getValue().count());
                        ps.setTimestamp(11, Timestamp.from(e.getValue().first()));
                        ps.setTimestamp(12, Timestamp.from(e.getValue().last()));
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                }
            }));
        } catch (RuntimeException e) {
            LOG.warn("Could not write {} access-denial counters; kept for the next flush: {}", batch.size(), e.toString());
            for (Map.Entry<Key, Count> entry : batch) {
                pending.merge(entry.getKey(), entry.getValue(), Count::merge);
            }
        }
    }

    List<Denial> list(@Nullable Long tenantId, @Nullable Instant since, long afterId, int limit) {
        return tx.executeRead(s -> jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT d.id, d.tenant_id, t.code, d.window_start, "
                    + "d.first_at, d.last_at, d.user_id, d.username, d.role, d.method, d.route, d.status, d.reason, "
                    + "d.denial_count FROM access_denial d JOIN tenant t ON t.id = d.tenant_id "
                    + "WHERE d.id > ? AND (? IS NULL OR d.tenant_id = ?) AND (? IS NULL OR d.last_at >= ?) "
                    + "ORDER BY d.id LIMIT ?")) {
                ps.setLong(1, afterId);
                setNullableLong(ps, 2, tenantId);
                setNullableLong(ps, 3, tenantId);
                ps.setTimestamp(4, since == null ? null : Timestamp.from(since));
                ps.setTimestamp(5, since == null ? null : Timestamp.from(since));
                ps.setInt(6, limit);
                List<Denial> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long userId = rs.getLong(7);
                        out.add(new Denial(rs.getLong(1), rs.getLong(2), rs.getString(3),
                                rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(),
                                rs.getTimestamp(6).toInstant(), userId == 0 ? null : userId, rs.getString(8),
                                rs.getString(9), rs.getString(10), rs.getString(11), rs.getInt(12), rs.getString(13),
                                rs.getLong(14)));
                    }
                }
                return out;
            }
        }));
    }

    private static void setNullableLong(PreparedStatement ps, int index, @Nullable Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    /** {@code /api/v1/members/12/contacts/345} → {@code /api/v1/members/{id}/contacts/{id}}, at most 300 characters. */
    static String route(String path) {
        String route = ID_SEGMENT.matcher(path).replaceAll("/{id}");
        return route.length() > 300 ? route.substring(0, 300) : route;
    }

    /** One row of the trail: {@code count} denials of one caller on one route in the minute {@code windowStart}. */
    @Serdeable
    record Denial(long id, long tenantId, String tenantCode, Instant windowStart, Instant firstAt, Instant lastAt,
                  @Nullable Long userId, String username, String role, String method, String route, int status,
                  String reason, long count) {
    }

    private record Key(long tenantId, Instant window, long userId, String username, String role, String method,
                       String route, int status, String reason) {
    }

    private static final class Count {
        private long count;
        private Instant first;
        private Instant last;

        Count(Instant at) {
            this.first = at;
            this.last = at;
        }

        synchronized Count add(Instant at) {
            count++;
            last = at.isAfter(last) ? at : last;
            return this;
        }

        synchronized long count() {
            return count;
        }

        synchronized Instant first() {
            return first;
        }

        synchronized Instant last() {
            return last;
        }

        static Count merge(Count a, Count b) {
            Count m = new Count(a.first().isBefore(b.first()) ? a.first() : b.first());
            m.count = a.count() + b.count();
            m.last = a.last().isAfter(b.last()) ? a.last() : b.last();
            return m;
        }
    }
}
