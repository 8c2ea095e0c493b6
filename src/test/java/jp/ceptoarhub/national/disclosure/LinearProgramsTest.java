package jp.ceptoarhub.national.disclosure;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interval attack on the worked example of the design note (§3.3): the table A = (2, 7, 6 | 15),
 * B = (9, 16, 0 | 25), totals (11, 23, 6 | 40); the suppressed cells are the unknowns, every other number is known.
 * The three patterns' intervals for A1 were computed by hand: (a) [2, 2], (b) [2, 8], (c) [0, 9].
 */
class LinearProgramsTest {
    private static final long[][] TABLE = {{2, 7, 6}, {9, 16, 0}};

    /** Variables 0..5 are A1, A2, A3, B1, B2, B3; the suppressed ones are free, the others pinned to their value. */
    private static Interval attackA1(int... suppressed) {
        List<Equation> equations = new ArrayList<>();
        long[] truth = new long[6];
        for (int v = 0; v < 6; v++) {
            truth[v] = TABLE[v / 3][v % 3];
            int s = v;
            if (Arrays.stream(suppressed).noneMatch(x -> x == s)) {
                equations.add(Equation.equal(LinearForm.variable(v), LinearForm.constant(truth[v])));
            }
        }
        for (int row = 0; row < 2; row++) {
            LinearForm sum = LinearForm.ZERO;
            long total = 0;
            for (int o = 0; o < 3; o++) {
                sum = sum.plus(LinearForm.variable(row * 3 + o));
                total += TABLE[row][o];
            }
            equations.add(Equation.equal(sum, LinearForm.constant(total)));
        }
        for (int o = 0; o < 3; o++) {
            equations.add(Equation.equal(LinearForm.variable(o).plus(LinearForm.variable(3 + o)),
                    LinearForm.constant(TABLE[0][o] + TABLE[1][o])));
        }
        Presolved state = Presolved.of(6, equations);
        return new LinearPrograms(truth).bounds(state, LinearForm.variable(0));
    }

    @Test
    void twoCellsOfOneRowDiscloseTheSmallCellExactly() {
        assertThat(attackA1(0, 1)).isEqualTo(new Interval(2, 2, false));
    }

    @Test
    void aZeroPartnerAddsNoWidthBelowTheTrueValue() {
        assertThat(attackA1(0, 2, 3, 5)).isEqualTo(new Interval(2, 8, false));
    }

    @Test
    void aRectangleOfNonZeroCellsReachesTheUsefulInterval() {
        assertThat(attackA1(0, 1, 3, 4)).isEqualTo(new Interval(0, 9, false));
    }

    @Test
    void aProfileThatKnowsARowOfTheRectangleNarrowsItAgain() {
        // a secretariat owning B knows B1 = 9 and B2 = 16: A1 = 11 − 9 exactly
        List<Equation> equations = new ArrayList<>();
        long[] truth = {2, 7, 6, 9, 16, 0};
        equations.add(Equation.equal(LinearForm.variable(2), LinearForm.constant(6)));
        equations.add(Equation.equal(LinearForm.variable(5), LinearForm.constant(0)));
        equations.add(Equation.equal(LinearForm.variable(0).plus(LinearForm.variable(1)), LinearForm.constant(9)));
        equations.add(Equation.equal(LinearForm.variable(3).plus(LinearForm.variable(4)), LinearForm.constant(25)));
        equations.add(Equation.equal(LinearForm.variable(0).plus(LinearForm.variable(3)), LinearForm.constant(11)));
        equations.add(Equation.equal(LinearForm.variable(1).plus(LinearForm.variable(4)), LinearForm.constant(23)));
        Presolved nisc = Presolved.of(6, equations);
        LinearPrograms lp = new LinearPrograms(truth);
        assertThat(lp.bounds(nisc, LinearForm.variable(0))).isEqualTo(new Interval(0, 9, false));
        Presolved secretariatB = nisc.with(Map.of(3, 9L, 4, 16L), Map.of());
        assertThat(lp.bounds(secretariatB, LinearForm.variable(0))).isEqualTo(new Interval(2, 2, false));
    }
}
