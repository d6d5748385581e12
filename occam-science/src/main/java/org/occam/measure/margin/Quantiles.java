package org.occam.measure.margin;

import java.util.Arrays;

/**
 * Sample quantiles by linear interpolation between order statistics: Hyndman and Fan's type 7,
 * the default of numpy.quantile and R's quantile. For sorted values x_0 ≤ … ≤ x_{n−1} and
 * p ∈ [0, 1], let h = (n − 1)p and k = ⌊h⌋; then Q(p) = x_k + (h − k)(x_{k+1} − x_k)
 * (Q(0) is the minimum, Q(1) the maximum, Q(0.5) the usual median).
 */
public final class Quantiles {
    private Quantiles() {
    }

    /**
     * The type-7 quantile of level p of the values (which are not modified).
     *
     * @param values the values (not modified)
     * @param p the level
     * @return the quantile
     */
    public static double of(double[] values, double p) {
        double[] s = values.clone();
        Arrays.sort(s);
        return ofSorted(s, p);
    }

    /**
     * The type-7 quantile of level p of values already sorted ascending.
     *
     * @param sorted the values, ascending
     * @param p the level
     * @return the quantile
     */
    public static double ofSorted(double[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("quantile of an empty sample");
        }
        checkLevel(p);
        double h = (sorted.length - 1) * p;
        int k = (int) Math.floor(h);
        if (k >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[k] + (h - k) * (sorted[k + 1] - sorted[k]);
    }

    /**
     * Throws unless p is a level in [0, 1].
     *
     * @param p the level
     */
    public static void checkLevel(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile level must be in [0, 1], got " + p);
        }
    }
}
