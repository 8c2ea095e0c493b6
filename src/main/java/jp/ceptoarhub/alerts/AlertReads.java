package jp.ceptoarhub.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every read of alert rows. Each query starts from the rows the viewer's tenant holds about the viewer (its
 * organisation's grants, its named and opened rows, what its organisation originated) — so that an inbox of a
 * 1,800-member CEPTOAR reads the viewer's thousand grant rows, not the platform's alerts — and keeps only what
 * {@link AlertVisibility#SQL} allows. The candidate rows narrow the work; the predicate alone decides.
 */
@Singleton
class AlertReads {
    /** Which alerts a listing shows: received (addressed to the viewer or its organisation) or sent by it. */
    enum Box { RECEIVED, SENT }

    private static final String RECEIVED = "SELECT ro.alert_id FROM alert_recipient_org ro WHERE ro.tenant_id = :vt"
            + " AND ro.org_kind = :vok AND ro.org_id = :vo"
            + " UNION SELECT ru.alert_id FROM alert_recipient_user ru WHERE ru.tenant_id = :vt AND ru.user_id = :vu";
    private static final String SENT = "SELECT o.id AS alert_id FROM alert o WHERE :vsender = 1 AND o.tenant_id = :vt"
            + " AND o.origin_org_kind = :vok AND o.origin_org_id = :vo AND o.status <> 'DRAFT'";
    /** Candidates of a delta sync, with when the viewer's view of each last changed. */
    private static final String CHANGED = "SELECT x.alert_id, MAX(x.changed) AS changed FROM ("
            + "SELECT ro.alert_id, ro.updated_at AS changed FROM alert_recipient_org ro WHERE ro.tenant_id = :vt"
            + " AND ro.org_kind = :vok AND ro.org_id = :vo"
            + " UNION ALL SELECT ru.alert_id, ru.updated_at FROM alert_recipient_user ru WHERE ru.tenant_id = :vt"
            + " AND ru.user_id = :vu"
            + " UNION ALL SELECT o.id, o.updated_at FROM alert o WHERE :vsender = 1 AND o.tenant_id = :vt"
            + " AND o.origin_org_kind = :vok AND o.origin_org_id = :vo AND o.status <> 'DRAFT') x GROUP BY x.alert_id";

    private static final NamedSql FIND = NamedSql.of("SELECT " + AlertRow.COLUMNS + " FROM alert a WHERE a.id = :id"
            + " AND (" + AlertVisibility.SQL + " OR " + AlertVisibility.DRAFT + ")");
    private static final NamedSql LOCK = NamedSql.of("SELECT " + AlertRow.COLUMNS + " FROM alert a WHERE a.id = :id"
            + " AND (" + AlertVisibility.SQL + " OR " + AlertVisibility.DRAFT + ") FOR UPDATE");
    private static final NamedSql THREAD = NamedSql.of("SELECT " + AlertRow.COLUMNS + " FROM alert a"
            + " WHERE a.tenant_id = (SELECT t.tenant_id FROM alert t WHERE t.id = :tid) AND a.thread_id = :tid"
            + " AND " + AlertVisibility.SQL + " ORDER BY a.report_no");
    private static final NamedSql DRAFTS = NamedSql.of("SELECT " + AlertRow.COLUMNS + " FROM alert a"
            + " WHERE a.tenant_id = :vt AND a.origin_org_kind = :vok AND a.origin_org_id = :vo AND a.status = 'DRAFT'"
            + " AND a.id < :after AND " + AlertVisibility.DRAFT + " ORDER BY a.id DESC LIMIT :lim");
    private static final NamedSql FEED = NamedSql.of("SELECT " + AlertRow.COLUMNS + " FROM alert a"
            + " WHERE a.tenant_id = :ft AND a.tlp = 5 AND a.status = 'SENT' AND a.origin_org_kind = :fk"
            + " AND a.origin_org_id = :fo AND " + AlertVisibility.SQL + " ORDER BY a.sent_at DESC, a.id DESC LIMIT :lim");

    private final JdbcOperations jdbc;

    AlertReads(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A sent alert the viewer may read, or a draft of the viewer's organisation. */
    Optional<AlertRow> find(Viewer viewer, long id) {
        return one(FIND, NamedSql.Params.of(viewer).with("id", id));
    }

    /** As {@link #find}, row-locked for the rest of the caller's transaction (originator's changes, sends). */
    Optional<AlertRow> lock(Viewer viewer, long id) {
        return one(LOCK, NamedSql.Params.of(viewer).with("id", id));
    }

    /** The alerts of a thread the viewer may read, in report order (each follow-up checked on its own). */
    List<AlertRow> thread(Viewer viewer, long threadId) {
        return many(THREAD, NamedSql.Params.of(viewer).with("tid", threadId));
    }

    List<AlertRow> drafts(Viewer viewer, long beforeId, int limit) {
        return many(DRAFTS, NamedSql.Params.of(viewer).with("after", beforeId).with("lim", limit));
    }

    /** The public feed: sent CLEAR alerts of one originating organisation, newest first (anonymous reader). */
    List<AlertRow> feed(long tenantId, OrgRef origin, int limit) {
        return many(FEED, NamedSql.Params.of(Viewer.ANONYMOUS).with("ft", tenantId).with("fk", origin.kind().name())
                .with("fo", origin.id()).with("lim", limit));
    }

    /** The readable alerts among these ids, by id descending. */
    List<AlertRow> byIds(Viewer viewer, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        return many(NamedSql.of("SELECT " + AlertRow.COLUMNS + " FROM alert a WHERE a.id IN (" + in + ") AND "
                + AlertVisibility.SQL + " ORDER BY a.id DESC"), NamedSql.Params.of(viewer));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Inbox: threads, newest first, with unread counts
    // ---------------------------------------------------------------------------------------------------------

    /** One thread of the inbox: its newest readable report, how many reports the viewer reads, how many unread. */
    record ThreadRow(long tenantId, long threadId, Instant lastSentAt, int reports, int unread, long latestId) {
    }

    List<ThreadRow> inbox(Viewer viewer, Box box, @Nullable Instant beforeAt, long beforeThread, int limit) {
        NamedSql sql = NamedSql.of("SELECT a.tenant_id, a.thread_id AS tid, MAX(a.sent_at) AS last_at, COUNT(*) AS reports,"
                + " SUM(CASE WHEN ru.opened_at IS NULL THEN 1 ELSE 0 END) AS unread,"
                + " SUBSTRING_INDEX(GROUP_CONCAT(a.id ORDER BY a.report_no DESC), ',', 1) AS latest_id"
                + " FROM (" + (box == Box.SENT ? SENT : RECEIVED) + ") c JOIN alert a ON a.id = c.alert_id"
                + " LEFT JOIN alert_recipient_user ru ON ru.tenant_id = :vt AND ru.alert_id = a.id AND ru.user_id = :vu"
                + " WHERE " + AlertVisibility.SQL
                + " GROUP BY a.tenant_id, a.thread_id"
                + " HAVING :cat IS NULL OR last_at < :cat OR (last_at = :cat AND tid < :ctid)"
                + " ORDER BY last_at DESC, tid DESC LIMIT :lim");
        NamedSql.Params p = NamedSql.Params.of(viewer).with("cat", beforeAt).with("ctid", beforeThread).with("lim", limit);
        return jdbc.execute(conn -> {
            List<ThreadRow> out = new ArrayList<>();
            try (PreparedStatement ps = sql.prepare(conn, p); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ThreadRow(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getInt(4),
                            box == Box.SENT ? 0 : rs.getInt(5), Long.parseLong(rs.getString(6))));
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // Flat listing: search and delta sync
    // ---------------------------------------------------------------------------------------------------------

    /** Filters of a listing; a delta sync ({@code since}) takes none, so tombstones never answer a filter. */
    record Filter(@Nullable Box box, @Nullable String text, @Nullable Importance importance, @Nullable Tlp tlp) {
        static final Filter NONE = new Filter(null, null, null, null);
    }

    /** An id the listing returns: readable (then loaded with {@link #byIds}) or, in a delta sync, a tombstone. */
    record Listed(long id, boolean readable) {
    }

    List<Listed> list(Viewer viewer, Filter filter, @Nullable Instant since, long beforeId, int limit) {
        String source = filter.box() == null ? CHANGED
                : "SELECT s.alert_id, NULL AS changed FROM (" + (filter.box() == Box.SENT ? SENT : RECEIVED) + ") s";
        StringBuilder where = new StringBuilder(" WHERE a.id < :after");
        NamedSql.Params p = NamedSql.Params.of(viewer).with("after", beforeId).with("lim", limit);
        if (since != null) {
            where.append(" AND (c.changed >= :since OR a.updated_at >= :since)");
            p.with("since", since);
        } else {
            where.append(" AND ").append(AlertVisibility.SQL);
        }
        if (filter.importance() != null) {
            where.append(" AND a.importance = :imp");
            p.with("imp", filter.importance().name());
        }
        if (filter.tlp() != null) {
            where.append(" AND ").append(AlertVisibility.EFFECTIVE_TLP).append(" = :tlp");
            p.with("tlp", filter.tlp().rank());
        }
        if (filter.text() != null) {
            where.append(" AND (a.number = :qexact OR a.title LIKE :q OR a.outline LIKE :q OR a.targets LIKE :q"
                    + " OR a.handling LIKE :q OR a.other_info LIKE :q OR a.special_remarks LIKE :q)");
            p.with("qexact", filter.text()).with("q", "%" + escapeLike(filter.text()) + "%");
        }
        NamedSql sql = NamedSql.of("SELECT a.id, " + AlertVisibility.SQL + " AS readable FROM (" + source + ") c"
                + " JOIN alert a ON a.id = c.alert_id" + where + " ORDER BY a.id DESC LIMIT :lim");
        return jdbc.execute(conn -> {
            List<Listed> out = new ArrayList<>();
            try (PreparedStatement ps = sql.prepare(conn, p); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Listed(rs.getLong(1), rs.getBoolean(2)));
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // Counts (badges, dashboards)
    // ---------------------------------------------------------------------------------------------------------

    record Counts(int total, int unread, int unacknowledged, Map<Importance, int[]> byImportance) {
    }

    /** Received alerts the viewer reads: total, unread, not yet acknowledged by its organisation, per importance. */
    Counts counts(Viewer viewer) {
        NamedSql sql = NamedSql.of("SELECT a.importance, COUNT(*) AS total,"
                + " SUM(CASE WHEN ru.opened_at IS NULL THEN 1 ELSE 0 END) AS unread,"
                + " SUM(CASE WHEN EXISTS (SELECT 1 FROM alert_recipient_org r2 WHERE r2.tenant_id = :vt"
                + " AND r2.alert_id = a.id AND r2.org_kind = :vok AND r2.org_id = :vo AND r2.ack_state = 'OPEN')"
                + " THEN 1 ELSE 0 END) AS unacknowledged"
                + " FROM (" + RECEIVED + ") c JOIN alert a ON a.id = c.alert_id"
                + " LEFT JOIN alert_recipient_user ru ON ru.tenant_id = :vt AND ru.alert_id = a.id AND ru.user_id = :vu"
                + " WHERE " + AlertVisibility.SQL + " GROUP BY a.importance");
        return jdbc.execute(conn -> {
            Map<Importance, int[]> by = new EnumMap<>(Importance.class);
            int total = 0;
            int unread = 0;
            int unacknowledged = 0;
            try (PreparedStatement ps = sql.prepare(conn, NamedSql.Params.of(viewer)); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int[] n = {rs.getInt(2), rs.getInt(3), rs.getInt(4)};
                    by.put(Importance.valueOf(rs.getString(1)), n);
                    total += n[0];
                    unread += n[1];
                    unacknowledged += n[2];
                }
            }
            return new Counts(total, unread, unacknowledged, by);
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // Export: what may leave the system
    // ---------------------------------------------------------------------------------------------------------

    /**
     * Readable alerts (received and sent) whose label for the viewer is within the tenant's export ceiling, newest
     * first; {@code from}/{@code to} bound the 情報提供日時.
     */
    List<AlertRow> exportable(Viewer viewer, Tlp ceiling, @Nullable Instant from, @Nullable Instant to, int limit) {
        NamedSql sql = NamedSql.of("SELECT " + AlertRow.COLUMNS + " FROM (" + RECEIVED + " UNION " + SENT + ") c"
                + " JOIN alert a ON a.id = c.alert_id WHERE " + AlertVisibility.SQL
                + " AND " + AlertVisibility.EFFECTIVE_TLP + " >= :ceiling"
                + " AND (:from IS NULL OR a.sent_at >= :from) AND (:to IS NULL OR a.sent_at < :to)"
                + " ORDER BY a.sent_at DESC, a.id DESC LIMIT :lim");
        return many(sql, NamedSql.Params.of(viewer).with("ceiling", ceiling.rank()).with("from", from).with("to", to)
                .with("lim", limit));
    }

    private Optional<AlertRow> one(NamedSql sql, Map<String, ?> params) {
        List<AlertRow> rows = many(sql, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    private List<AlertRow> many(NamedSql sql, Map<String, ?> params) {
        return jdbc.execute(conn -> {
            List<AlertRow> out = new ArrayList<>();
            try (PreparedStatement ps = sql.prepare(conn, params); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(AlertRow.map(rs));
                }
            }
            return out;
        });
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
