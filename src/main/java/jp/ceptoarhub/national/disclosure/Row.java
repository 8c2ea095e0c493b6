package jp.ceptoarhub.national.disclosure;

import java.util.Arrays;

/**
 * A row of the cover table: a union of parts of one partition (base groups, or the bands of one band dimension).
 * Published rows appear in the release; virtual rows are unions an attacker can derive (a base group inside a
 * published sector, a pooled sector, 金融（資金決済以外） as 全分野 minus 全分野（金融除く）) whose cells the primary rules
 * check all the same.
 *
 * @param partition 0 = base groups, d + 1 = band dimension d
 * @param parts     sorted part indices (base group or band indices)
 */
record Row(String id, Kind kind, String labelJa, String labelEn, int partition, int[] parts, boolean published) {

    enum Kind {
        ALL, ALL_EXCEPT_FINANCE, SECTOR, OTHER_SECTORS, CEPTOAR, BAND, BASE_GROUP, FINANCE_NON_SETTLEMENT;

        /** Extra cost of suppressing a cell of such a row: totals and bands are what NISC reads first. */
        int suppressionPenalty() {
            return switch (this) {
                case ALL, ALL_EXCEPT_FINANCE -> 50;
                case BAND -> 20;
                case SECTOR, OTHER_SECTORS -> 5;
                default -> 0;
            };
        }
    }

    static final String ALL = "ALL";
    static final String ALL_EXCEPT_FINANCE = "ALL_EXCEPT_FINANCE";
    static final String OTHER_SECTORS = "OTHER_SECTORS";
    static final String FINANCE_NON_SETTLEMENT = "FINANCE_NON_SETTLEMENT";

    boolean sameParts(Row other) {
        return partition == other.partition && Arrays.equals(parts, other.parts);
    }

    boolean contains(Row other) {
        if (partition != other.partition) {
            return false;
        }
        for (int p : other.parts) {
            if (Arrays.binarySearch(parts, p) < 0) {
                return false;
            }
        }
        return true;
    }

    boolean disjoint(Row other) {
        for (int p : other.parts) {
            if (Arrays.binarySearch(parts, p) >= 0) {
                return false;
            }
        }
        return true;
    }
}
