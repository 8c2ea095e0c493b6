package jp.ceptoarhub.reference;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Labels;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Read-only national reference data (sectors, the CEPTOAR directory, 別紙3 taxonomies, importance, TLP). */
@Singleton
public class ReferenceService {
    private final JdbcOperations jdbc;

    ReferenceService(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Serdeable
    public record Sector(String code, String label, String nameJa, String nameEn, List<SubSector> subSectors) {
    }

    @Serdeable
    public record SubSector(String code, String label, String nameJa, String nameEn) {
    }

    @Serdeable
    public record CeptoarEntry(String code, String label, String nameJa, String nameEn, String sectorCode,
                               @Nullable String subSectorCode, String businessScopeJa, String secretariatJa,
                               String membersJa, String nonMemberRecipientsJa, @Nullable String sourceNote,
                               String asOf) {
    }

    @Serdeable
    public record EventType(String code, boolean occurred, String categoryCode, @Nullable String category,
                            String label, String nameJa, String nameEn, String descriptionJa) {
    }

    @Serdeable
    public record CauseType(String code, String label, String nameJa, String nameEn, String examplesJa,
                            List<Code> examples) {
    }

    @Serdeable
    public record Code(String code, String label, String nameJa, String nameEn) {
    }

    @Serdeable
    public record Importance(String code, String label, String nameJa, String nameEn, @Nullable String description) {
    }

    /**
     * A TLP level. {@code audience}: the handbook's narrative definition and the Cybersecurity Council rules' (V2);
     * {@code liaisonFormJa} / {@code provisionFormJa}: the wording printed beside the level's box on the 情報連絡様式 and
     * the 情報提供様式 (verbatim; absent for CLEAR, whose box carries the name only); {@code sourceNote}: how these
     * sources differ (RED is defined three ways) and the rules that apply at every level.
     */
    @Serdeable
    public record Tlp(String code, String label, String nameEn, String nameJa, String audience, int restrictiveness,
                      @Nullable String liaisonFormJa, @Nullable String provisionFormJa, String sourceNote) {
    }

    @Transactional(readOnly = true)
    public List<Sector> sectors(Labels lang) {
        List<Object[]> subs = query("SELECT code, sector_code, name_ja, name_en FROM sub_sector ORDER BY sector_code, sort_order",
                rs -> new Object[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
        return query("SELECT code, name_ja, name_en FROM sector ORDER BY sort_order", rs -> {
            String code = rs.getString(1);
            List<SubSector> children = new ArrayList<>();
            for (Object[] s : subs) {
                if (code.equals(s[1])) {
                    children.add(new SubSector((String) s[0], lang.pick((String) s[2], (String) s[3]), (String) s[2], (String) s[3]));
                }
            }
            return new Sector(code, lang.pick(rs.getString(2), rs.getString(3)), rs.getString(2), rs.getString(3), children);
        });
    }

    @Transactional(readOnly = true)
    public List<CeptoarEntry> ceptoars(Labels lang) {
        return query("SELECT code, name_ja, name_en, sector_code, sub_sector_code, business_scope_ja, secretariat_ja, "
                + "members_ja, non_member_recipients_ja, source_note, as_of FROM ceptoar_directory ORDER BY sort_order",
                rs -> new CeptoarEntry(rs.getString(1), lang.pick(rs.getString(2), rs.getString(3)), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getString(10), rs.getDate(11).toLocalDate().toString()));
    }

    @Transactional(readOnly = true)
    public boolean ceptoarExists(String code) {
        return !query("SELECT code FROM ceptoar_directory WHERE code = ?", rs -> rs.getString(1), code).isEmpty();
    }

    @Transactional(readOnly = true)
    public boolean sectorExists(String code) {
        return !query("SELECT code FROM sector WHERE code = ?", rs -> rs.getString(1), code).isEmpty();
    }

    @Transactional(readOnly = true)
    public boolean subSectorBelongsTo(String subSectorCode, String sectorCode) {
        return !query("SELECT code FROM sub_sector WHERE code = ? AND sector_code = ?", rs -> rs.getString(1),
                subSectorCode, sectorCode).isEmpty();
    }

    @Transactional(readOnly = true)
    public List<EventType> eventTypes(Labels lang) {
        return query("SELECT code, occurred, category_code, category_ja, category_en, name_ja, name_en, description_ja "
                + "FROM event_type ORDER BY sort_order", rs -> new EventType(rs.getString(1), rs.getBoolean(2),
                rs.getString(3), lang.pick(rs.getString(4), rs.getString(5)), lang.pick(rs.getString(6), rs.getString(7)),
                rs.getString(6), rs.getString(7), rs.getString(8)));
    }

    @Transactional(readOnly = true)
    public List<CauseType> causeTypes(Labels lang) {
        List<Object[]> examples = query("SELECT code, cause_type_code, name_ja, name_en FROM cause_example ORDER BY sort_order",
                rs -> new Object[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
        return query("SELECT code, name_ja, name_en, examples_ja FROM cause_type ORDER BY sort_order", rs -> {
            String code = rs.getString(1);
            List<Code> ex = examples.stream().filter(e -> code.equals(e[1]))
                    .map(e -> new Code((String) e[0], lang.pick((String) e[2], (String) e[3]), (String) e[2], (String) e[3]))
                    .toList();
            return new CauseType(code, lang.pick(rs.getString(2), rs.getString(3)), rs.getString(2), rs.getString(3),
                    rs.getString(4), ex);
        });
    }

    @Transactional(readOnly = true)
    public List<Importance> importanceLevels(Labels lang) {
        return query("SELECT code, name_ja, name_en, description_ja, description_en FROM importance_level ORDER BY sort_order",
                rs -> new Importance(rs.getString(1), lang.pick(rs.getString(2), rs.getString(3)), rs.getString(2),
                        rs.getString(3), lang.pick(rs.getString(4), rs.getString(5))));
    }

    @Transactional(readOnly = true)
    public List<Tlp> tlpLevels(Labels lang) {
        return query("SELECT code, name_en, name_ja, audience_ja, audience_en, sort_order, liaison_form_ja, "
                        + "provision_form_ja, source_note_ja, source_note_en FROM tlp_level ORDER BY sort_order",
                rs -> new Tlp(rs.getString(1), lang.pick(rs.getString(3), rs.getString(2)), rs.getString(2),
                        rs.getString(3), lang.pick(rs.getString(4), rs.getString(5)), rs.getInt(6), rs.getString(7),
                        rs.getString(8), lang.pick(rs.getString(9), rs.getString(10))));
    }

    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return jdbc.execute(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                List<T> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(mapper.map(rs));
                    }
                }
                return out;
            }
        });
    }
}
