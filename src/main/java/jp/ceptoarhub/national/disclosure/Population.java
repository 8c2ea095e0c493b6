package jp.ceptoarhub.national.disclosure;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who contributes to a release: the sectors and CEPTOARs, the base groups (the finest groups any published row is a
 * union of), and every respondent with its base group, its unit and its size bands.
 * <p>
 * Every respondent answers every unconditional question (an unanswered one counts as 無回答, kept in the denominator as
 * NISC does), so the number of respondents of a base group is the N of every unconditional table. That N is treated as
 * public: NISC knows the membership of every CEPTOAR.
 *
 * @param sectors        the 15 sectors, in publication order
 * @param ceptoars       the CEPTOARs, in publication order
 * @param groups         base groups, in publication order
 * @param respondents    contributing members
 * @param bandDimensions size bands (employees, capital) for the all-sector breakdowns
 */
public record Population(List<Sector> sectors, List<Ceptoar> ceptoars, List<BaseGroup> groups,
                         List<Respondent> respondents, List<BandDimension> bandDimensions) {

    public record Sector(String code, String labelJa, String labelEn) {
    }

    public record Ceptoar(String code, String labelJa, String labelEn, String sectorCode) {
    }

    /**
     * A base group: a CEPTOAR, or a CEPTOAR's sub-sector when a release shows sub-sectors.
     *
     * @param financeNonSettlement the group belongs to 金融（資金決済以外）, which 全分野（金融除く） leaves out
     */
    public record BaseGroup(String id, String labelJa, String labelEn, String ceptoarCode,
                            boolean financeNonSettlement) {
    }

    /**
     * @param id     the member's stable id
     * @param unitId the company group (parent's 法人番号) where known, else the member's own id: THRESHOLD counts units
     * @param bands  band code per band dimension id
     */
    public record Respondent(String id, String groupId, String unitId, Map<String, String> bands) {
        public Respondent {
            bands = Map.copyOf(bands);
        }
    }

    public record BandDimension(String id, String labelJa, String labelEn, List<Band> bands) {
        public BandDimension {
            bands = List.copyOf(bands);
        }
    }

    public record Band(String code, String labelJa, String labelEn) {
    }

    public Population {
        sectors = List.copyOf(sectors);
        ceptoars = List.copyOf(ceptoars);
        groups = List.copyOf(groups);
        respondents = List.copyOf(respondents);
        bandDimensions = List.copyOf(bandDimensions);
        Set<String> sectorCodes = unique(sectors.stream().map(Sector::code).toList(), "sector");
        Set<String> ceptoarCodes = unique(ceptoars.stream().map(Ceptoar::code).toList(), "CEPTOAR");
        for (Ceptoar c : ceptoars) {
            require(sectorCodes.contains(c.sectorCode()), "CEPTOAR " + c.code() + " names an unknown sector");
        }
        Set<String> groupIds = unique(groups.stream().map(BaseGroup::id).toList(), "base group");
        for (BaseGroup g : groups) {
            require(ceptoarCodes.contains(g.ceptoarCode()), "base group " + g.id() + " names an unknown CEPTOAR");
        }
        unique(respondents.stream().map(Respondent::id).toList(), "respondent");
        unique(bandDimensions.stream().map(BandDimension::id).toList(), "band dimension");
        for (Respondent r : respondents) {
            require(groupIds.contains(r.groupId()), "respondent " + r.id() + " names an unknown base group");
            for (BandDimension d : bandDimensions) {
                String band = r.bands().get(d.id());
                require(band != null && d.bands().stream().anyMatch(b -> b.code().equals(band)),
                        "respondent " + r.id() + " has no valid band for " + d.id());
            }
        }
    }

    BaseGroup group(String id) {
        return groups.stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
    }

    Ceptoar ceptoar(String code) {
        return ceptoars.stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    private static Set<String> unique(List<String> ids, String what) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            require(id != null && !id.isBlank(), what + " id missing");
            require(seen.add(id), "duplicate " + what + " id " + id);
        }
        return seen;
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
