package jp.ceptoarhub.national.disclosure.attack;

import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
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
 * The attacker's own linear-programming machinery (written apart from production's): equations over named
 * non-negative variables, substitution of equations with one unknown, independent blocks, and commons-math3's
 * simplex for the minimum and maximum of a linear objective. A solver that gives up counts as a disclosure.
 */
final class AttackerLp {
    enum Rel { EQ, LE, GE }

    record Eq(TreeMap<Integer, Integer> terms, Rel rel, long rhs) {
    }

    record Range(double min, double max, boolean gaveUp) {
        long lo() {
            return (long) Math.ceil(min - 1e-6);
        }

        long hi() {
            return Double.isInfinite(max) ? Long.MAX_VALUE / 4 : (long) Math.floor(max + 1e-6);
        }
    }

    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    final List<Eq> base = new ArrayList<>();
    private final Map<String, double[]> cache = new HashMap<>();

    int variable(String name) {
        return index.computeIfAbsent(name, n -> {
            names.add(n);
            return names.size() - 1;
        });
    }

    boolean has(String name) {
        return index.containsKey(name);
    }

    int size() {
        return names.size();
    }

    String name(int v) {
        return names.get(v);
    }

    static TreeMap<Integer, Integer> terms() {
        return new TreeMap<>();
    }

    static void add(TreeMap<Integer, Integer> terms, int v, int coefficient) {
        terms.merge(v, coefficient, Integer::sum);
        if (terms.get(v) == 0) {
            terms.remove(v);
        }
    }

    /** The system with some extra equations (a profile's knowledge), solved once for many objectives. */
    final class Solved {
        final Map<Integer, Long> fixed = new HashMap<>();
        final List<Eq> rest = new ArrayList<>();
        final Map<Integer, Integer> block = new HashMap<>();
        final List<List<Eq>> blocks = new ArrayList<>();
        final List<List<Integer>> blockVars = new ArrayList<>();
        private final Map<Integer, String> signatures = new HashMap<>();

        Solved(List<Eq> extra) {
            List<Eq> all = new ArrayList<>(base);
            all.addAll(extra);
            boolean progress = true;
            boolean[] done = new boolean[all.size()];
            while (progress) {
                progress = false;
                for (int i = 0; i < all.size(); i++) {
                    if (done[i] || all.get(i).rel() != Rel.EQ) {
                        continue;
                    }
                    Eq e = all.get(i);
                    long rhs = e.rhs();
                    int unknown = -1;
                    int count = 0;
                    for (var t : e.terms().entrySet()) {
                        Long value = fixed.get(t.getKey());
                        if (value != null) {
                            rhs -= t.getValue() * value;
                        } else {
                            unknown = t.getKey();
                            count++;
                        }
                    }
                    if (count == 0) {
                        done[i] = true;
                    } else if (count == 1 && Math.abs(e.terms().get(unknown)) == 1) {
                        fixed.put(unknown, rhs * e.terms().get(unknown));
                        done[i] = true;
                        progress = true;
                    }
                }
            }
            int[] parent = new int[size()];
            for (int v = 0; v < parent.length; v++) {
                parent[v] = v;
            }
            for (int i = 0; i < all.size(); i++) {
                if (done[i]) {
                    continue;
                }
                Eq e = all.get(i);
                TreeMap<Integer, Integer> free = new TreeMap<>();
                long rhs = e.rhs();
                for (var t : e.terms().entrySet()) {
                    Long value = fixed.get(t.getKey());
                    if (value != null) {
                        rhs -= t.getValue() * value;
                    } else {
                        free.put(t.getKey(), t.getValue());
                    }
                }
                if (free.isEmpty()) {
                    continue;
                }
                rest.add(new Eq(free, e.rel(), rhs));
                int first = free.firstKey();
                for (int v : free.keySet()) {
                    union(parent, first, v);
                }
            }
            Map<Integer, Integer> ids = new HashMap<>();
            for (int v = 0; v < size(); v++) {
                if (fixed.containsKey(v)) {
                    continue;
                }
                int root = find(parent, v);
                Integer id = ids.computeIfAbsent(root, r -> {
                    blocks.add(new ArrayList<>());
                    blockVars.add(new ArrayList<>());
                    return blocks.size() - 1;
                });
                block.put(v, id);
                blockVars.get(id).add(v);
            }
            for (Eq e : rest) {
                blocks.get(block.get(e.terms().firstKey())).add(e);
            }
        }

        Range range(Map<Integer, Integer> objective, long constant) {
            double min = constant;
            double max = constant;
            Map<Integer, TreeMap<Integer, Integer>> byBlock = new TreeMap<>();
            for (var t : objective.entrySet()) {
                Long value = fixed.get(t.getKey());
                if (value != null) {
                    min += t.getValue() * value;
                    max += t.getValue() * value;
                } else {
                    byBlock.computeIfAbsent(block.get(t.getKey()), b -> new TreeMap<>()).put(t.getKey(), t.getValue());
                }
            }
            for (var entry : byBlock.entrySet()) {
                double[] r = solve(entry.getKey(), entry.getValue());
                if (r == null) {
                    return new Range(min, min, true);
                }
                min += r[0];
                max += r[1];
            }
            return new Range(min, max, false);
        }

        private double[] solve(int b, TreeMap<Integer, Integer> objective) {
            String key = signature(b) + "|" + objective;
            if (cache.containsKey(key)) {
                return cache.get(key);
            }
            List<Integer> vars = blockVars.get(b);
            Map<Integer, Integer> local = new HashMap<>();
            for (int i = 0; i < vars.size(); i++) {
                local.put(vars.get(i), i);
            }
            List<LinearConstraint> constraints = new ArrayList<>();
            for (Eq e : blocks.get(b)) {
                double[] c = new double[vars.size()];
                e.terms().forEach((v, a) -> c[local.get(v)] += a);
                constraints.add(new LinearConstraint(c, switch (e.rel()) {
                    case EQ -> Relationship.EQ;
                    case LE -> Relationship.LEQ;
                    case GE -> Relationship.GEQ;
                }, e.rhs()));
            }
            double[] c = new double[vars.size()];
            objective.forEach((v, a) -> c[local.get(v)] += a);
            double[] result;
            try {
                result = new double[]{optimum(c, constraints, GoalType.MINIMIZE), optimum(c, constraints, GoalType.MAXIMIZE)};
            } catch (TooManyIterationsException e) {
                result = null;
            }
            cache.put(key, result);
            return result;
        }

        private String signature(int b) {
            return signatures.computeIfAbsent(b, k -> blocks.get(b).toString());
        }
    }

    /**
     * commons-math3 3.6.1 re-derives its basis after phase 1 from unit columns and mixes up identical ones (maximise
     * x3 subject to x1 + x2 + x3 = 17 comes back as 0). The attacker sidesteps that by solving with every cost
     * perturbed by a distinct tiny amount (no two columns, and no column and a slack, stay identical) and then
     * valuing the returned vertex with the true costs; a vertex that violates a constraint is not trusted.
     */
    private static double optimum(double[] c, List<LinearConstraint> constraints, GoalType goal) {
        double[] perturbed = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            perturbed[i] = c[i] + (goal == GoalType.MAXIMIZE ? -1 : 1) * 1e-8 * (i + 1);
        }
        double[] x;
        try {
            x = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(1_000_000),
                    new LinearObjectiveFunction(perturbed, 0), new LinearConstraintSet(constraints), goal,
                    new NonNegativeConstraint(true)).getPoint();
        } catch (UnboundedSolutionException e) {
            if (goal == GoalType.MAXIMIZE) {
                return Double.POSITIVE_INFINITY;
            }
            throw e;
        }
        for (LinearConstraint k : constraints) {
            double lhs = 0;
            for (int i = 0; i < x.length; i++) {
                lhs += k.getCoefficients().getEntry(i) * x[i];
            }
            double slack = lhs - k.getValue();
            boolean ok = switch (k.getRelationship()) {
                case EQ -> Math.abs(slack) < 1e-6;
                case LEQ -> slack < 1e-6;
                case GEQ -> slack > -1e-6;
            };
            if (!ok) {
                throw new TooManyIterationsException(0);
            }
        }
        double value = 0;
        for (int i = 0; i < x.length; i++) {
            value += c[i] * x[i];
        }
        return value;
    }

    private static int find(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
