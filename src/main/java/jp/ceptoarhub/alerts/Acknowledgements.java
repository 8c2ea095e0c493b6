package jp.ceptoarhub.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Problems;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Acknowledgement (受領確認) is per addressed organisation (decisions §2): the first of its users to acknowledge in
 * the app acknowledges for the organisation, on every grant it holds; later attempts answer who acknowledged and
 * when. Each acknowledgement is also an append-only {@code alert_ack_event} (who, when, how, from where), not an
 * audit entry, so a storm of acknowledgements never queues on a tenant's audit chain. The same statement clears the
 * organisation's escalation timer.
 */
@Singleton
class Acknowledgements {
    private final JdbcOperations jdbc;

    Acknowledgements(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The viewer's organisation's grants of an alert and the viewer's own row (named, opened). */
    record ViewerGrant(List<Grant> grants, boolean named, @Nullable Instant openedAt) {
        boolean addressed() {
            return !grants.isEmpty();
        }

        @Nullable
        Grant first() {
            return grants.isEmpty() ? null : grants.getFirst();
        }
    }

    record Grant(long passOnId, String addressed, @Nullable Integer tlpCap, String ackState, @Nullable Instant ackedAt,
                 @Nullable String ackedByName, @Nullable String ackMethod, @Nullable Instant firstOpenedAt) {
    }

    /** {@link #grantOf} for many alerts at once (two queries), for listings. */
    Map<Long, ViewerGrant> grantsOf(Viewer viewer, Collection<Long> alertIds) {
        Map<Long, ViewerGrant> out = new HashMap<>();
        if (viewer.org() == null || alertIds.isEmpty()) {
            alertIds.forEach(id -> out.put(id, new ViewerGrant(List.of(), false, null)));
            return out;
        }
        String in = alertIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        return jdbc.execute(conn -> {
            Map<Long, List<Grant>> grants = new HashMap<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT pass_on_id, addressed, tlp_cap, ack_state, "
                    + "acked_at, acked_by_name, ack_method, first_opened_at, alert_id FROM alert_recipient_org "
                    + "WHERE tenant_id = ? AND org_kind = ? AND org_id = ? AND alert_id IN (" + in + ") "
                    + "ORDER BY alert_id, pass_on_id")) {
                ps.setLong(1, viewer.tenantId());
                ps.setString(2, viewer.org().kind().name());
                ps.setLong(3, viewer.org().id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int cap = rs.getInt(3);
                        grants.computeIfAbsent(rs.getLong(9), k -> new ArrayList<>()).add(new Grant(rs.getLong(1),
                                rs.getString(2), rs.wasNull() ? null : cap, rs.getString(4),
                                AlertRow.instant(rs.getTimestamp(5)), rs.getString(6), rs.getString(7),
                                AlertRow.instant(rs.getTimestamp(8))));
                    }
                }
            }
            Map<Long, Object[]> users = new HashMap<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT alert_id, named, opened_at FROM alert_recipient_user "
                    + "WHERE tenant_id = ? AND user_id = ? AND alert_id IN (" + in + ")")) {
                ps.setLong(1, viewer.tenantId());
                ps.setLong(2, viewer.userId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        users.put(rs.getLong(1), new Object[]{rs.getBoolean(2), AlertRow.instant(rs.getTimestamp(3))});
                    }
                }
            }
            for (long id : alertIds) {
                Object[] u = users.get(id);
                out.put(id, new ViewerGrant(List.copyOf(grants.getOrDefault(id, List.of())),
                        u != null && (Boolean) u[0], u == null ? null : (Instant) u[1]));
            }
            return out;
        });
    }

    ViewerGrant grantOf(Viewer viewer, long alertId) {
        return grantsOf(viewer, List.of(alertId)).get(alertId);
    }

    /**
     * The viewer's organisation's grants, row-locked for the caller's transaction: two pass-ons by one organisation
     * queue, so the second sees what the first reached.
     */
    List<Grant> lockGrants(Viewer viewer, long alertId) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT pass_on_id, addressed, tlp_cap, ack_state, "
                    + "acked_at, acked_by_name, ack_method, first_opened_at FROM alert_recipient_org WHERE tenant_id = ? "
                    + "AND alert_id = ? AND org_kind = ? AND org_id = ? ORDER BY pass_on_id FOR UPDATE")) {
                ps.setLong(1, viewer.tenantId());
                ps.setLong(2, alertId);
                ps.setString(3, viewer.org().kind().name());
                ps.setLong(4, viewer.org().id());
                return grants(ps);
            }
        });
    }

    private static List<Grant> grants(PreparedStatement ps) throws SQLException {
        List<Grant> grants = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int cap = rs.getInt(3);
                grants.add(new Grant(rs.getLong(1), rs.getString(2), rs.wasNull() ? null : cap, rs.getString(4),
                        AlertRow.instant(rs.getTimestamp(5)), rs.getString(6), rs.getString(7),
                        AlertRow.instant(rs.getTimestamp(8))));
            }
        }
        return grants;
    }

    /**
     * Records the viewer's signed-in read ("opened", decisions §2): its first read of the alert, and its
     * organisation's first. The caller has read the alert under the predicate through a grant of the viewer's tenant.
     */
    void opened(Viewer viewer, AlertRow alert) {
        jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO alert_recipient_user (tenant_id, alert_id, "
                    + "user_id, origin_tenant_id, org_kind, org_id, named, opened_at, created_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, 0, NOW(6), NOW(6), NOW(6)) ON DUPLICATE KEY UPDATE "
                    + "updated_at = IF(opened_at IS NULL, NOW(6), updated_at), opened_at = COALESCE(opened_at, NOW(6))")) {
                ps.setLong(1, viewer.tenantId());
                ps.setLong(2, alert.id());
                ps.setLong(3, viewer.userId());
                ps.setLong(4, alert.tenantId());
                ps.setString(5, viewer.org().kind().name());
                ps.setLong(6, viewer.org().id());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement("UPDATE alert_recipient_org SET first_opened_at = NOW(6) "
                    + "WHERE tenant_id = ? AND alert_id = ? AND org_kind = ? AND org_id = ? AND first_opened_at IS NULL")) {
                ps.setLong(1, viewer.tenantId());
                ps.setLong(2, alert.id());
                ps.setString(3, viewer.org().kind().name());
                ps.setLong(4, viewer.org().id());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Acknowledges for the viewer's organisation (method APP). Returns the organisation's acknowledgement, whoever
     * gave it first. 409 when the viewer's organisation was not addressed (e.g. the originator).
     */
    Grant acknowledge(Viewer viewer, AlertRow alert, @Nullable String ip, @Nullable String userAgent) {
        ViewerGrant before = grantOf(viewer, alert.id());
        if (!before.addressed()) {
            throw Problems.conflict("not-addressed", "Your organisation was not addressed by this alert; "
                    + "acknowledgement is by the addressed organisations");
        }
        jdbc.execute(conn -> {
            int changed;
            try (PreparedStatement ps = conn.prepareStatement("UPDATE alert_recipient_org SET ack_state = 'ACKED', "
                    + "acked_at = NOW(6), acked_by_user_id = ?, acked_by_name = ?, ack_method = 'APP', "
                    + "next_escalation_at = NULL, updated_at = NOW(6) WHERE tenant_id = ? AND alert_id = ? "
                    + "AND org_kind = ? AND org_id = ? AND ack_state = 'OPEN'")) {
                ps.setLong(1, viewer.userId());
                ps.setString(2, viewer.name());
                ps.setLong(3, viewer.tenantId());
                ps.setLong(4, alert.id());
                ps.setString(5, viewer.org().kind().name());
                ps.setLong(6, viewer.org().id());
                changed = ps.executeUpdate();
            }
            if (changed > 0) {
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO alert_ack_event (tenant_id, alert_id, "
                        + "org_kind, org_id, user_id, method, acked_at, ip, user_agent) "
                        + "VALUES (?, ?, ?, ?, ?, 'APP', NOW(6), ?, ?)")) {
                    ps.setLong(1, viewer.tenantId());
                    ps.setLong(2, alert.id());
                    ps.setString(3, viewer.org().kind().name());
                    ps.setLong(4, viewer.org().id());
                    ps.setLong(5, viewer.userId());
                    ps.setString(6, truncate(ip, 64));
                    ps.setString(7, truncate(userAgent, 500));
                    ps.executeUpdate();
                }
            }
            return null;
        });
        return grantOf(viewer, alert.id()).first();
    }

    private static @Nullable String truncate(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
