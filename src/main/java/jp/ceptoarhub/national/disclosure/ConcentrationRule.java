package jp.ceptoarhub.national.disclosure;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Concentration tables [design note §2.8]: an item (provider, country) is named with its counts only if at least k
 * company groups depend on it (THRESHOLD), taking out any one CEPTOAR's customers leaves none or at least k (INSIDER),
 * and no sector of fewer than G respondents depends on it to the last respondent (GROUP). The others are pooled as
 * "その他 (n)". Counts are not additive across items, so nothing else needs suppressing; but a named item whose
 * customers changed by fewer than k units since an earlier release that named it shows its counts as suppressed
 * (TEMPORAL: a count moving by one names the switcher to anyone who knows who switched).
 */
final class ConcentrationRule {
    private ConcentrationRule() {
    }

    record Outcome(Release.ConcentrationRelease release, List<String> unnamed) {
    }

    static Outcome apply(DependencyTable table, IndexedRequest data, DisclosureParameters p, List<PriorRelease> priors) {
        Map<String, Set<Integer>> customers = new TreeMap<>();
        Map<String, String> labels = new HashMap<>();
        for (DependencyTable.Dependency d : table.dependencies()) {
            customers.computeIfAbsent(d.itemId(), k -> new TreeSet<>()).add(data.respondentIndex.get(d.respondentId()));
            labels.putIfAbsent(d.itemId(), d.itemLabel());
        }
        Map<String, Integer> sectorSize = new HashMap<>();
        for (int r = 0; r < data.respondentCount; r++) {
            sectorSize.merge(sector(data, r), 1, Integer::sum);
        }
        // items in id order, never by count: the order of a suppressed count must not rank it
        List<Release.NamedItem> named = new ArrayList<>();
        List<String> unnamed = new ArrayList<>();
        long others = 0;
        for (var entry : customers.entrySet()) {
            Set<Integer> members = entry.getValue();
            EnumSet<ReasonCode> reasons = reasons(members, data, p, sectorSize);
            if (!reasons.isEmpty()) {
                others++;
                unnamed.add(table.id() + "|" + entry.getKey() + " " + reasons);
                continue;
            }
            Set<String> units = new TreeSet<>();
            Set<String> sectors = new TreeSet<>();
            Set<String> ids = new TreeSet<>();
            for (int r : members) {
                units.add(data.unitOf[r]);
                sectors.add(sector(data, r));
                ids.add(data.respondentIds[r]);
            }
            boolean temporal = temporal(table.id(), entry.getKey(), ids, data, priors, p);
            if (temporal) {
                unnamed.add(table.id() + "|" + entry.getKey() + " counts suppressed [TEMPORAL]");
            }
            named.add(new Release.NamedItem(entry.getKey(), labels.get(entry.getKey()),
                    count(units.size(), temporal), count(members.size(), temporal), count(sectors.size(), temporal)));
        }
        return new Outcome(new Release.ConcentrationRelease(table.id(), table.labelJa(), table.labelEn(), named,
                table.otherLabelJa(), table.otherLabelEn(), others), unnamed);
    }

    private static Release.Count count(long value, boolean suppressed) {
        return suppressed ? Release.Count.hidden() : Release.Count.of(value);
    }

    private static EnumSet<ReasonCode> reasons(Set<Integer> members, IndexedRequest data, DisclosureParameters p,
                                               Map<String, Integer> sectorSize) {
        EnumSet<ReasonCode> reasons = EnumSet.noneOf(ReasonCode.class);
        Set<String> units = new HashSet<>();
        Map<String, Set<String>> unitsOutside = new HashMap<>();
        Map<String, Integer> bySector = new HashMap<>();
        Set<String> ceptoars = new TreeSet<>();
        members.forEach(r -> ceptoars.add(data.ceptoarOf[r]));
        for (int r : members) {
            units.add(data.unitOf[r]);
            bySector.merge(sector(data, r), 1, Integer::sum);
            for (String t : ceptoars) {
                if (!t.equals(data.ceptoarOf[r])) {
                    unitsOutside.computeIfAbsent(t, k -> new HashSet<>()).add(data.unitOf[r]);
                }
            }
        }
        if (units.size() < p.k()) {
            reasons.add(ReasonCode.THRESHOLD);
        }
        for (String t : ceptoars) {
            int rest = unitsOutside.getOrDefault(t, Set.of()).size();
            if (rest > 0 && rest < p.k()) {
                reasons.add(ReasonCode.INSIDER);
            }
        }
        bySector.forEach((sector, n) -> {
            int size = sectorSize.get(sector);
            if (n == size && size < p.groupMinimum()) {
                reasons.add(ReasonCode.GROUP);
            }
        });
        return reasons;
    }

    private static boolean temporal(String tableId, String itemId, Set<String> members, IndexedRequest data,
                                    List<PriorRelease> priors, DisclosureParameters p) {
        for (PriorRelease prior : priors) {
            boolean wasNamed = prior.release().concentration().stream().filter(c -> c.tableId().equals(tableId))
                    .flatMap(c -> c.items().stream()).anyMatch(i -> i.itemId().equals(itemId));
            if (!wasNamed) {
                continue;
            }
            Set<String> before = new TreeSet<>();
            Map<String, String> unitBefore = new HashMap<>();
            prior.request().population().respondents().forEach(r -> unitBefore.put(r.id(), r.unitId()));
            prior.request().dependencyTables().stream().filter(t -> t.id().equals(tableId))
                    .flatMap(t -> t.dependencies().stream()).filter(d -> d.itemId().equals(itemId))
                    .forEach(d -> before.add(d.respondentId()));
            Set<String> changedUnits = new TreeSet<>();
            for (String id : members) {
                if (!before.contains(id)) {
                    changedUnits.add(data.unitOf[data.respondentIndex.get(id)]);
                }
            }
            for (String id : before) {
                if (!members.contains(id)) {
                    changedUnits.add(unitBefore.getOrDefault(id, id));
                }
            }
            if (!changedUnits.isEmpty() && changedUnits.size() < p.k()) {
                return true;
            }
        }
        return false;
    }

    private static String sector(IndexedRequest data, int respondent) {
        return data.population.ceptoar(data.ceptoarOf[respondent]).sectorCode();
    }
}
