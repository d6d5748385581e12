package org.occam.lab.plot;

import java.awt.Color;
import java.util.Arrays;

/**
 * One named curve: points (x[k], y[k]) in x order, drawn solid or dashed, in a given colour or
 * (colour null) the next colour of the {@link Theme} palette. Points whose x or y is not finite
 * are dropped when the series is made, so NaN rows of a diverged run simply end the curve.
 *
 * @param name the name in the legend
 * @param x the abscissae
 * @param y the ordinates
 * @param dashed whether it is dashed
 * @param colour its colour, or null for the palette's next
 */
public record Series(String name, double[] x, double[] y, boolean dashed, Color colour) {
    /** Validates lengths and drops non-finite points. */
    public Series {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': " + x.length + " x values but " + y.length + " y values");
        }
        int n = 0;
        for (int k = 0; k < x.length; k++) {
            if (Double.isFinite(x[k]) && Double.isFinite(y[k])) {
                n++;
            }
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        int j = 0;
        for (int k = 0; k < x.length; k++) {
            if (Double.isFinite(x[k]) && Double.isFinite(y[k])) {
                xs[j] = x[k];
                ys[j++] = y[k];
            }
        }
        x = xs;
        y = ys;
    }

    /**
     * A solid series.
     *
     * @param name the name in the legend
     * @param x the abscissae
     * @param y the ordinates
     * @return the series
     */
    public static Series of(String name, double[] x, double[] y) {
        return new Series(name, x, y, false, null);
    }

    /**
     * A dashed series (reference lines such as 2/h).
     *
     * @param name the name in the legend
     * @param x the abscissae
     * @param y the ordinates
     * @return the series
     */
    public static Series dashed(String name, double[] x, double[] y) {
        return new Series(name, x, y, true, null);
    }

    /**
     * This series drawn in colour {@code c}.
     *
     * @param c the colour
     * @return the series
     */
    public Series withColour(Color c) {
        return new Series(name, x, y, dashed, c);
    }

    /**
     * Number of points.
     *
     * @return the count
     */
    public int size() {
        return x.length;
    }

    /**
     * This series without the points whose x (when {@code inX}) or y (when {@code inY}) is not positive, for log axes.
     *
     * @param inX whether to filter on x
     * @param inY whether to filter on y
     * @return the series
     */
    public Series positive(boolean inX, boolean inY) {
        int n = 0;
        for (int k = 0; k < x.length; k++) {
            if ((!inX || x[k] > 0) && (!inY || y[k] > 0)) {
                n++;
            }
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        int j = 0;
        for (int k = 0; k < x.length; k++) {
            if ((!inX || x[k] > 0) && (!inY || y[k] > 0)) {
                xs[j] = x[k];
                ys[j++] = y[k];
            }
        }
        return new Series(name, xs, ys, dashed, colour);
    }

    /**
     * At most about {@code maxPoints} points: the x range is cut into buckets and each keeps its
     * first, lowest and highest point, so spikes (loss blow-ups, edge-of-stability oscillations)
     * survive the thinning. Series that are already short are returned as they are.
     *
     * @param maxPoints the target count
     * @return the series
     */
    public Series decimate(int maxPoints) {
        int n = x.length;
        if (n <= maxPoints || maxPoints < 6) {
            return this;
        }
        int buckets = maxPoints / 3;
        double[] xs = new double[3 * buckets + 1];
        double[] ys = new double[3 * buckets + 1];
        int m = 0;
        for (int b = 0; b < buckets; b++) {
            int lo = (int) ((long) b * n / buckets);
            int hi = (int) ((long) (b + 1) * n / buckets);
            int iMin = lo;
            int iMax = lo;
            for (int k = lo; k < hi; k++) {
                if (y[k] < y[iMin]) {
                    iMin = k;
                }
                if (y[k] > y[iMax]) {
                    iMax = k;
                }
            }
            int[] keep = {lo, iMin, iMax};
            Arrays.sort(keep);
            int last = -1;
            for (int k : keep) {
                if (k != last) {
                    xs[m] = x[k];
                    ys[m++] = y[k];
                    last = k;
                }
            }
        }
        if (xs[m - 1] != x[n - 1]) {
            xs[m] = x[n - 1];
            ys[m++] = y[n - 1];
        }
        return new Series(name, Arrays.copyOf(xs, m), Arrays.copyOf(ys, m), dashed, colour);
    }
}
