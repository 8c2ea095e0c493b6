package jp.ceptoarhub.national.disclosure;

/**
 * The parameters of the primary rules and of the protection requirement. They are stored with a release for audit
 * and never published with it: an attacker who knows k, G and d can tighten the intervals of suppressed cells.
 *
 * @param k                 minimum number of units (company groups, else members) in a cell and in its complement
 *                          (THRESHOLD)
 * @param groupMinimum      G: a zero cell is a group disclosure ("none of them") in a row of fewer respondents (GROUP)
 * @param intervalMinimum   smallest distance d the attacker's interval must reach on either side of a primary's small
 *                          side m
 * @param intervalFraction  d grows with m: d = max(intervalMinimum, ⌈intervalFraction · m⌉)
 * @param poolMinimum       N_min: a sector with fewer respondents is pooled into その他の分野 and a CEPTOAR row with
 *                          fewer is not published on its own
 */
public record DisclosureParameters(int k, int groupMinimum, int intervalMinimum, double intervalFraction,
                                   int poolMinimum) {
    public DisclosureParameters {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2");
        }
        if (groupMinimum < k) {
            throw new IllegalArgumentException("G must be at least k");
        }
        if (intervalMinimum < 1 || intervalFraction < 0 || intervalFraction > 1) {
            throw new IllegalArgumentException("d needs intervalMinimum >= 1 and 0 <= intervalFraction <= 1");
        }
        if (poolMinimum < k) {
            throw new IllegalArgumentException("N_min must be at least k");
        }
    }

    /** k = 5, G = 20, d = max(3, ⌈0.3·m⌉), N_min = 2k: the defaults of the design. */
    public static DisclosureParameters defaults() {
        return new DisclosureParameters(5, 20, 3, 0.3, 10);
    }

    /** The distance d for a small side m. */
    long distance(long m) {
        return Math.max(intervalMinimum, (long) Math.ceil(intervalFraction * m - 1e-9));
    }
}
