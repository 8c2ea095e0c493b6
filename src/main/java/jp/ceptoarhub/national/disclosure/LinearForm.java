package jp.ceptoarhub.national.disclosure;

import java.util.Arrays;
import java.util.TreeMap;

/** Σ coefficient · variable + constant over the cover table's variables; variables sorted, no zero coefficients. */
record LinearForm(int[] variables, int[] coefficients, long constant) {

    static final LinearForm ZERO = new LinearForm(new int[0], new int[0], 0);

    static LinearForm constant(long value) {
        return new LinearForm(new int[0], new int[0], value);
    }

    static LinearForm variable(int v) {
        return new LinearForm(new int[]{v}, new int[]{1}, 0);
    }

    LinearForm plus(LinearForm other) {
        return combine(other, 1);
    }

    LinearForm minus(LinearForm other) {
        return combine(other, -1);
    }

    private LinearForm combine(LinearForm other, int sign) {
        TreeMap<Integer, Integer> terms = new TreeMap<>();
        for (int i = 0; i < variables.length; i++) {
            terms.merge(variables[i], coefficients[i], Integer::sum);
        }
        for (int i = 0; i < other.variables.length; i++) {
            terms.merge(other.variables[i], sign * other.coefficients[i], Integer::sum);
        }
        terms.values().removeIf(c -> c == 0);
        int[] vars = new int[terms.size()];
        int[] coefs = new int[terms.size()];
        int i = 0;
        for (var e : terms.entrySet()) {
            vars[i] = e.getKey();
            coefs[i++] = e.getValue();
        }
        return new LinearForm(vars, coefs, constant + sign * other.constant);
    }

    long evaluate(long[] values) {
        long sum = constant;
        for (int i = 0; i < variables.length; i++) {
            sum += coefficients[i] * values[variables[i]];
        }
        return sum;
    }

    boolean isConstant() {
        return variables.length == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearForm f && constant == f.constant && Arrays.equals(variables, f.variables)
                && Arrays.equals(coefficients, f.coefficients);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(variables) + Arrays.hashCode(coefficients)) + Long.hashCode(constant);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < variables.length; i++) {
            s.append(coefficients[i] >= 0 ? "+" : "").append(coefficients[i]).append("·x").append(variables[i]).append(' ');
        }
        return s.append(constant >= 0 ? "+" : "").append(constant).toString();
    }
}
