package jp.ceptoarhub.national.disclosure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The attacker's system after presolve [§3.1 of the design note]: every equation with a single free variable fixes
 * it, every equation whose free variables must all be zero fixes them, repeatedly. What remains is a set of reduced
 * equations over the free variables, shifted by their known lower bounds ({@code y = x − lower ≥ 0}), split into
 * independent components: an interval is the sum of one small LP per component its objective touches.
 * <p>
 * An equation that the true table violates is a bug in the cover table, never an attack: presolve throws.
 */
final class Presolved {
    final int variables;
    final boolean[] known;
    final long[] value;
    final long[] lower;
    /** Reduced equations: Σ coefficient · y + constant (= or ≤) 0 over free variables. */
    final List<Reduced> reduced = new ArrayList<>();
    final int[] component;
    final List<List<Reduced>> componentEquations = new ArrayList<>();
    final List<int[]> componentVariables = new ArrayList<>();
    private final String[] signatures;

    record Reduced(int[] variables, int[] coefficients, long constant, boolean equality) {
    }

    private Presolved(int variables, boolean[] known, long[] value, long[] lower) {
        this.variables = variables;
        this.known = known;
        this.value = value;
        this.lower = lower;
        this.component = new int[variables];
        Arrays.fill(component, -1);
        this.signatures = null;
    }

    private Presolved(Presolved base, List<Reduced> reduced) {
        this.variables = base.variables;
        this.known = base.known;
        this.value = base.value;
        this.lower = base.lower;
        this.reduced.addAll(reduced);
        this.component = base.component;
        int[] parent = new int[variables];
        for (int i = 0; i < variables; i++) {
            parent[i] = i;
        }
        for (Reduced r : reduced) {
            for (int i = 1; i < r.variables.length; i++) {
                union(parent, r.variables[0], r.variables[i]);
            }
        }
        Map<Integer, Integer> ids = new HashMap<>();
        List<List<Integer>> members = new ArrayList<>();
        for (int v = 0; v < variables; v++) {
            if (known[v]) {
                continue;
            }
            int root = find(parent, v);
            Integer id = ids.get(root);
            if (id == null) {
                id = members.size();
                ids.put(root, id);
                members.add(new ArrayList<>());
                componentEquations.add(new ArrayList<>());
            }
            component[v] = id;
            members.get(id).add(v);
        }
        for (List<Integer> m : members) {
            componentVariables.add(m.stream().mapToInt(Integer::intValue).toArray());
        }
        for (Reduced r : reduced) {
            componentEquations.get(component[r.variables[0]]).add(r);
        }
        this.signatures = new String[members.size()];
    }

    /** Presolve from nothing known (lower bounds zero). */
    static Presolved of(int variables, List<Equation> equations) {
        return run(variables, new boolean[variables], new long[variables], new long[variables], equations);
    }

    /**
     * Presolve again with what a profile knows: exact values of some variables and lower bounds (its own
     * contributions) of others, on top of this state.
     */
    Presolved with(Map<Integer, Long> exact, Map<Integer, Long> lowerBounds) {
        boolean[] k = known.clone();
        long[] val = value.clone();
        long[] low = lower.clone();
        exact.forEach((v, x) -> {
            if (!k[v]) {
                k[v] = true;
                val[v] = x;
            }
        });
        lowerBounds.forEach((v, l) -> {
            if (!k[v]) {
                low[v] = Math.max(low[v], l);
            }
        });
        List<Equation> equations = new ArrayList<>();
        for (Reduced r : reduced) {
            // back to the original variables: Σ a·(x − lower) + c = Σ a·x + (c − Σ a·lower)
            long constant = r.constant;
            for (int i = 0; i < r.variables.length; i++) {
                constant -= (long) r.coefficients[i] * lower[r.variables[i]];
            }
            equations.add(new Equation(new LinearForm(r.variables, r.coefficients, constant), r.equality));
        }
        return run(variables, k, val, low, equations);
    }

    private static Presolved run(int variables, boolean[] known, long[] value, long[] lower, List<Equation> equations) {
        Presolved state = new Presolved(variables, known, value, lower);
        int count = equations.size();
        List<List<Integer>> byVariable = new ArrayList<>(variables);
        for (int v = 0; v < variables; v++) {
            byVariable.add(null);
        }
        for (int i = 0; i < count; i++) {
            for (int v : equations.get(i).form().variables()) {
                List<Integer> list = byVariable.get(v);
                if (list == null) {
                    list = new ArrayList<>(4);
                    byVariable.set(v, list);
                }
                list.add(i);
            }
        }
        boolean[] alive = new boolean[count];
        Arrays.fill(alive, true);
        boolean[] queued = new boolean[count];
        Deque<Integer> queue = new ArrayDeque<>();
        for (int i = 0; i < count; i++) {
            queue.add(i);
            queued[i] = true;
        }
        while (!queue.isEmpty()) {
            int i = queue.poll();
            queued[i] = false;
            if (!alive[i]) {
                continue;
            }
            Equation eq = equations.get(i);
            LinearForm f = eq.form();
            long constant = f.constant();
            int free = 0;
            boolean positive = true;
            boolean negative = true;
            int lastVar = -1;
            int lastCoef = 0;
            for (int j = 0; j < f.variables().length; j++) {
                int v = f.variables()[j];
                int a = f.coefficients()[j];
                if (known[v]) {
                    constant += a * value[v];
                } else {
                    constant += a * lower[v];
                    free++;
                    positive &= a > 0;
                    negative &= a < 0;
                    lastVar = v;
                    lastCoef = a;
                }
            }
            List<Integer> fixed = new ArrayList<>();
            if (free == 0) {
                if (eq.equality() ? constant != 0 : constant > 0) {
                    throw new IllegalStateException("the attacker's system is infeasible at " + eq);
                }
                alive[i] = false;
            } else if (eq.equality()) {
                if (free == 1 && constant % lastCoef == 0) {
                    long y = -constant / lastCoef;
                    if (y < 0) {
                        throw new IllegalStateException("the attacker's system is infeasible at " + eq);
                    }
                    known[lastVar] = true;
                    value[lastVar] = lower[lastVar] + y;
                    fixed.add(lastVar);
                    alive[i] = false;
                } else if ((positive || negative) && constant == 0) {
                    fixAtLower(f, known, value, lower, fixed);
                    alive[i] = false;
                } else if ((positive && constant > 0) || (negative && constant < 0)) {
                    throw new IllegalStateException("the attacker's system is infeasible at " + eq);
                }
            } else {
                if (positive && constant == 0) {
                    fixAtLower(f, known, value, lower, fixed);
                    alive[i] = false;
                } else if (positive && constant > 0) {
                    throw new IllegalStateException("the attacker's system is infeasible at " + eq);
                } else if (negative && constant <= 0) {
                    alive[i] = false;
                }
            }
            for (int v : fixed) {
                for (int j : byVariable.get(v)) {
                    if (alive[j] && !queued[j]) {
                        queued[j] = true;
                        queue.add(j);
                    }
                }
            }
        }
        List<Reduced> reduced = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (!alive[i]) {
                continue;
            }
            LinearForm f = equations.get(i).form();
            long constant = f.constant();
            int free = 0;
            for (int v : f.variables()) {
                if (!known[v]) {
                    free++;
                }
            }
            int[] vs = new int[free];
            int[] cs = new int[free];
            int k = 0;
            for (int j = 0; j < f.variables().length; j++) {
                int v = f.variables()[j];
                int a = f.coefficients()[j];
                if (known[v]) {
                    constant += a * value[v];
                } else {
                    constant += a * lower[v];
                    vs[k] = v;
                    cs[k++] = a;
                }
            }
            reduced.add(new Reduced(vs, cs, constant, equations.get(i).equality()));
        }
        return new Presolved(state, reduced);
    }

    private static void fixAtLower(LinearForm f, boolean[] known, long[] value, long[] lower, List<Integer> fixed) {
        for (int v : f.variables()) {
            if (!known[v]) {
                known[v] = true;
                value[v] = lower[v];
                fixed.add(v);
            }
        }
    }

    /** A canonical text of a component's equations: equal texts mean equal LPs. */
    String signature(int componentId) {
        String s = signatures[componentId];
        if (s == null) {
            StringBuilder b = new StringBuilder();
            for (Reduced r : componentEquations.get(componentId)) {
                b.append(r.equality ? '=' : '<').append(r.constant);
                for (int i = 0; i < r.variables.length; i++) {
                    b.append(',').append(r.coefficients[i]).append('x').append(r.variables[i]);
                }
                b.append(';');
            }
            s = b.toString();
            signatures[componentId] = s;
        }
        return s;
    }

    int freeVariables() {
        int c = 0;
        for (boolean k : known) {
            if (!k) {
                c++;
            }
        }
        return c;
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
