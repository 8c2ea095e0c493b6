package jp.ceptoarhub.national.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Greedy secondary suppression that stops only when the LP audit passes [design note §2.5]. Not hypercube (too many
 * secondaries on short rows [HB §4.3.2]) and not the optimal MILP (needs a commercial solver [TAU §2.9]): like
 * sdcTable's SIMPLEHEURISTIC and GaussSuppression, it solves the attacker's problems as it goes [SDCT; GS].
 * <ol>
 * <li>Start from the published primaries.</li>
 * <li>Relation pre-pass: in every published sum (a single-choice row, a headline, a hierarchy level, a band
 * breakdown) in which a suppressed cell or a virtual primary is hidden, if only one cell is hidden, or the hidden
 * cells add up to fewer than k, suppress the cheapest published non-zero cell of that sum [TAU §2.10].</li>
 * <li>Audit (NISC, then every secretariat, then every unit). If a check fails, take the cells that share an equation
 * with the failing cell's free variables, cheapest first, and suppress the first of at most five that widens the
 * failing side; if none does, the cheapest (the pre-pass then completes the rectangle).</li>
 * <li>Repeat until the audit passes, or no candidate is left: then the caller escalates (pools or withholds).</li>
 * </ol>
 * Cost = count + a penalty for totals, bands and headline rates, halved when the cell was suppressed in the latest
 * prior release (consistent patterns over time). Zeros are never partners: a suppressed zero adds no width
 * [design note §3.3 b]. Everything runs in a fixed order (cells by key), so the pattern is deterministic.
 */
final class SecondarySuppression {
    private static final int TRIALS = 8;
    private static final boolean TRACE = Boolean.getBoolean("disclosure.trace");
    private final CoverTable cover;
    private final Audit audit;
    private final Set<String> previouslySuppressed;
    private final List<List<Integer>> structureByVariable = new ArrayList<>();
    private final List<List<Cell>> publishedByVariable = new ArrayList<>();
    private final List<List<int[]>> relationsByCell = new ArrayList<>();
    int rounds;

    /** The outcome: the pattern, and the failure that could not be fixed (null when the audit passed). */
    record Outcome(boolean[] hidden, Audit.Verdict failure) {
    }

    SecondarySuppression(CoverTable cover, Audit audit, Set<String> previouslySuppressed) {
        this.cover = cover;
        this.audit = audit;
        this.previouslySuppressed = previouslySuppressed;
        for (int v = 0; v < cover.variableCount; v++) {
            structureByVariable.add(new ArrayList<>());
            publishedByVariable.add(new ArrayList<>());
        }
        for (int i = 0; i < cover.structure.size(); i++) {
            for (int v : cover.structure.get(i).form().variables()) {
                structureByVariable.get(v).add(i);
            }
        }
        for (Cell c : cover.cells) {
            relationsByCell.add(new ArrayList<>());
            if (c.published()) {
                for (int v : c.count.variables()) {
                    publishedByVariable.get(v).add(c);
                }
            }
        }
        for (int[] relation : cover.relations) {
            for (int i : relation) {
                relationsByCell.get(i).add(relation);
            }
        }
    }

    Outcome protect() {
        boolean[] hidden = new boolean[cover.cells.size()];
        for (Cell c : cover.cells) {
            hidden[c.index] = c.published() && c.primary();
        }
        while (true) {
            prePass(hidden);
            Audit.Verdict failure = audit.firstFailure(hidden);
            if (failure == null) {
                return new Outcome(hidden, null);
            }
            List<Cell> release = release(failure, hidden);
            if (!release.isEmpty()) {
                release.forEach(c -> hidden[c.index] = true);
                if (TRACE) {
                    System.err.println("round " + rounds + ": " + failure.profile().key() + " " + failure.cell() + " "
                            + failure.interval() + " -> release " + release);
                }
                rounds++;
                continue;
            }
            long shortfall = failure.shortfall();
            List<Cell> candidates = partners(failure, hidden);
            if (candidates.isEmpty()) {
                candidates = candidates(failure, hidden);
            }
            if (candidates.isEmpty()) {
                return new Outcome(hidden, failure);
            }
            candidates.sort(Comparator.comparingInt((Cell c) -> c.n >= shortfall ? 0 : 1)
                    .thenComparingLong(this::cost).thenComparing(c -> c.key));
            Cell pick = null;
            for (Cell c : candidates.subList(0, Math.min(TRIALS, candidates.size()))) {
                hidden[c.index] = true;
                Audit.Verdict trial = audit.recheck(failure, hidden);
                hidden[c.index] = false;
                if (widens(failure, trial)) {
                    pick = c;
                    break;
                }
            }
            hidden[(pick != null ? pick : candidates.getFirst()).index] = true;
            if (TRACE) {
                System.err.println("round " + rounds + ": " + failure.profile().key() + " " + failure.cell() + " "
                        + failure.interval() + " low " + failure.lowFails() + "/" + failure.lowTarget() + " high "
                        + failure.highFails() + "/" + failure.highTarget() + " -> " + (pick != null ? "widening " + pick
                        : "no trial widened, " + candidates.getFirst()) + " of " + candidates.size());
            }
            rounds++;
        }
    }

    /**
     * The cheapest set of published cells whose suppression lets the attacker's bound reach its target, from one LP:
     * the published cells become soft (each may deviate from its value at a cost per unit deviation), the structure
     * and the profile's own knowledge stay hard, the failing form must reach its target, and the total weighted
     * deviation is minimised. The cells that deviate form an alternative table the attacker cannot rule out once they
     * are suppressed — typically a cycle through the hierarchy (a row partner, a sibling, a sibling of a parent), which
     * a search adding one cell at a time does not find. Empty when no alternative table exists.
     */
    private List<Cell> release(Audit.Verdict failure, boolean[] hidden) {
        Audit.Knowledge knowledge = audit.knowledgeOf(failure.profile());
        List<Equation> hard = new ArrayList<>(cover.structure);
        knowledge.exact().forEach((v, x) -> hard.add(Equation.equal(LinearForm.variable(v), LinearForm.constant(x))));
        knowledge.lower().forEach((v, x) -> hard.add(Equation.atMost(LinearForm.constant(x), LinearForm.variable(v))));
        Presolved fixed = Presolved.of(cover.variableCount, hard);
        List<SimplexBounds.Row> rows = new ArrayList<>();
        for (Presolved.Reduced r : fixed.reduced) {
            TreeMap<Integer, Integer> terms = new TreeMap<>();
            for (int i = 0; i < r.variables().length; i++) {
                terms.merge(r.variables()[i], r.coefficients()[i], Integer::sum);
            }
            rows.add(new SimplexBounds.Row(terms, r.equality(), -r.constant()));
        }
        Map<Integer, Integer> cost = new HashMap<>();
        Map<Integer, Cell> deviationOf = new HashMap<>();
        int next = cover.variableCount;
        for (Cell c : cover.cells) {
            if (!c.published() || hidden[c.index]) {
                continue;
            }
            TreeMap<Integer, Integer> terms = new TreeMap<>();
            long constant = free(c.count, fixed, terms);
            if (terms.isEmpty()) {
                continue;
            }
            int up = next++;
            int down = next++;
            terms.put(up, -1);
            terms.put(down, 1);
            rows.add(new SimplexBounds.Row(terms, true, c.n - constant));
            int weight = (int) Math.min(Integer.MAX_VALUE / 4, cost(c));
            cost.put(up, weight);
            cost.put(down, weight);
            deviationOf.put(up, c);
            deviationOf.put(down, c);
        }
        TreeMap<Integer, Integer> objective = new TreeMap<>();
        long constant = free(failure.objective(), fixed, objective);
        if (objective.isEmpty()) {
            return List.of();
        }
        List<long[]> targets = new ArrayList<>();
        if (failure.prior() >= 0) {
            targets.add(new long[]{1, failure.interval().hi() + failure.shift() + 1});
            targets.add(new long[]{0, failure.interval().lo() + failure.shift() - 1});
        } else {
            if (failure.highFails()) {
                targets.add(new long[]{1, failure.highTarget() + failure.shift()});
            }
            if (failure.lowFails()) {
                targets.add(new long[]{0, failure.lowTarget() + failure.shift()});
            }
        }
        for (long[] target : targets) {
            List<SimplexBounds.Row> withTarget = new ArrayList<>(rows);
            TreeMap<Integer, Integer> terms = new TreeMap<>();
            boolean up = target[0] == 1;
            objective.forEach((v, a) -> terms.put(v, up ? -a : a));
            withTarget.add(new SimplexBounds.Row(terms, false, up ? constant - target[1] : target[1] - constant));
            Map<Integer, Double> point;
            try {
                point = SimplexBounds.point(withTarget, cost, false);
            } catch (SimplexBounds.GaveUp e) {
                point = null;
            }
            if (point == null) {
                continue;
            }
            Set<Cell> moved = new TreeSet<>(Comparator.comparing(c -> c.key));
            point.forEach((v, x) -> {
                if (x > 1e-6 && deviationOf.containsKey(v)) {
                    moved.add(deviationOf.get(v));
                }
            });
            if (!moved.isEmpty()) {
                return new ArrayList<>(moved);
            }
        }
        return List.of();
    }

    /** The form's free part over the presolved system (shifted by lower bounds) into terms; returns the constant. */
    private static long free(LinearForm form, Presolved state, Map<Integer, Integer> terms) {
        long constant = form.constant();
        for (int i = 0; i < form.variables().length; i++) {
            int v = form.variables()[i];
            int a = form.coefficients()[i];
            if (state.known[v]) {
                constant += a * state.value[v];
            } else {
                constant += a * state.lower[v];
                terms.merge(v, a, Integer::sum);
            }
        }
        return constant;
    }

    private static boolean widens(Audit.Verdict before, Audit.Verdict after) {
        if (!after.failed()) {
            return true;
        }
        if (after.interval().unsafe()) {
            return false;
        }
        if (before.interval().unsafe()) {
            return true;
        }
        if (before.prior() >= 0) {
            return after.interval().hi() - after.interval().lo() > before.interval().hi() - before.interval().lo();
        }
        return (before.lowFails() && after.interval().lo() < before.interval().lo())
                || (before.highFails() && after.interval().hi() > before.interval().hi());
    }

    /**
     * Published, not yet suppressed, non-zero cells in a published sum with the failing cell or with a hidden cell
     * whose unknowns the failing check's LP involves: the partners that can carry mass to or from it.
     */
    private List<Cell> partners(Audit.Verdict failure, boolean[] hidden) {
        Presolved state = failure.state();
        Set<Integer> components = new HashSet<>();
        for (int v : failure.objective().variables()) {
            if (!state.known[v]) {
                components.add(state.component[v]);
            }
        }
        Set<Integer> anchors = new HashSet<>();
        anchors.add(failure.cell().index);
        for (Cell c : cover.cells) {
            if ((hidden[c.index] || !c.published()) && !components.isEmpty()) {
                for (int v : c.count.variables()) {
                    if (!state.known[v] && components.contains(state.component[v])) {
                        anchors.add(c.index);
                        break;
                    }
                }
            }
        }
        Set<Cell> result = new HashSet<>();
        for (int a : anchors) {
            for (int[] relation : relationsByCell.get(a)) {
                for (int i : relation) {
                    Cell c = cover.cells.get(i);
                    if (c.published() && !hidden[i] && c.n > 0) {
                        result.add(c);
                    }
                }
            }
        }
        return new ArrayList<>(result);
    }

    /** Published, not yet suppressed, non-zero cells sharing an equation with the failing check's free variables. */
    private List<Cell> candidates(Audit.Verdict failure, boolean[] hidden) {
        Presolved state = failure.state();
        Set<Integer> around = new HashSet<>();
        for (int v : failure.objective().variables()) {
            around.add(v);
            if (!state.known[v]) {
                for (int w : state.componentVariables.get(state.component[v])) {
                    around.add(w);
                }
            }
        }
        for (int v : failure.cell().count.variables()) {
            around.add(v);
        }
        Set<Integer> neighbourhood = new HashSet<>(around);
        for (int v : around) {
            for (int e : structureByVariable.get(v)) {
                for (int w : cover.structure.get(e).form().variables()) {
                    neighbourhood.add(w);
                }
            }
            for (Cell c : publishedByVariable.get(v)) {
                for (int w : c.count.variables()) {
                    neighbourhood.add(w);
                }
            }
        }
        Set<Cell> result = new HashSet<>();
        for (int v : neighbourhood) {
            for (Cell c : publishedByVariable.get(v)) {
                if (!hidden[c.index] && c.n > 0) {
                    result.add(c);
                }
            }
        }
        return new ArrayList<>(result);
    }

    long cost(Cell c) {
        long base = c.n + c.row.kind().suppressionPenalty() + (Long.bitCount(c.mask) > 1 ? 10 : 0);
        return previouslySuppressed.contains(c.key) ? base : 2 * base;
    }

    /**
     * τ-ARGUS's guard against primaries "protecting" each other [TAU §2.10]: a published sum with a single hidden
     * cell gives it away, and hidden cells that add up to fewer than k give away a small total.
     */
    private void prePass(boolean[] hidden) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] relation : cover.relations) {
                int hiddenCount = 0;
                long hiddenSum = 0;
                boolean sensitive = false;
                for (int i : relation) {
                    Cell c = cover.cells.get(i);
                    if (!c.published() || hidden[i]) {
                        hiddenCount++;
                        hiddenSum += c.n;
                        sensitive |= hidden[i] || c.primary();
                    }
                }
                long need = Math.max(1, cover.parameters.k() - hiddenSum);
                Cell cheapest = null;
                for (int i : relation) {
                    Cell c = cover.cells.get(i);
                    if (c.published() && !hidden[i] && c.n > 0 && (cheapest == null || better(c, cheapest, need))) {
                        cheapest = c;
                    }
                }
                if (sensitive && cheapest != null && (hiddenCount == 1 || (hiddenSum > 0
                        && hiddenSum < cover.parameters.k()))) {
                    hidden[cheapest.index] = true;
                    changed = true;
                }
            }
        }
    }

    /** Enough mass first, then cost, then key. */
    private boolean better(Cell a, Cell b, long need) {
        boolean aEnough = a.n >= need;
        boolean bEnough = b.n >= need;
        if (aEnough != bEnough) {
            return aEnough;
        }
        long ca = cost(a);
        long cb = cost(b);
        return ca != cb ? ca < cb : a.key.compareTo(b.key) < 0;
    }

    static int count(boolean[] hidden) {
        int c = 0;
        for (boolean h : hidden) {
            if (h) {
                c++;
            }
        }
        return c;
    }
}
