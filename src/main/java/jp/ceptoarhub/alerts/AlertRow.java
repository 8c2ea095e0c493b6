package jp.ceptoarhub.alerts;

import io.micronaut.core.annotation.Nullable;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * An alert as a query under {@link AlertVisibility} returned it: the provision form's fields, plus the label the
 * viewer reads it under ({@code effectiveTlp}) and whether the viewer sends for its originating organisation.
 */
record AlertRow(
        long id,
        long tenantId,
        long threadId,
        @Nullable Integer reportNo,
        @Nullable String number,
        String status,
        Importance importance,
        Tlp tlp,
        Tlp effectiveTlp,
        @Nullable String specialRemarks,
        String title,
        @Nullable String outline,
        @Nullable String targets,
        @Nullable String handling,
        @Nullable String otherInfo,
        boolean annex,
        @Nullable String inquiryContact,
        @Nullable String recipientsLine,
        OrgRef origin,
        long createdBy,
        @Nullable String createdByName,
        @Nullable String sentByName,
        @Nullable String withdrawnReason,
        @Nullable Instant withdrawnAt,
        Instant createdAt,
        @Nullable Instant sentAt,
        Instant updatedAt,
        long version,
        boolean viewerIsOrigin) {

    static final String DRAFT = "DRAFT";
    static final String SENT = "SENT";
    static final String WITHDRAWN = "WITHDRAWN";

    /** The columns {@link #map} reads, for {@code SELECT} lists (alias {@code a}). */
    static final String COLUMNS = "a.id, a.tenant_id, a.thread_id, a.report_no, a.number, a.status, a.importance, a.tlp, "
            + "a.special_remarks, a.title, a.outline, a.targets, a.handling, a.other_info, a.annex, a.inquiry_contact, "
            + "a.recipients_line, a.origin_org_kind, a.origin_org_id, a.created_by, a.created_by_name, a.sent_by_name, "
            + "a.withdrawn_reason, a.withdrawn_at, a.created_at, a.sent_at, a.updated_at, a.version, "
            + AlertVisibility.EFFECTIVE_TLP + " AS effective_tlp, " + AlertVisibility.ORIGIN + " AS viewer_is_origin";

    static AlertRow map(ResultSet rs) throws SQLException {
        int report = rs.getInt("report_no");
        Integer reportNo = rs.wasNull() ? null : report;
        return new AlertRow(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("thread_id"), reportNo,
                rs.getString("number"), rs.getString("status"), Importance.valueOf(rs.getString("importance")),
                Tlp.ofRank(rs.getInt("tlp")), Tlp.ofRank(rs.getInt("effective_tlp")), rs.getString("special_remarks"),
                rs.getString("title"), rs.getString("outline"), rs.getString("targets"), rs.getString("handling"),
                rs.getString("other_info"), rs.getBoolean("annex"), rs.getString("inquiry_contact"),
                rs.getString("recipients_line"), OrgRef.of(rs.getString("origin_org_kind"), rs.getLong("origin_org_id")),
                rs.getLong("created_by"), rs.getString("created_by_name"), rs.getString("sent_by_name"),
                rs.getString("withdrawn_reason"), instant(rs.getTimestamp("withdrawn_at")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("sent_at")),
                instant(rs.getTimestamp("updated_at")), rs.getLong("version"), rs.getBoolean("viewer_is_origin"));
    }

    static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    boolean draft() {
        return DRAFT.equals(status);
    }

    boolean sent() {
        return !draft();
    }
}
