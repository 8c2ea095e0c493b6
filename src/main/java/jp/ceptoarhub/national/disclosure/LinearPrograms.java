package jp.ceptoarhub.national.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The interval attack [§3.1–3.2 of the design note]: the minimum and the maximum of a linear form of the counts
 * subject to everything the attacker knows, as two linear programs per independent component ({@link SimplexBounds},
 * commons-math3's simplex; integrality relaxed, so the bounds can only be wider than the integer ones, and rounded
 * inward). A solver that gives up ⇒ unsafe; an infeasible system ⇒ a bug (the true table is feasible). Results are
 * cached by the component's equations, so one state's components are solved once however many cells and profiles
 * ask. Not thread-safe: one instance per component being protected.
 */
final class LinearPrograms {
    private static final double EPSILON = 1e-6;
    private final Map<String, Optimum> cache = new HashMap<>();
    private final long[] truth;

    /** @param truth the true counts: optimal points closest to them serve profiles whose knowledge they satisfy */
    LinearPrograms(long[] truth) {
        this.truth = truth;
    }

    /**
     * Both optima of one objective over one component, with optimal points (variables the solver kept) and, once
     * asked for, the optimal points closest to the true table.
     */
    private static final class Optimum {
        final double min;
        final double max;
        final Map<Integer, Double> argMin;
        final Map<Integer, Double> argMax;
        Map<Integer, Double> nearMin;
        Map<Integer, Double> nearMax;

        Optimum(double min, double max, Map<Integer, Double> argMin, Map<Integer, Double> argMax) {
            this.min = min;
            this.max = max;
            this.argMin = argMin;
            this.argMax = argMax;
        }
    }
    long solved;

    Interval bounds(Presolved state, LinearForm objective) {
        double constant = objective.constant();
        TreeMap<Integer, TreeMap<Integer, Integer>> byComponent = new TreeMap<>();
        for (int i = 0; i < objective.variables().length; i++) {
            int v = objective.variables()[i];
            int a = objective.coefficients()[i];
            if (state.known[v]) {
                constant += (double) a * state.value[v];
            } else {
                constant += (double) a * state.lower[v];
                byComponent.computeIfAbsent(state.component[v], k -> new TreeMap<>()).put(v, a);
            }
        }
        double lo = constant;
        double hi = constant;
        boolean unbounded = false;
        for (var entry : byComponent.entrySet()) {
            Optimum optimum = range(state, entry.getKey(), entry.getValue());
            double[] range = optimum == null ? null : new double[]{optimum.min, optimum.max};
            if (range == null) {
                long guess = Math.round(constant);
                return Interval.unsafeAt(guess);
            }
            lo += range[0];
            if (Double.isInfinite(range[0]) || Double.isNaN(range[0])) {
                throw new IllegalStateException("the attacker's minimum is unbounded although every count is >= 0");
            }
            if (Double.isInfinite(range[1])) {
                unbounded = true;
            } else {
                hi += range[1];
            }
        }
        long low = (long) Math.ceil(lo - EPSILON);
        long high = unbounded ? Interval.UNBOUNDED : (long) Math.floor(hi + EPSILON);
        return new Interval(low, high, false);
    }

    /**
     * The interval under a state plus a profile's knowledge, without solving again, when the state's optimal points
     * already satisfy that knowledge (then they stay optimal: the knowledge only removes other points); null when
     * some optimal point violates it or the solver dropped a variable the knowledge is about.
     */
    Interval boundsIfUnaffected(Presolved state, LinearForm objective, Map<Integer, Long> exact,
                                Map<Integer, Long> lower) {
        Map<Integer, TreeMap<Integer, Integer>> byComponent = new TreeMap<>();
        for (int i = 0; i < objective.variables().length; i++) {
            int v = objective.variables()[i];
            if (!state.known[v]) {
                byComponent.computeIfAbsent(state.component[v], k -> new TreeMap<>()).put(v, objective.coefficients()[i]);
            }
        }
        for (var entry : byComponent.entrySet()) {
            int component = entry.getKey();
            Optimum optimum = range(state, component, entry.getValue());
            if (optimum == null) {
                return null;
            }
            if (!satisfies(optimum.argMin, component, exact, lower, state)) {
                if (optimum.nearMin == null) {
                    optimum.nearMin = nearTruth(state, component, entry.getValue(), optimum.min, false);
                }
                if (!satisfies(optimum.nearMin, component, exact, lower, state)) {
                    return null;
                }
            }
            if (!satisfies(optimum.argMax, component, exact, lower, state)) {
                if (optimum.nearMax == null) {
                    optimum.nearMax = nearTruth(state, component, entry.getValue(), optimum.max, true);
                }
                if (!satisfies(optimum.nearMax, component, exact, lower, state)) {
                    return null;
                }
            }
        }
        return bounds(state, objective);
    }

    private static boolean satisfies(Map<Integer, Double> point, int component, Map<Integer, Long> exact,
                                     Map<Integer, Long> lower, Presolved state) {
        if (point == null) {
            return false;
        }
        for (int v : state.componentVariables.get(component)) {
            Long x = exact.get(v);
            Long l = lower.get(v);
            if (x == null && l == null) {
                continue;
            }
            Double y = point.get(v);
            if (y == null) {
                return false;
            }
            double value = y + state.lower[v];
            if ((x != null && Math.abs(value - x) >= EPSILON) || (l != null && value < l - EPSILON)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Among the points reaching the optimum (within 1e-7), the one closest to the true table in the L1 norm: the
     * knowledge of a profile is true of the true table, so such a point usually satisfies it too, and then the
     * profile's optimum is the same without an LP of its own.
     */
    private Map<Integer, Double> nearTruth(Presolved state, int component, TreeMap<Integer, Integer> objective,
                                           double optimum, boolean maximize) {
        if (Double.isInfinite(optimum)) {
            return null;
        }
        List<SimplexBounds.Row> rows = rows(state, component);
        TreeMap<Integer, Integer> goal = new TreeMap<>();
        objective.forEach((v, a) -> goal.put(v, maximize ? -a : a));
        rows.add(new SimplexBounds.Row(goal, false, maximize ? -(optimum - 1e-7) : optimum + 1e-7));
        Map<Integer, Integer> cost = new HashMap<>();
        int next = state.variables;
        for (int v : state.componentVariables.get(component)) {
            int up = next++;
            int down = next++;
            TreeMap<Integer, Integer> terms = new TreeMap<>();
            terms.put(v, 1);
            terms.put(up, -1);
            terms.put(down, 1);
            rows.add(new SimplexBounds.Row(terms, true, truth[v] - state.lower[v]));
            cost.put(up, 1);
            cost.put(down, 1);
        }
        solved++;
        try {
            return SimplexBounds.point(rows, cost, false);
        } catch (SimplexBounds.GaveUp e) {
            return null;
        }
    }

    private static List<SimplexBounds.Row> rows(Presolved state, int component) {
        List<SimplexBounds.Row> rows = new ArrayList<>();
        for (Presolved.Reduced r : state.componentEquations.get(component)) {
            TreeMap<Integer, Integer> terms = new TreeMap<>();
            for (int i = 0; i < r.variables().length; i++) {
                terms.merge(r.variables()[i], r.coefficients()[i], Integer::sum);
            }
            rows.add(new SimplexBounds.Row(terms, r.equality(), -r.constant()));
        }
        return rows;
    }

    /** Both optima of the objective over one component, or null when the solver gave up. */
    private Optimum range(Presolved state, int componentId, TreeMap<Integer, Integer> objective) {
        StringBuilder key = new StringBuilder(state.signature(componentId)).append('|');
        objective.forEach((v, a) -> key.append(a).append('x').append(v).append(','));
        String k = key.toString();
        if (cache.containsKey(k)) {
            return cache.get(k);
        }
        Optimum result = solve(state, componentId, objective);
        cache.put(k, result);
        return result;
    }

    private Optimum solve(Presolved state, int componentId, TreeMap<Integer, Integer> objective) {
        List<SimplexBounds.Row> rows = rows(state, componentId);
        try {
            solved += 2;
            Map<Integer, Double> argMin = new HashMap<>();
            Map<Integer, Double> argMax = new HashMap<>();
            double min = SimplexBounds.optimum(rows, objective, false, argMin);
            double max = SimplexBounds.optimum(rows, objective, true, argMax);
            return new Optimum(min, max, argMin, argMax);
        } catch (SimplexBounds.GaveUp e) {
            return null;
        }
    }
}
