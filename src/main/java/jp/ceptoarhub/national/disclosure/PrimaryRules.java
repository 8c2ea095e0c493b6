package jp.ceptoarhub.national.disclosure;

import java.util.EnumSet;

/**
 * The primary rules for frequency tables [design note §2.3], run on every cell of the cover table, published or
 * virtual ("all cells, whether representing a (sub-)total or not" [TAU §2.10]). n = the cell's count, N = its row's
 * respondents; THRESHOLD counts units (company groups where known).
 * <ul>
 * <li>THRESHOLD: 0 &lt; units in the cell &lt; k, or 0 &lt; units of the row outside it &lt; k.</li>
 * <li>GROUP: n = N &gt; 0 (everyone), or n = 0 in a row of fewer than G (no one), except a 無回答 zero.</li>
 * <li>INSIDER: the row spans several CEPTOARs and for one of them the rest of the row (its count and N minus that
 * CEPTOAR's members) fires THRESHOLD or GROUP — what its secretariat learns by subtracting its own members.</li>
 * <li>TEMPORAL: between 1 and k − 1 units of the row joined, left or changed answers since an earlier release and the
 * cell moved (for multiple choice: the cell or its "not chosen" complement).</li>
 * </ul>
 * No p %- or dominance rule: in a count every contributor adds 1, and τ-ARGUS refuses those rules for frequency
 * tables [TAU §2.3, §4.4.4].
 */
final class PrimaryRules {
    private PrimaryRules() {
    }

    static void apply(CoverTable cover) {
        DisclosureParameters p = cover.parameters;
        for (Cell cell : cover.cells) {
            cell.reasons.addAll(fire(p, cell.n, cell.total, cell.unitsIn(), cell.unitsOut(), cell.noAnswerOnly));
            if (cell.multiCeptoar()) {
                for (int t = 0; t < cell.totalByCeptoar.length; t++) {
                    if (cell.totalByCeptoar[t] > 0 && !residual(p, cell, t).isEmpty()) {
                        cell.reasons.add(ReasonCode.INSIDER);
                        break;
                    }
                }
            }
            boolean multiple = cover.tables.get(cell.table).choice() == QuestionTable.Choice.MULTIPLE;
            for (int e = 0; e < cell.priorCount.length; e++) {
                if (cell.priorCount[e] == null) {
                    continue;
                }
                int changed = cell.changedUnits.get(e).size();
                boolean moved = cell.n != cell.priorN[e]
                        || (multiple && cell.total - cell.n != cell.priorTotal[e] - cell.priorN[e]);
                if (changed >= 1 && changed < p.k() && moved) {
                    cell.temporal[e] = true;
                    cell.reasons.add(ReasonCode.TEMPORAL);
                }
            }
        }
    }

    /** THRESHOLD and GROUP for a count n of N with the given units inside and outside the count. */
    static EnumSet<ReasonCode> fire(DisclosureParameters p, long n, long total, int unitsIn, int unitsOut,
                                    boolean noAnswerOnly) {
        EnumSet<ReasonCode> reasons = EnumSet.noneOf(ReasonCode.class);
        if (total <= 0) {
            return reasons;
        }
        if ((unitsIn > 0 && unitsIn < p.k()) || (unitsOut > 0 && unitsOut < p.k())) {
            reasons.add(ReasonCode.THRESHOLD);
        }
        if (n == total || (n == 0 && total < p.groupMinimum() && !noAnswerOnly)) {
            reasons.add(ReasonCode.GROUP);
        }
        return reasons;
    }

    /** The rules on what remains of the cell once CEPTOAR t's members are taken out. */
    static EnumSet<ReasonCode> residual(DisclosureParameters p, Cell cell, int t) {
        long n = cell.n - cell.countByCeptoar[t];
        long total = cell.total - cell.totalByCeptoar[t];
        int in = 0;
        int out = 0;
        for (int i = 0; i < cell.units.length; i++) {
            if (cell.unitCount[i] > 0 && cell.unitCeptoarIn[i] != t) {
                in++;
            }
            if (cell.unitPopulation[i] > cell.unitCount[i] && cell.unitCeptoarOut[i] != t) {
                out++;
            }
        }
        return fire(p, n, total, in, out, cell.noAnswerOnly);
    }
}
