package jp.ceptoarhub.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes of the originator's rows (the alert, its audience rules and sectors) and of pass-on records. Every method
 * runs inside the caller's transaction, after the caller has read the alert under {@link AlertVisibility} (and locked
 * it where it changes). The only reads here are the write path's own bookkeeping on rows the caller already holds:
 * the next 第n報 of a thread and the rules and sectors stored with an alert.
 */
@Singleton
class AlertStore {
    private final JdbcOperations jdbc;

    AlertStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The provision form's content fields, validated. */
    record Content(Importance importance, Tlp tlp, @Nullable String specialRemarks, String title,
                   @Nullable String outline, @Nullable String targets, @Nullable String handling,
                   @Nullable String otherInfo, boolean annex, @Nullable String inquiryContact) {
    }

    long insertDraft(long tenantId, OrgRef origin, @Nullable Long threadId, Content c, long userId, String userName) {
        return jdbc.execute(conn -> {
            long id;
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO alert (tenant_id, thread_id, status, "
                    + "importance, tlp, special_remarks, title, outline, targets, handling, other_info, annex, "
                    + "inquiry_contact, origin_org_kind, origin_org_id, created_by, created_by_name, created_at, "
                    + "updated_at) VALUES (?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NOW(6), NOW(6))",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, tenantId);
                ps.setLong(2, threadId == null ? 0 : threadId);
                bindContent(ps, 3, c);
                ps.setString(13, origin.kind().name());
                ps.setLong(14, origin.id());
                ps.setLong(15, userId);
                ps.setString(16, userName);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            if (threadId == null) {
                try (PreparedStatement ps = conn.prepareStatement("UPDATE alert SET thread_id = id WHERE id = ?")) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
            }
            return id;
        });
    }

    void updateDraft(long id, Content c) {
        jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("UPDATE alert SET importance = ?, tlp = ?, "
                    + "special_remarks = ?, title = ?, outline = ?, targets = ?, handling = ?, other_info = ?, annex = ?, "
                    + "inquiry_contact = ?, updated_at = NOW(6), version = version + 1 WHERE id = ? AND status = 'DRAFT'")) {
                bindContent(ps, 1, c);
                ps.setLong(11, id);
                return ps.executeUpdate();
            }
        });
    }

    /** Deletes a draft with its rules and attachments. */
    void deleteDraft(long tenantId, long id) {
        jdbc.execute(conn -> {
            for (String sql : List.of(
                    "DELETE c FROM alert_attachment_chunk c JOIN alert_attachment t ON t.tenant_id = c.tenant_id"
                            + " AND t.id = c.attachment_id WHERE t.tenant_id = ? AND t.alert_id = ?",
                    "DELETE FROM alert_attachment WHERE tenant_id = ? AND alert_id = ?",
                    "DELETE FROM alert_audience_rule WHERE tenant_id = ? AND alert_id = ?",
                    "DELETE FROM alert WHERE tenant_id = ? AND id = ? AND status = 'DRAFT'")) {
                try (PreparedStatement ps = conn.prepareStatement(sql)) {
                    ps.setLong(1, tenantId);
                    ps.setLong(2, id);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /**
     * The position the next report of a thread takes (第n報). The caller holds the lock of the thread's first report,
     * so concurrent follow-ups of one thread are numbered one after the other.
     */
    int nextReportNo(long tenantId, long threadId) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT COALESCE(MAX(report_no), 0) + 1 FROM alert "
                    + "WHERE tenant_id = ? AND thread_id = ? AND status <> 'DRAFT'")) {
                ps.setLong(1, tenantId);
                ps.setLong(2, threadId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** The number of the thread's first report (Ｔ１ of Ｔ１-2), held by the caller's lock on that report. */
    String threadNumber(long tenantId, long threadId) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT number FROM alert WHERE tenant_id = ? AND id = ?")) {
                ps.setLong(1, tenantId);
                ps.setLong(2, threadId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }

    void markSent(long id, int reportNo, String number, String recipientsLine, long userId, String userName) {
        jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("UPDATE alert SET status = 'SENT', report_no = ?, "
                    + "number = ?, recipients_line = ?, sent_by = ?, sent_by_name = ?, sent_at = NOW(6), "
                    + "updated_at = NOW(6), version = version + 1 WHERE id = ? AND status = 'DRAFT'")) {
                ps.setInt(1, reportNo);
                ps.setString(2, number);
                ps.setString(3, recipientsLine.length() > 2000 ? recipientsLine.substring(0, 1999) + "…" : recipientsLine);
                ps.setLong(4, userId);
                ps.setString(5, userName);
                ps.setLong(6, id);
                return ps.executeUpdate();
            }
        });
    }

    void setLabel(long id, Tlp tlp, @Nullable String specialRemarks) {
        jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("UPDATE alert SET tlp = ?, special_remarks = ?, "
                    + "updated_at = NOW(6), version = version + 1 WHERE id = ?")) {
                ps.setInt(1, tlp.rank());
                ps.setString(2, specialRemarks);
                ps.setLong(3, id);
                return ps.executeUpdate();
            }
        });
    }

    void withdraw(long id, String reason) {
        jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("UPDATE alert SET status = 'WITHDRAWN', "
                    + "withdrawn_reason = ?, withdrawn_at = NOW(6), updated_at = NOW(6), version = version + 1 "
                    + "WHERE id = ? AND status = 'SENT'")) {
                ps.setString(1, reason);
                ps.setLong(2, id);
                return ps.executeUpdate();
            }
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // Audience rules and sectors
    // ---------------------------------------------------------------------------------------------------------

    /** Replaces the originator's rules of a draft. */
    void replaceRules(long tenantId, long alertId, List<AudienceRule> rules) {
        jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM alert_audience_rule WHERE tenant_id = ? "
                    + "AND alert_id = ? AND pass_on_id IS NULL")) {
                ps.setLong(1, tenantId);
                ps.setLong(2, alertId);
                ps.executeUpdate();
            }
            return null;
        });
        insertRules(tenantId, alertId, null, rules, false);
    }

    /** Appends rules: a pass-on's, or ({@code added}) the originator's additions after sending. */
    void insertRules(long tenantId, long alertId, @Nullable Long passOnId, List<AudienceRule> rules, boolean added) {
        jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO alert_audience_rule (tenant_id, alert_id, "
                    + "pass_on_id, kind, member_id, user_id, sector_code, ceptoar_tenant_id, national_organisation_id, "
                    + "corporate_number, local_government_code, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + (added ? "NOW(6)" : "NULL") + ")")) {
                for (AudienceRule r : rules) {
                    ps.setLong(1, tenantId);
                    ps.setLong(2, alertId);
                    setLong(ps, 3, passOnId);
                    ps.setString(4, r.kind().name());
                    setLong(ps, 5, r.memberId());
                    setLong(ps, 6, r.userId());
                    ps.setString(7, r.sectorCode());
                    setLong(ps, 8, r.ceptoarTenantId());
                    setLong(ps, 9, r.nationalOrganisationId());
                    ps.setString(10, r.corporateNumber());
                    ps.setString(11, r.localGovernmentCode());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** The originator's rules ({@code passOnId} null) or a pass-on's, in the order they were chosen. */
    List<AudienceRule> rules(long tenantId, long alertId, @Nullable Long passOnId) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT kind, member_id, user_id, sector_code, "
                    + "ceptoar_tenant_id, national_organisation_id, corporate_number, local_government_code "
                    + "FROM alert_audience_rule WHERE tenant_id = ? AND alert_id = ? AND "
                    + (passOnId == null ? "pass_on_id IS NULL" : "pass_on_id = ?") + " ORDER BY id")) {
                ps.setLong(1, tenantId);
                ps.setLong(2, alertId);
                if (passOnId != null) {
                    ps.setLong(3, passOnId);
                }
                List<AudienceRule> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AudienceRule(AudienceRule.Kind.valueOf(rs.getString(1)), getLong(rs, 2),
                                getLong(rs, 3), rs.getString(4), getLong(rs, 5), getLong(rs, 6), rs.getString(7),
                                rs.getString(8)));
                    }
                }
                return out;
            }
        });
    }

    void addSectors(long tenantId, long alertId, Set<String> sectors) {
        jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT IGNORE INTO alert_sector (tenant_id, alert_id, sector_code) VALUES (?, ?, ?)")) {
                for (String s : sectors) {
                    ps.setLong(1, tenantId);
                    ps.setLong(2, alertId);
                    ps.setString(3, s);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** The sectors an alert (of {@code originTenantId}) addresses; the caller has read the alert under the predicate. */
    Set<String> sectors(long originTenantId, long alertId) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT sector_code FROM alert_sector WHERE tenant_id = ? AND alert_id = ? ORDER BY sector_code")) {
                ps.setLong(1, originTenantId);
                ps.setLong(2, alertId);
                Set<String> out = new LinkedHashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    long insertPassOn(long tenantId, long alertId, long originTenantId, OrgRef passer, Tlp tlp, long userId,
                      String userName) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO alert_pass_on (tenant_id, alert_id, "
                    + "origin_tenant_id, org_kind, org_id, tlp, passed_by, passed_by_name, passed_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, NOW(6))", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, tenantId);
                ps.setLong(2, alertId);
                ps.setLong(3, originTenantId);
                ps.setString(4, passer.kind().name());
                ps.setLong(5, passer.id());
                ps.setInt(6, tlp.rank());
                ps.setLong(7, userId);
                ps.setString(8, userName);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** A pass-on as the readers of its copies see it: who passed it on and under which label. */
    record PassOnRef(long tenantId, OrgRef org, Tlp tlp) {
    }

    /** The pass-on a grant of the reader's tenant refers to (its {@code pass_on_id}). */
    Optional<PassOnRef> passOn(long passOnId) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT tenant_id, org_kind, org_id, tlp FROM alert_pass_on WHERE id = ?")) {
                ps.setLong(1, passOnId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new PassOnRef(rs.getLong(1), OrgRef.of(rs.getString(2), rs.getLong(3)),
                            Tlp.ofRank(rs.getInt(4)))) : Optional.empty();
                }
            }
        });
    }

    private static void bindContent(PreparedStatement ps, int from, Content c) throws SQLException {
        ps.setString(from, c.importance().name());
        ps.setInt(from + 1, c.tlp().rank());
        ps.setString(from + 2, c.specialRemarks());
        ps.setString(from + 3, c.title());
        ps.setString(from + 4, c.outline());
        ps.setString(from + 5, c.targets());
        ps.setString(from + 6, c.handling());
        ps.setString(from + 7, c.otherInfo());
        ps.setBoolean(from + 8, c.annex());
        ps.setString(from + 9, c.inquiryContact());
    }

    static void setLong(PreparedStatement ps, int index, @Nullable Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    static @Nullable Long getLong(ResultSet rs, int index) throws SQLException {
        long v = rs.getLong(index);
        return rs.wasNull() ? null : v;
    }
}
