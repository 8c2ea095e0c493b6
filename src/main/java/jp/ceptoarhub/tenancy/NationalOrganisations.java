package jp.ceptoarhub.tenancy;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jp.ceptoarhub.api.Labels;
import jp.ceptoarhub.identity.NationalSettings;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organisations of the national tenant (decisions §3): the NISC critical-infrastructure desk and the five
 * competent ministries, each ministry with its sectors (V50, from the action plan's overview). Inside the national
 * tenant a user belongs to one of them, and reads are scoped by organisation and sector as tenants are by tenant:
 * a ministry officer never reads what was addressed to another ministry. The rows change only through migrations,
 * so they are read once.
 */
@Singleton
public class NationalOrganisations {
    public enum Kind { NISC_DESK, MINISTRY }

    /**
     * One organisation; {@code nameJa}/{@code nameEn} are what the service shows: the desk under the configured
     * national display name (NISC was reorganised in 2025), a ministry under its own name.
     */
    public record NationalOrganisation(long id, String code, Kind kind, String nameJa, String nameEn,
                                       List<String> sectorCodes) {
        public boolean ministry() {
            return kind == Kind.MINISTRY;
        }

        public String name(Labels lang) {
            return lang.pick(nameJa, nameEn);
        }
    }

    private final JdbcOperations jdbc;
    private final NationalSettings national;
    private volatile List<NationalOrganisation> all;

    NationalOrganisations(JdbcOperations jdbc, NationalSettings national) {
        this.jdbc = jdbc;
        this.national = national;
    }

    /** Every organisation, NISC desk first, then the ministries in the order of the handbook's glossary. */
    public List<NationalOrganisation> all() {
        List<NationalOrganisation> loaded = all;
        if (loaded == null) {
            loaded = load();
            all = loaded;
        }
        return loaded;
    }

    public Optional<NationalOrganisation> find(long id) {
        return all().stream().filter(o -> o.id() == id).findFirst();
    }

    public Optional<NationalOrganisation> findByCode(String code) {
        return all().stream().filter(o -> o.code().equals(code)).findFirst();
    }

    public NationalOrganisation niscDesk() {
        return all().stream().filter(o -> o.kind() == Kind.NISC_DESK).findFirst().orElseThrow();
    }

    /** The competent ministry of a sector (exactly one per sector), if the sector is known. */
    public Optional<NationalOrganisation> competentFor(String sectorCode) {
        return all().stream().filter(o -> o.sectorCodes().contains(sectorCode)).findFirst();
    }

    private List<NationalOrganisation> load() {
        return jdbc.execute(conn -> {
            Map<Long, List<String>> sectors = new LinkedHashMap<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT s.organisation_id, s.sector_code "
                    + "FROM national_organisation_sector s JOIN sector x ON x.code = s.sector_code ORDER BY x.sort_order");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sectors.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            List<NationalOrganisation> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT id, code, kind, name_ja, name_en FROM national_organisation ORDER BY sort_order");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Kind kind = Kind.valueOf(rs.getString(3));
                    String ja = rs.getString(4);
                    String en = rs.getString(5);
                    if (kind == Kind.NISC_DESK) {
                        ja = national.displayNameJa() + " " + ja;
                        en = national.displayNameEn() + ", " + en;
                    }
                    out.add(new NationalOrganisation(rs.getLong(1), rs.getString(2), kind, ja, en,
                            List.copyOf(sectors.getOrDefault(rs.getLong(1), List.of()))));
                }
            }
            return List.copyOf(out);
        });
    }
}
