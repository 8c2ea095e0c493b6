package jp.ceptoarhub.national.disclosure;

/**
 * What the attacker can learn about a linear form of the counts: its minimum and maximum under everything it knows,
 * rounded inward to integers. {@code unsafe} when the solver gave up (too many iterations): the cell is treated as
 * disclosed (fail closed).
 */
record Interval(long lo, long hi, boolean unsafe) {
    static final long UNBOUNDED = Long.MAX_VALUE / 4;

    static Interval unsafeAt(long value) {
        return new Interval(value, value, true);
    }

    Interval shift(long by) {
        return new Interval(lo + by, hi == UNBOUNDED ? hi : hi + by, unsafe);
    }

    Interval negate() {
        return new Interval(hi == UNBOUNDED ? -UNBOUNDED : -hi, -lo, unsafe);
    }
}
