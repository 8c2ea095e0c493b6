package jp.ceptoarhub.national.disclosure;

/**
 * Why a cell is suppressed (or, for a concentration table, why an item is not named). Kept with the release for
 * platform admins and audit, never published: a visible THRESHOLD code tells the attacker the count or its complement
 * is between 1 and k − 1 [HB §5.2; HB §4.2.1].
 */
public enum ReasonCode {
    /** Fewer than k units in the cell, or fewer than k outside it in its row. */
    THRESHOLD,
    /** Everyone in the row (100 %), or no one in a row of fewer than G respondents. */
    GROUP,
    /** A CEPTOAR's secretariat subtracting its own members would be left with a THRESHOLD or GROUP residual. */
    INSIDER,
    /** Fewer than k units of the row changed since an earlier release and the cell moved. */
    TEMPORAL,
    /** Suppressed so that the primaries cannot be narrowed to a useful interval (secondary suppression). */
    COMPLEMENTARY
}
