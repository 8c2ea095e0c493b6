package jp.ceptoarhub.national.disclosure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Which rows a component publishes: table redesign before suppression [HB §4.3.3 "Table redesign"; TAU §2.4].
 * 全分野 and 全分野（金融（資金決済以外）を除く） always; a sector row when the sector has at least N_min respondents,
 * otherwise the sector publishes only its N (in the population) and is pooled into one その他の分野 row; a CEPTOAR row
 * inside a sector of several CEPTOARs when the CEPTOAR has at least N_min respondents; band rows for the all-sector
 * breakdown. Escalation (when secondary suppression cannot protect a primary) pools a further sector or drops a
 * CEPTOAR row and the component is protected again from scratch.
 */
final class RowPlan {
    final List<Row> rows;
    final Set<String> pooledSectors;
    final Set<String> droppedCeptoars;

    private RowPlan(List<Row> rows, Set<String> pooledSectors, Set<String> droppedCeptoars) {
        this.rows = List.copyOf(rows);
        this.pooledSectors = Set.copyOf(pooledSectors);
        this.droppedCeptoars = Set.copyOf(droppedCeptoars);
    }

    static RowPlan plan(IndexedRequest data, DisclosureParameters parameters, boolean bands,
                        Set<String> forcedPools, Set<String> droppedCeptoars) {
        Population population = data.population;
        int groups = population.groups().size();
        int[] groupN = new int[groups];
        for (int r = 0; r < data.respondentCount; r++) {
            groupN[data.groupOf[r]]++;
        }
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(Row.ALL, Row.Kind.ALL, "全分野", "All sectors", 0, where(groups, g -> groupN[g] > 0), true));
        rows.add(new Row(Row.ALL_EXCEPT_FINANCE, Row.Kind.ALL_EXCEPT_FINANCE, "全分野（金融（資金決済以外）を除く）",
                "All sectors except finance other than funds settlement", 0,
                where(groups, g -> groupN[g] > 0 && !population.groups().get(g).financeNonSettlement()), true));
        // sectors below N_min are pooled; while the pool itself is below N_min, the smallest sector joins it
        Map<String, Integer> sectorN = new LinkedHashMap<>();
        for (Population.Sector sector : population.sectors()) {
            int n = sum(groupN, sectorParts(population, sector.code(), groupN));
            if (n > 0) {
                sectorN.put(sector.code(), n);
            }
        }
        Set<String> pooled = new LinkedHashSet<>();
        sectorN.forEach((code, n) -> {
            if (n < parameters.poolMinimum() || forcedPools.contains(code)) {
                pooled.add(code);
            }
        });
        while (!pooled.isEmpty() && pooled.stream().mapToInt(sectorN::get).sum() < parameters.poolMinimum()
                && pooled.size() < sectorN.size()) {
            String smallest = sectorN.entrySet().stream().filter(e -> !pooled.contains(e.getKey()))
                    .min(Map.Entry.comparingByValue()).orElseThrow().getKey();
            pooled.add(smallest);
        }
        List<Row> pooledRows = new ArrayList<>();
        List<Row> virtual = new ArrayList<>();
        for (Population.Sector sector : population.sectors()) {
            if (!sectorN.containsKey(sector.code())) {
                continue;
            }
            int[] sectorParts = sectorParts(population, sector.code(), groupN);
            Row sectorRow = new Row("SECTOR:" + sector.code(), Row.Kind.SECTOR, sector.labelJa(), sector.labelEn(), 0,
                    sectorParts, true);
            if (pooled.contains(sector.code())) {
                pooledRows.add(sectorRow);
                virtual.add(new Row(sectorRow.id(), sectorRow.kind(), sectorRow.labelJa(), sectorRow.labelEn(), 0,
                        sectorParts, false));
                continue;
            }
            rows.add(sectorRow);
            List<Population.Ceptoar> ceptoars = population.ceptoars().stream()
                    .filter(c -> c.sectorCode().equals(sector.code()))
                    .filter(c -> sum(groupN, ceptoarParts(population, c.code(), groupN)) > 0).toList();
            if (ceptoars.size() < 2) {
                continue;
            }
            for (Population.Ceptoar c : ceptoars) {
                int[] parts = ceptoarParts(population, c.code(), groupN);
                boolean publish = sum(groupN, parts) >= parameters.poolMinimum() && !droppedCeptoars.contains(c.code());
                Row row = new Row("CEPTOAR:" + c.code(), Row.Kind.CEPTOAR, c.labelJa(), c.labelEn(), 0, parts, publish);
                (publish ? rows : virtual).add(row);
            }
        }
        if (!pooledRows.isEmpty()) {
            Set<Integer> parts = new TreeSet<>();
            pooledRows.forEach(r -> {
                for (int p : r.parts()) {
                    parts.add(p);
                }
            });
            rows.add(new Row(Row.OTHER_SECTORS, Row.Kind.OTHER_SECTORS, "その他の分野", "Other sectors", 0,
                    parts.stream().mapToInt(Integer::intValue).toArray(), true));
        }
        int[] financeNonSettlement = where(groups, g -> groupN[g] > 0 && population.groups().get(g).financeNonSettlement());
        if (financeNonSettlement.length > 0) {
            virtual.add(new Row(Row.FINANCE_NON_SETTLEMENT, Row.Kind.FINANCE_NON_SETTLEMENT, "金融（資金決済以外）",
                    "Finance other than funds settlement", 0, financeNonSettlement, false));
        }
        for (int g = 0; g < groups; g++) {
            if (groupN[g] > 0) {
                Population.BaseGroup group = population.groups().get(g);
                virtual.add(new Row("GROUP:" + group.id(), Row.Kind.BASE_GROUP, group.labelJa(), group.labelEn(), 0,
                        new int[]{g}, false));
            }
        }
        List<Row> all = new ArrayList<>(rows);
        for (Row v : virtual) {
            if (all.stream().noneMatch(r -> r.sameParts(v))) {
                all.add(v);
            }
        }
        if (bands) {
            for (int d = 0; d < population.bandDimensions().size(); d++) {
                Population.BandDimension dim = population.bandDimensions().get(d);
                int[] bandN = new int[dim.bands().size()];
                for (int r = 0; r < data.respondentCount; r++) {
                    bandN[data.bandOf[d][r]]++;
                }
                for (int b = 0; b < dim.bands().size(); b++) {
                    if (bandN[b] > 0) {
                        Population.Band band = dim.bands().get(b);
                        all.add(new Row("BAND:" + dim.id() + ":" + band.code(), Row.Kind.BAND, band.labelJa(),
                                band.labelEn(), d + 1, new int[]{b}, true));
                    }
                }
            }
        }
        return new RowPlan(all, new TreeSet<>(pooled), new LinkedHashSet<>(droppedCeptoars));
    }

    private static String sectorOf(Population population, int group) {
        return population.ceptoar(population.groups().get(group).ceptoarCode()).sectorCode();
    }

    private static int[] sectorParts(Population population, String sector, int[] groupN) {
        return where(population.groups().size(), g -> groupN[g] > 0 && sectorOf(population, g).equals(sector));
    }

    private static int[] ceptoarParts(Population population, String ceptoar, int[] groupN) {
        return where(population.groups().size(),
                g -> groupN[g] > 0 && population.groups().get(g).ceptoarCode().equals(ceptoar));
    }

    private static int[] where(int count, IntPredicate keep) {
        return IntStream.range(0, count).filter(keep).toArray();
    }

    private static int sum(int[] values, int[] indices) {
        int s = 0;
        for (int i : indices) {
            s += values[i];
        }
        return s;
    }
}
