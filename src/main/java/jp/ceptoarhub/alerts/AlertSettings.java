package jp.ceptoarhub.alerts;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.ETags;
import jp.ceptoarhub.api.Problems;
import jp.ceptoarhub.audit.AuditService;
import jp.ceptoarhub.caller.CurrentUser;
import jp.ceptoarhub.caller.Role;
import jp.ceptoarhub.caller.TenantKind;
import jp.ceptoarhub.numbering.Numbering;
import jp.ceptoarhub.tenancy.NationalOrganisations;
import jp.ceptoarhub.tenancy.Tenant;
import jp.ceptoarhub.tenancy.TenantDirectory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A tenant's alert settings: the prefix of its own alert numbers (NISC's series is T; a CEPTOAR chooses its own,
 * default A, never T or R, which are the national series), the widest label anything may be exported under (STIX,
 * export files — OpenCTI's "max shareable marking"; RED and AMBER+STRICT exports are off by default), and the
 * default 本件問合せ先 line of its alerts.
 */
@Singleton
class AlertSettings {
    static final String SERIES = "ALERT";
    static final String NATIONAL_PREFIX = "T";
    static final String CEPTOAR_PREFIX = "A";
    private static final Set<String> NATIONAL_SERIES = Set.of("T", "R");
    static final Tlp DEFAULT_CEILING = Tlp.AMBER;

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final Numbering numbering;
    private final TenantDirectory tenants;
    private final NationalOrganisations national;
    private final AuditService audit;
    private final Clock clock;

    AlertSettings(JdbcOperations jdbc, TransactionOperations<Connection> tx, Numbering numbering,
                  TenantDirectory tenants, NationalOrganisations national, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.numbering = numbering;
        this.tenants = tenants;
        this.national = national;
        this.audit = audit;
        this.clock = clock;
    }

    record Settings(String numberPrefix, Tlp maxExportTlp, String inquiryContact, long version) {
    }

    Settings of(long tenantId) {
        Tenant tenant = tenants.findById(tenantId).orElseThrow();
        boolean nationalTenant = tenant.kind() == TenantKind.NATIONAL;
        String prefix = numbering.prefix(tenantId, SERIES, defaultPrefix(nationalTenant));
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT max_export_tlp, inquiry_contact, version FROM alert_settings WHERE tenant_id = ?")) {
                ps.setLong(1, tenantId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        String inquiry = rs.getString(2);
                        return new Settings(prefix, Tlp.ofRank(rs.getInt(1)),
                                inquiry == null ? defaultInquiry(tenant) : inquiry, rs.getLong(3));
                    }
                    return new Settings(prefix, DEFAULT_CEILING, defaultInquiry(tenant), 0);
                }
            }
        });
    }

    /** Secretariat admins set their CEPTOAR's settings; in the national tenant, the platform admin. */
    Settings update(CurrentUser user, AlertCommands.SettingsInput in, Consumer<Settings> precondition) {
        user.require(user.national() ? Role.PLATFORM_ADMIN : Role.SECRETARIAT_ADMIN);
        return tx.executeWrite(status -> {
            Settings current = of(user.tenantId());
            precondition.accept(current);
            Tlp ceiling = in.maxExportTlp() == null ? current.maxExportTlp() : AlertRules.tlp(in.maxExportTlp(), "maxExportTlp");
            String inquiry = current.inquiryContact();
            if (in.inquiryContact() != null) {
                inquiry = in.inquiryContact().strip();
                if (inquiry.isEmpty() || inquiry.length() > AlertRules.CONTACT_MAX) {
                    throw Problems.invalidField("inquiryContact", "must be 1-" + AlertRules.CONTACT_MAX + " characters");
                }
            }
            if (in.numberPrefix() != null && !in.numberPrefix().strip().equals(current.numberPrefix())) {
                String prefix = in.numberPrefix().strip();
                if (!user.national() && NATIONAL_SERIES.contains(prefix)) {
                    throw Problems.invalidField("numberPrefix", "T and R are the national series (NISC's provisions "
                            + "and reports); choose another prefix");
                }
                numbering.setPrefix(user.tenantId(), SERIES, prefix, "numberPrefix");
            }
            String inquiryValue = inquiry;
            jdbc.execute(conn -> {
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO alert_settings (tenant_id, max_export_tlp, "
                        + "inquiry_contact, updated_at, version) VALUES (?, ?, ?, ?, 1) ON DUPLICATE KEY UPDATE "
                        + "max_export_tlp = VALUES(max_export_tlp), inquiry_contact = VALUES(inquiry_contact), "
                        + "updated_at = VALUES(updated_at), version = version + 1")) {
                    ps.setLong(1, user.tenantId());
                    ps.setInt(2, ceiling.rank());
                    ps.setString(3, inquiryValue);
                    ps.setTimestamp(4, Timestamp.from(clock.instant()));
                    return ps.executeUpdate();
                }
            });
            Settings saved = of(user.tenantId());
            audit.record(user, "alert.settings-changed", "alert-settings", user.tenantId(), "numberPrefix="
                    + saved.numberPrefix() + " maxExportTlp=" + saved.maxExportTlp().name());
            return saved;
        });
    }

    static String defaultPrefix(boolean nationalTenant) {
        return nationalTenant ? NATIONAL_PREFIX : CEPTOAR_PREFIX;
    }

    /** 本件問合せ先: NISC's desk for the national tier; a CEPTOAR's own secretariat for its own alerts. */
    private String defaultInquiry(Tenant tenant) {
        return tenant.kind() == TenantKind.NATIONAL ? national.niscDesk().nameJa() : tenant.nameJa() + " 事務局";
    }

    /** The heading of the 問合せ先 line: the provision form's "inquiries from ministries only" is NISC's alone. */
    static String inquiryHeading(boolean nationalOrigin) {
        return nationalOrigin ? "本件問合せ先（重要インフラ所管省庁からの問合せに限る。）" : "本件問合せ先";
    }

    static String etag(Settings s, long tenantId) {
        return ETags.of("alert-settings", tenantId, s.version());
    }
}
