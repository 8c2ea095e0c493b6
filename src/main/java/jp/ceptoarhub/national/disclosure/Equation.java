package jp.ceptoarhub.national.disclosure;

/**
 * A relation the attacker knows: {@code form = 0} or {@code form ≤ 0}, the form's constant holding the right-hand
 * side. Published cells, the structure of the questions (options of a single-choice row sum to N, an exclusive option
 * excludes the others) and the links between releases are all equations.
 */
record Equation(LinearForm form, boolean equality) {

    static Equation equal(LinearForm left, LinearForm right) {
        return new Equation(left.minus(right), true);
    }

    static Equation atMost(LinearForm left, LinearForm right) {
        return new Equation(left.minus(right), false);
    }

    boolean holds(long[] values) {
        long v = form.evaluate(values);
        return equality ? v == 0 : v <= 0;
    }
}
