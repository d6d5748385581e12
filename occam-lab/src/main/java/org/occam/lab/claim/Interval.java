package org.occam.lab.claim;

/**
 * A confidence interval for an effect.
 *
 * @param lo     lower end
 * @param hi     upper end
 * @param level  coverage, e.g. 0.95
 * @param method how it was computed, in words ("t, df=4", "bootstrap percentile, 10000 resamples")
 */
public record Interval(double lo, double hi, double level, String method) {

    /**
     * An interval that cannot be computed (fewer than two seeds, or a non-finite value).
     *
     * @param level the confidence level
     * @param why why it cannot be computed
     * @return the interval
     */
    public static Interval undefined(double level, String why) {
        return new Interval(Double.NaN, Double.NaN, level, why);
    }

    /**
     * Whether both ends are finite numbers.
     *
     * @return whether it is defined
     */
    public boolean defined() {
        return Double.isFinite(lo) && Double.isFinite(hi);
    }

    /**
     * Half the width.
     *
     * @return (hi − lo)/2
     */
    public double halfWidth() {
        return (hi - lo) / 2;
    }
}
