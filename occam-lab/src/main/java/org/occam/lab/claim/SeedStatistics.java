package org.occam.lab.claim;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/** Means, standard deviations and 95 % intervals of per-seed values (docs/claims.md). */
public final class SeedStatistics {
    /** Bootstrap resamples. */
    public static final int RESAMPLES = 10_000;
    private static final long BOOTSTRAP_SEED = 0x5eedL;

    private SeedStatistics() {
    }

    /**
     * Arithmetic mean.
     *
     * @param x the values
     * @return the mean
     */
    public static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /**
     * Sample standard deviation (n − 1 in the denominator); NaN for n &lt; 2.
     *
     * @param x the values
     * @return the standard deviation
     */
    public static double sd(double[] x) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    /**
     * t-interval of the mean: mean ± t_{(1+level)/2, n−1} · sd/√n.
     *
     * @param x the values
     * @param level the confidence level
     * @return the interval
     */
    public static Interval tInterval(double[] x, double level) {
        if (x.length < 2 || !allFinite(x)) {
            return Interval.undefined(level, x.length < 2 ? "n < 2: no interval" : "non-finite values: no interval");
        }
        int df = x.length - 1;
        double half = StudentT.quantile((1 + level) / 2, df) * sd(x) / Math.sqrt(x.length);
        double m = mean(x);
        return new Interval(m - half, m + half, level, "t, df=" + df);
    }

    /**
     * Welch's t-interval of mean(a) − mean(b) (Welch–Satterthwaite degrees of freedom).
     *
     * @param a group a's values
     * @param b group b's values
     * @param level the confidence level
     * @return the interval
     */
    public static Interval welchInterval(double[] a, double[] b, double level) {
        if (a.length < 2 || b.length < 2 || !allFinite(a) || !allFinite(b)) {
            return Interval.undefined(level, "each group needs n >= 2 finite values: no interval");
        }
        double va = sd(a) * sd(a) / a.length;
        double vb = sd(b) * sd(b) / b.length;
        double diff = mean(a) - mean(b);
        if (va + vb == 0) {
            return new Interval(diff, diff, level, "Welch t, zero variance");
        }
        double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        double half = StudentT.quantile((1 + level) / 2, df) * Math.sqrt(va + vb);
        return new Interval(diff - half, diff + half, level,
                String.format(Locale.ROOT, "Welch t, df=%.1f", df));
    }

    /**
     * Percentile bootstrap of the mean over seeds (fixed resampling seed, so the interval is reproducible).
     *
     * @param x the values
     * @param level the confidence level
     * @return the interval
     */
    public static Interval bootstrapInterval(double[] x, double level) {
        if (x.length < 2 || !allFinite(x)) {
            return Interval.undefined(level, "n < 2 or non-finite values: no interval");
        }
        SplittableRandom rng = new SplittableRandom(BOOTSTRAP_SEED);
        double[] means = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            means[r] = mean(resample(x, rng));
        }
        return percentiles(means, level, "bootstrap percentile, " + RESAMPLES + " resamples");
    }

    /**
     * Percentile bootstrap of mean(a) − mean(b), resampling each group's seeds independently.
     *
     * @param a group a's values
     * @param b group b's values
     * @param level the confidence level
     * @return the interval
     */
    public static Interval bootstrapDifference(double[] a, double[] b, double level) {
        if (a.length < 2 || b.length < 2 || !allFinite(a) || !allFinite(b)) {
            return Interval.undefined(level, "each group needs n >= 2 finite values: no interval");
        }
        SplittableRandom rng = new SplittableRandom(BOOTSTRAP_SEED);
        double[] diffs = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            diffs[r] = mean(resample(a, rng)) - mean(resample(b, rng));
        }
        return percentiles(diffs, level, "bootstrap percentile (two groups), " + RESAMPLES + " resamples");
    }

    private static double[] resample(double[] x, SplittableRandom rng) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[rng.nextInt(x.length)];
        }
        return out;
    }

    private static Interval percentiles(double[] stats, double level, String method) {
        Arrays.sort(stats);
        double alpha = (1 - level) / 2;
        return new Interval(quantileSorted(stats, alpha), quantileSorted(stats, 1 - alpha), level, method);
    }

    /** Linear-interpolation quantile (type 7) of a sorted array. */
    static double quantileSorted(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }

    static boolean allFinite(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
