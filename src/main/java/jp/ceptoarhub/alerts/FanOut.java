package jp.ceptoarhub.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the grants of a send, an addition of recipients or a pass-on: one {@code alert_recipient_org} row per
 * addressed organisation IN ITS OWN TENANT, and one {@code alert_recipient_user} row per named user, in the caller's
 * transaction. This is the one place data crosses tenants, and it does so by writing rows the recipient tenant then
 * reads under its own tenant filter.
 * <p>
 * Grants are keyed by organisation and grantor ({@code pass_on_id} 0 for the originator): re-running a fan-out is
 * harmless, an organisation addressed again by the originator keeps one row (named-only is upgraded to the whole
 * organisation), and a pass-on never touches the originator's rows. Rows are written in multi-row statements of
 * {@value #BATCH}, so addressing a 1,800-member CEPTOAR is a handful of statements.
 */
@Singleton
class FanOut {
    static final int BATCH = 500;

    private final JdbcOperations jdbc;

    FanOut(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Grants the organisations; {@code passOnId} 0 and {@code cap} null for the originator, the pass-on's id and
     * label for a pass-on.
     */
    void grant(long alertId, long originTenantId, long passOnId, @Nullable Tlp cap, List<Audiences.Target> targets) {
        for (int from = 0; from < targets.size(); from += BATCH) {
            List<Audiences.Target> batch = targets.subList(from, Math.min(targets.size(), from + BATCH));
            StringBuilder sql = new StringBuilder("INSERT INTO alert_recipient_org (tenant_id, alert_id, org_kind, "
                    + "org_id, pass_on_id, origin_tenant_id, addressed, tlp_cap, ack_state, created_at, updated_at) VALUES ");
            for (int i = 0; i < batch.size(); i++) {
                sql.append(i == 0 ? "" : ",").append("(?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', NOW(6), NOW(6))");
            }
            // Assignments run left to right: updated_at moves only when the row is upgraded to the whole organisation.
            sql.append(" ON DUPLICATE KEY UPDATE updated_at = IF(addressed = 'NAMED' AND VALUES(addressed) = 'ORG', "
                    + "NOW(6), updated_at), addressed = IF(VALUES(addressed) = 'ORG', 'ORG', addressed)");
            jdbc.execute(conn -> {
                try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
                    int p = 1;
                    for (Audiences.Target t : batch) {
                        ps.setLong(p++, t.tenantId());
                        ps.setLong(p++, alertId);
                        ps.setString(p++, t.org().kind().name());
                        ps.setLong(p++, t.org().id());
                        ps.setLong(p++, passOnId);
                        ps.setLong(p++, originTenantId);
                        ps.setString(p++, t.wholeOrganisation() ? "ORG" : "NAMED");
                        if (cap == null) {
                            ps.setNull(p++, Types.TINYINT);
                        } else {
                            ps.setInt(p++, cap.rank());
                        }
                    }
                    return ps.executeUpdate();
                }
            });
        }
    }

    /** Names the users (the only readers of TLP:RED); an earlier "opened" row of the same user becomes named. */
    void name(long alertId, long originTenantId, List<Audiences.Named> named) {
        if (named.isEmpty()) {
            return;
        }
        jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO alert_recipient_user (tenant_id, alert_id, "
                    + "user_id, origin_tenant_id, org_kind, org_id, named, created_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, 1, NOW(6), NOW(6)) "
                    + "ON DUPLICATE KEY UPDATE updated_at = IF(named = 0, NOW(6), updated_at), named = 1")) {
                for (Audiences.Named n : named) {
                    ps.setLong(1, n.tenantId());
                    ps.setLong(2, alertId);
                    ps.setLong(3, n.userId());
                    ps.setLong(4, originTenantId);
                    ps.setString(5, n.org().kind().name());
                    ps.setLong(6, n.org().id());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /**
     * The originator's grants of an alert in every tenant ("tenantId:KIND:id" → addressed as a whole organisation);
     * read through the originator's index, for an addition of recipients.
     */
    Map<String, Boolean> originGrants(long originTenantId, long alertId) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT tenant_id, org_kind, org_id, addressed "
                    + "FROM alert_recipient_org WHERE origin_tenant_id = ? AND alert_id = ? AND pass_on_id = 0")) {
                ps.setLong(1, originTenantId);
                ps.setLong(2, alertId);
                Map<String, Boolean> out = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1) + ":" + rs.getString(2) + ":" + rs.getLong(3), "ORG".equals(rs.getString(4)));
                    }
                }
                return out;
            }
        });
    }

    /** Whether the alert names any user (named users are always of the origin tenant). */
    boolean hasNamedUsers(long originTenantId, long alertId) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM alert_recipient_user WHERE tenant_id = ? "
                    + "AND alert_id = ? AND named = 1 LIMIT 1")) {
                ps.setLong(1, originTenantId);
                ps.setLong(2, alertId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The organisations of a tenant that already hold any grant of the alert ("KIND:id"). */
    Set<String> reached(long tenantId, long alertId) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT DISTINCT org_kind, org_id FROM alert_recipient_org "
                    + "WHERE tenant_id = ? AND alert_id = ?")) {
                ps.setLong(1, tenantId);
                ps.setLong(2, alertId);
                Set<String> out = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1) + ":" + rs.getLong(2));
                    }
                }
                return out;
            }
        });
    }
}
