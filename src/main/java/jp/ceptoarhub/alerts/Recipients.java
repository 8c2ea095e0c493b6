package jp.ceptoarhub.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.CsvText;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.members.MemberService;
import jp.ceptoarhub.members.MemberSummary;
import jp.ceptoarhub.tenancy.NationalOrganisations;
import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.tenancy.TenantDirectory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The sender's live view of who was reached and who has acknowledged: the originator sees the organisations it
 * addressed (in whatever tenant), a passer those its pass-ons reached. Nobody else sees a recipient list, so a
 * member never learns which other organisations received an alert.
 */
@Singleton
class Recipients {
    /** Beyond this many members of one tenant, names are read in one go rather than one by one. */
    private static final int NAME_BATCH = 20;

    private final JdbcOperations jdbc;
    private final MemberService members;
    private final TenantDirectory tenants;
    private final NationalOrganisations national;

    Recipients(JdbcOperations jdbc, MemberService members, TenantDirectory tenants, NationalOrganisations national) {
        this.jdbc = jdbc;
        this.members = members;
        this.tenants = tenants;
        this.national = national;
    }

    @Serdeable
    record Status(String organisationKind, long organisationId, String organisation, @Nullable String ceptoar,
                  String addressed, Instant reachedAt, @Nullable Instant firstOpenedAt, String acknowledgement,
                  @Nullable Instant acknowledgedAt, @Nullable String acknowledgedBy, @Nullable String method) {
    }

    @Serdeable
    record Summary(int organisations, int opened, int acknowledged, int open) {
    }

    @Serdeable
    record View(String role, Summary summary, List<Status> items) {
    }

    /**
     * The recipients as {@code viewer} may see them; {@code state} OPEN or ACKED filters the items (the summary
     * always counts all). 403 for a reader that neither originated nor passed on the alert.
     */
    View of(Viewer viewer, AlertRow alert, Labels lang, @Nullable String state) {
        List<Long> passOns = viewer.passer() ? passOnsOf(viewer, alert.id()) : List.of();
        if (!alert.viewerIsOrigin() && passOns.isEmpty()) {
            throw Problems.forbidden("Only the originator of an alert, or an organisation that passed it on, "
                    + "sees who it reached");
        }
        List<Long> grantors = alert.viewerIsOrigin() ? List.of(0L) : passOns;
        List<Row> rows = jdbc.execute(conn -> {
            String in = grantors.stream().map(String::valueOf).collect(Collectors.joining(","));
            try (PreparedStatement ps = conn.prepareStatement("SELECT tenant_id, org_kind, org_id, addressed, "
                    + "created_at, first_opened_at, ack_state, acked_at, acked_by_name, ack_method "
                    + "FROM alert_recipient_org WHERE origin_tenant_id = ? AND alert_id = ? AND pass_on_id IN (" + in + ") "
                    + "ORDER BY tenant_id, org_kind DESC, org_id")) {
                ps.setLong(1, alert.tenantId());
                ps.setLong(2, alert.id());
                List<Row> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Row(rs.getLong(1), OrgRef.of(rs.getString(2), rs.getLong(3)), rs.getString(4),
                                AlertRow.instant(rs.getTimestamp(5)), AlertRow.instant(rs.getTimestamp(6)),
                                rs.getString(7), AlertRow.instant(rs.getTimestamp(8)), rs.getString(9), rs.getString(10)));
                    }
                }
                return out;
            }
        });
        Names names = new Names(lang, rows);
        List<Status> all = new ArrayList<>();
        for (Row r : rows) {
            all.add(new Status(r.org().kind().name(), r.org().id(), names.organisation(r.tenantId(), r.org()),
                    names.ceptoar(r.tenantId(), r.org()), r.addressed(), r.reachedAt(), r.firstOpenedAt(), r.ackState(),
                    r.ackedAt(), r.ackedBy(), r.method()));
        }
        int opened = (int) all.stream().filter(s -> s.firstOpenedAt() != null).count();
        int acked = (int) all.stream().filter(s -> "ACKED".equals(s.acknowledgement())).count();
        Summary summary = new Summary(all.size(), opened, acked, all.size() - acked);
        List<Status> items = state == null ? all : all.stream().filter(s -> s.acknowledgement().equals(state)).toList();
        return new View(alert.viewerIsOrigin() ? "ORIGINATOR" : "PASSER", summary, items);
    }

    /** The view as CSV for the sender's records (see {@link CsvText}). */
    static String csv(AlertRow alert, View view, Labels lang) {
        CsvText csv = new CsvText();
        csv.row(List.of(lang.pick("識別番号", "Number"), lang.pick("組織", "Organisation"), lang.pick("セプター", "CEPTOAR"),
                lang.pick("宛先", "Addressed"), lang.pick("配信日時", "Reached at"), lang.pick("初回閲覧日時", "First opened at"),
                lang.pick("受領確認", "Acknowledgement"), lang.pick("確認日時", "Acknowledged at"),
                lang.pick("確認者", "Acknowledged by"), lang.pick("方法", "Method")));
        for (Status s : view.items()) {
            csv.row(List.of(CsvText.cell(alert.number()), s.organisation(), CsvText.cell(s.ceptoar()), s.addressed(),
                    CsvText.cell(s.reachedAt()), CsvText.cell(s.firstOpenedAt()), s.acknowledgement(),
                    CsvText.cell(s.acknowledgedAt()), CsvText.cell(s.acknowledgedBy()), CsvText.cell(s.method())));
        }
        return csv.toString();
    }

    private record Row(long tenantId, OrgRef org, String addressed, Instant reachedAt, @Nullable Instant firstOpenedAt,
                       String ackState, @Nullable Instant ackedAt, @Nullable String ackedBy, @Nullable String method) {
    }

    private List<Long> passOnsOf(Viewer viewer, long alertId) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM alert_pass_on WHERE tenant_id = ? "
                    + "AND alert_id = ? AND org_kind = ? AND org_id = ?")) {
                ps.setLong(1, viewer.tenantId());
                ps.setLong(2, alertId);
                ps.setString(3, viewer.org().kind().name());
                ps.setLong(4, viewer.org().id());
                List<Long> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
                return out;
            }
        });
    }

    /** Names of the organisations in the rows: members read per tenant, CEPTOAR and national names from memory. */
    private final class Names {
        private final Labels lang;
        private final Map<Long, Map<Long, String>> memberNames = new HashMap<>();
        private final Map<Long, Tenant> tenantById = new HashMap<>();

        Names(Labels lang, List<Row> rows) {
            this.lang = lang;
            Map<Long, List<Long>> memberIds = new HashMap<>();
            for (Row r : rows) {
                if (r.org().kind() == OrgRef.Kind.MEMBER) {
                    memberIds.computeIfAbsent(r.tenantId(), k -> new ArrayList<>()).add(r.org().id());
                }
            }
            memberIds.forEach((tenantId, ids) -> {
                Map<Long, String> names = new HashMap<>();
                if (ids.size() > NAME_BATCH) {
                    members.allOfTenant(tenantId).forEach(m -> names.put(m.id(), m.nameJa()));
                } else {
                    ids.forEach(id -> members.find(tenantId, id).map(MemberSummary::nameJa).ifPresent(n -> names.put(id, n)));
                }
                memberNames.put(tenantId, names);
            });
        }

        String organisation(long tenantId, OrgRef org) {
            return switch (org.kind()) {
                case MEMBER -> memberNames.getOrDefault(tenantId, Map.of()).getOrDefault(org.id(), "#" + org.id());
                case SECRETARIAT -> ceptoar(tenantId, org) + lang.pick(" 事務局", " secretariat");
                case NATIONAL -> national.find(org.id()).map(o -> o.name(lang)).orElse("#" + org.id());
            };
        }

        @Nullable
        String ceptoar(long tenantId, OrgRef org) {
            if (org.kind() == OrgRef.Kind.NATIONAL) {
                return null;
            }
            Tenant t = tenantById.computeIfAbsent(tenantId, id -> tenants.findById(id).orElse(null));
            return t == null ? null : lang.pick(t.nameJa(), t.nameEn());
        }
    }
}
