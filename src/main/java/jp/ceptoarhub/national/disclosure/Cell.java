package jp.ceptoarhub.national.disclosure;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A cell of the cover table: the respondents of one row of one table who chose any of a set of options (one option,
 * a headline's options, or a conditional question's condition). Its count and its denominator are linear forms over
 * the base cells; the primary rules read its true values and who contributes to them.
 * <p>
 * Contributors are summarised per unit (company group): {@link #units} sorted, with the number of the unit's members
 * in the count ({@link #unitCount}) and in the denominator ({@link #unitPopulation}), and the CEPTOAR all of the
 * unit's members in the count (resp. outside it) belong to, or −1 when they span several (−2 when there are none).
 */
final class Cell {
    int index = -1;
    final String key;
    final int table;
    final Row row;
    final long mask;
    final LinearForm count;
    final LinearForm denominator;
    final long n;
    final long total;
    final boolean noAnswerOnly;
    final int[] units;
    final int[] unitCount;
    final int[] unitPopulation;
    final int[] unitCeptoarIn;
    final int[] unitCeptoarOut;
    final int[] countByCeptoar;
    final int[] totalByCeptoar;
    /** Per prior release: the cell's count over that release's base cells (null when the table is not comparable). */
    final LinearForm[] priorCount;
    final long[] priorN;
    final long[] priorTotal;
    /** Per prior release: the units of the row that joined, left or changed answers since. */
    final List<Set<Integer>> changedUnits;
    final EnumSet<ReasonCode> reasons = EnumSet.noneOf(ReasonCode.class);
    final boolean[] temporal;
    private int unitsIn = -1;
    private int unitsOut = -1;

    Cell(String key, int table, Row row, long mask, LinearForm count, LinearForm denominator, long n,
         long total, boolean noAnswerOnly, int[] units, int[] unitCount, int[] unitPopulation, int[] unitCeptoarIn,
         int[] unitCeptoarOut, int[] countByCeptoar, int[] totalByCeptoar, LinearForm[] priorCount, long[] priorN,
         long[] priorTotal, List<Set<Integer>> changedUnits) {
        this.key = key;
        this.table = table;
        this.row = row;
        this.mask = mask;
        this.count = count;
        this.denominator = denominator;
        this.n = n;
        this.total = total;
        this.noAnswerOnly = noAnswerOnly;
        this.units = units;
        this.unitCount = unitCount;
        this.unitPopulation = unitPopulation;
        this.unitCeptoarIn = unitCeptoarIn;
        this.unitCeptoarOut = unitCeptoarOut;
        this.countByCeptoar = countByCeptoar;
        this.totalByCeptoar = totalByCeptoar;
        this.priorCount = priorCount;
        this.priorN = priorN;
        this.priorTotal = priorTotal;
        this.changedUnits = changedUnits;
        this.temporal = new boolean[priorCount.length];
    }

    boolean published() {
        return row.published();
    }

    boolean primary() {
        return !reasons.isEmpty();
    }

    /** Distinct units in the count. */
    int unitsIn() {
        if (unitsIn < 0) {
            int c = 0;
            for (int v : unitCount) {
                if (v > 0) {
                    c++;
                }
            }
            unitsIn = c;
        }
        return unitsIn;
    }

    /** Distinct units in the row outside the count. */
    int unitsOut() {
        if (unitsOut < 0) {
            int c = 0;
            for (int i = 0; i < units.length; i++) {
                if (unitPopulation[i] > unitCount[i]) {
                    c++;
                }
            }
            unitsOut = c;
        }
        return unitsOut;
    }

    int unitPosition(int unit) {
        return Arrays.binarySearch(units, unit);
    }

    boolean multiCeptoar() {
        int c = 0;
        for (int v : totalByCeptoar) {
            if (v > 0) {
                c++;
            }
        }
        return c > 1;
    }

    @Override
    public String toString() {
        return key + "=" + n + "/" + total;
    }
}
