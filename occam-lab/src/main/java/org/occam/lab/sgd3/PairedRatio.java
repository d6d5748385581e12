package org.occam.lab.sgd3;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.occam.lab.claim.Interval;
import org.occam.lab.claim.SeedStatistics;

/**
 * A ratio of two means over paired seeds, mean(a)/mean(b) (e.g. the part of an accuracy gap a
 * regularizer recovers), with a percentile-bootstrap interval that resamples seeds with their pairs
 * kept together ({@link SeedStatistics#RESAMPLES} resamples, fixed seed, so it is reproducible).
 */
public final class PairedRatio {
    private static final long BOOTSTRAP_SEED = 0x5eedL;

    private PairedRatio() {
    }

    /**
     * mean(a) / mean(b).
     *
     * @param a the numerators, one per seed
     * @param b the denominators, paired by seed
     * @return the ratio of means
     */
    public static double of(double[] a, double[] b) {
        requirePairs(a, b);
        return SeedStatistics.mean(a) / SeedStatistics.mean(b);
    }

    /**
     * The percentile-bootstrap interval of mean(a)/mean(b) over paired seeds; undefined for n &lt; 2 or non-finite values.
     *
     * @param a the numerators, one per seed
     * @param b the denominators, paired by seed
     * @param level the confidence level
     * @return the interval
     */
    public static Interval bootstrap(double[] a, double[] b, double level) {
        requirePairs(a, b);
        int n = a.length;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
                return Interval.undefined(level, "non-finite values: no interval");
            }
        }
        if (n < 2) {
            return Interval.undefined(level, "n < 2: no interval");
        }
        SplittableRandom rng = new SplittableRandom(BOOTSTRAP_SEED);
        double[] ratios = new double[SeedStatistics.RESAMPLES];
        for (int r = 0; r < ratios.length; r++) {
            double sa = 0;
            double sb = 0;
            for (int i = 0; i < n; i++) {
                int k = rng.nextInt(n);
                sa += a[k];
                sb += b[k];
            }
            ratios[r] = sa / sb;
        }
        Arrays.sort(ratios);
        if (!Double.isFinite(ratios[0]) || !Double.isFinite(ratios[ratios.length - 1])) {
            return Interval.undefined(level, "a resample has a zero denominator: no interval");
        }
        double alpha = (1 - level) / 2;
        return new Interval(quantile(ratios, alpha), quantile(ratios, 1 - alpha), level,
                "paired bootstrap percentile of the ratio, " + SeedStatistics.RESAMPLES + " resamples");
    }

    /** Linear-interpolation quantile (type 7) of a sorted array. */
    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }

    private static void requirePairs(double[] a, double[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("a paired ratio needs two non-empty samples of equal length, got "
                    + a.length + " and " + b.length);
        }
    }
}
