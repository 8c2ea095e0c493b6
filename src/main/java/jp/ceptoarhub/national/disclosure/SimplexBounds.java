package jp.ceptoarhub.national.disclosure;

import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One optimum of a small LP (non-negative variables, = and ≤ rows) with commons-math3's {@link SimplexSolver},
 * guarded against a defect of its 3.6.1 release: after phase 1 the solver re-derives the basis by looking for unit
 * columns, so two identical columns (or a column identical to a slack column) are both taken as basic in one row and
 * the returned point — hence the returned value — is wrong (maximise x3 subject to x1 + x2 + x3 = 17 returns 0).
 * Such columns are common here (options of one group that appear in one row only). Before solving, for the given
 * goal: a variable of cost zero that occurs in one row only is eliminated (it is that row's slack: an equation
 * becomes an inequality, an inequality it can always satisfy disappears); of identical columns only the one with the
 * best cost is kept. Neither changes the optimum, and afterwards every column differs from every other column and
 * from every slack column, so the basis is unambiguous. The returned point is then checked against the rows; a point
 * that violates them is treated like a solver that gave up.
 */
final class SimplexBounds {
    private static final int MAX_ITERATIONS = 1_000_000;
    private static final double FEASIBILITY = 1e-6;

    /** A row: Σ coefficient · x (= or ≤) rhs over local variable indices. */
    record Row(TreeMap<Integer, Integer> terms, boolean equality, double rhs) {
    }

    /** Thrown when the solver gave up or returned a point violating the rows: the caller fails closed. */
    static final class GaveUp extends Exception {
        GaveUp(String message) {
            super(message, null, false, false);
        }
    }

    private SimplexBounds() {
    }

    /**
     * The optimum of Σ cost · x over the rows, x ≥ 0; {@link Double#POSITIVE_INFINITY} (max) or
     * {@link Double#NEGATIVE_INFINITY} (min) when unbounded. {@code point} receives an optimal point's values of the
     * variables the reduction kept (an eliminated or dropped variable is absent).
     */
    static double optimum(List<Row> input, Map<Integer, Integer> cost, boolean maximize, Map<Integer, Double> point)
            throws GaveUp {
        return solve(input, cost, maximize, point, true);
    }

    /**
     * An optimal point: the value of every variable that survived the reduction (eliminated and dropped variables
     * are not in the map; a variable with a non-zero cost in some row is never eliminated). Null when unbounded or
     * infeasible (here a legitimate answer: no such point exists).
     */
    static Map<Integer, Double> point(List<Row> input, Map<Integer, Integer> cost, boolean maximize) throws GaveUp {
        Map<Integer, Double> point = new HashMap<>();
        double value = solve(input, cost, maximize, point, false);
        return Double.isInfinite(value) || Double.isNaN(value) ? null : point;
    }

    private static double solve(List<Row> input, Map<Integer, Integer> cost, boolean maximize,
                                Map<Integer, Double> point, boolean feasible) throws GaveUp {
        List<Row> rows = new ArrayList<>();
        for (Row r : input) {
            rows.add(new Row(new TreeMap<>(r.terms()), r.equality(), r.rhs()));
        }
        TreeMap<Integer, Integer> c = new TreeMap<>(cost);
        try {
            if (!reduce(rows, c, maximize)) {
                return maximize ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            }
        } catch (IllegalStateException e) {
            if (feasible) {
                throw e;
            }
            return Double.NaN;
        }
        TreeMap<Integer, Integer> local = new TreeMap<>();
        for (Row r : rows) {
            r.terms().keySet().forEach(v -> local.putIfAbsent(v, 0));
        }
        c.keySet().forEach(v -> local.putIfAbsent(v, 0));
        if (local.isEmpty()) {
            return 0;
        }
        int i = 0;
        for (var e : local.entrySet()) {
            e.setValue(i++);
        }
        int n = local.size();
        List<LinearConstraint> constraints = new ArrayList<>();
        for (Row r : rows) {
            double[] a = new double[n];
            r.terms().forEach((v, x) -> a[local.get(v)] = x);
            constraints.add(new LinearConstraint(a, r.equality() ? Relationship.EQ : Relationship.LEQ, r.rhs()));
        }
        double[] objective = new double[n];
        c.forEach((v, x) -> objective[local.get(v)] = x);
        PointValuePair result;
        try {
            result = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(MAX_ITERATIONS),
                    new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(constraints),
                    maximize ? GoalType.MAXIMIZE : GoalType.MINIMIZE, new NonNegativeConstraint(true));
        } catch (TooManyIterationsException e) {
            throw new GaveUp("too many iterations");
        } catch (UnboundedSolutionException e) {
            return maximize ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        } catch (NoFeasibleSolutionException e) {
            if (!feasible) {
                return Double.NaN;
            }
            throw new IllegalStateException("the attacker's LP is infeasible although the true table satisfies it", e);
        }
        double[] x = result.getPoint();
        for (Row r : rows) {
            double lhs = 0;
            double scale = 1 + Math.abs(r.rhs());
            for (var t : r.terms().entrySet()) {
                lhs += t.getValue() * x[local.get(t.getKey())];
                scale += Math.abs(x[local.get(t.getKey())]);
            }
            double excess = lhs - r.rhs();
            if (r.equality() ? Math.abs(excess) > FEASIBILITY * scale : excess > FEASIBILITY * scale) {
                throw new GaveUp("the solver returned a point violating a row");
            }
        }
        for (double v : x) {
            if (v < -FEASIBILITY) {
                throw new GaveUp("the solver returned a negative variable");
            }
        }
        local.forEach((v, index) -> point.put(v, x[index]));
        return result.getValue();
    }

    /** Eliminates zero-cost single-row variables and duplicate columns; false when the optimum is unbounded. */
    private static boolean reduce(List<Row> rows, TreeMap<Integer, Integer> cost, boolean maximize) {
        boolean changed = true;
        while (changed) {
            changed = false;
            Map<Integer, List<Integer>> occurrences = new HashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                for (int v : rows.get(i).terms().keySet()) {
                    occurrences.computeIfAbsent(v, k -> new ArrayList<>()).add(i);
                }
            }
            // a variable in no row: at zero, unless its cost pushes it to infinity
            for (var it = cost.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                if (!occurrences.containsKey(e.getKey())) {
                    if (maximize ? e.getValue() > 0 : e.getValue() < 0) {
                        return false;
                    }
                    it.remove();
                    changed = true;
                }
            }
            // a zero-cost variable in one row is that row's slack
            List<Integer> removeRows = new ArrayList<>();
            for (var e : occurrences.entrySet()) {
                int v = e.getKey();
                if (cost.getOrDefault(v, 0) != 0 || e.getValue().size() != 1) {
                    continue;
                }
                int i = e.getValue().getFirst();
                Row r = rows.get(i);
                if (r == null || !r.terms().containsKey(v)) {
                    continue;
                }
                int a = r.terms().remove(v);
                if (r.equality()) {
                    rows.set(i, a > 0 ? new Row(r.terms(), false, r.rhs()) : new Row(negate(r.terms()), false, -r.rhs()));
                } else if (a < 0) {
                    removeRows.add(i);
                }
                changed = true;
            }
            removeRows.sort((x, y) -> y - x);
            for (int i : removeRows) {
                rows.remove(i);
            }
            rows.removeIf(r -> {
                if (!r.terms().isEmpty()) {
                    return false;
                }
                if (r.equality() ? Math.abs(r.rhs()) > FEASIBILITY : r.rhs() < -FEASIBILITY) {
                    throw new IllegalStateException("the attacker's LP is infeasible although the true table satisfies it");
                }
                return true;
            });
            // identical columns: keep the one whose cost serves the goal best
            Map<String, Integer> byColumn = new HashMap<>();
            Map<Integer, StringBuilder> columns = new TreeMap<>();
            for (int i = 0; i < rows.size(); i++) {
                for (var t : rows.get(i).terms().entrySet()) {
                    columns.computeIfAbsent(t.getKey(), k -> new StringBuilder()).append(i).append(':')
                            .append(t.getValue()).append(',');
                }
            }
            List<Integer> drop = new ArrayList<>();
            for (var e : columns.entrySet()) {
                int v = e.getKey();
                Integer kept = byColumn.putIfAbsent(e.getValue().toString(), v);
                if (kept == null) {
                    continue;
                }
                int cv = cost.getOrDefault(v, 0);
                int ck = cost.getOrDefault(kept, 0);
                boolean better = maximize ? cv > ck : cv < ck;
                if (better) {
                    byColumn.put(e.getValue().toString(), v);
                    drop.add(kept);
                } else {
                    drop.add(v);
                }
            }
            for (int v : drop) {
                for (Row r : rows) {
                    r.terms().remove(v);
                }
                cost.remove(v);
                changed = true;
            }
        }
        return true;
    }

    private static TreeMap<Integer, Integer> negate(TreeMap<Integer, Integer> terms) {
        TreeMap<Integer, Integer> result = new TreeMap<>();
        terms.forEach((v, a) -> result.put(v, -a));
        return result;
    }
}
