package org.occam.lab.sgd3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.occam.lab.claim.Interval;

class PairedRatioTest {
    @Test
    void ratioOfMeans() {
        assertEquals((1 + 2 + 6) / 3.0 / ((2 + 2 + 2) / 3.0), PairedRatio.of(new double[] {1, 2, 6}, new double[] {2, 2, 2}),
                1e-15);
    }

    /** When every seed has the same ratio c, every resample does too: the interval is [c, c]. */
    @Test
    void constantRatioGivesAPointInterval() {
        Interval ci = PairedRatio.bootstrap(new double[] {0.3, 0.6, 0.9, 1.2}, new double[] {1, 2, 3, 4}, 0.95);
        assertEquals(0.3, ci.lo(), 1e-15);
        assertEquals(0.3, ci.hi(), 1e-15);
    }

    /**
     * Exact for n = 3 with positive denominators: a resample's ratio of sums lies between the smallest
     * and largest per-seed ratio, which are attained by the resamples (i, i, i), each of probability
     * 1/27 &gt; 2.5 %; so with 10,000 resamples the 2.5 % and 97.5 % quantiles are exactly the extreme
     * per-seed ratios (the 250th order statistic would have to fall below ~370 expected hits).
     */
    @Test
    void threeSeedsHitTheExtremeRatios() {
        double[] a = {0.2, 0.9, 0.5};
        double[] b = {1.0, 1.5, 2.0};
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    double r = (a[i] + a[j] + a[k]) / (b[i] + b[j] + b[k]);
                    min = Math.min(min, r);
                    max = Math.max(max, r);
                }
            }
        }
        Interval ci = PairedRatio.bootstrap(a, b, 0.95);
        assertEquals(min, ci.lo(), 1e-15);
        assertEquals(max, ci.hi(), 1e-15);
        assertEquals(0.2, min, 1e-15);
        assertEquals(0.6, max, 1e-15);
    }

    @Test
    void undefinedCases() {
        assertFalse(PairedRatio.bootstrap(new double[] {1}, new double[] {2}, 0.95).defined());
        assertFalse(PairedRatio.bootstrap(new double[] {1, Double.NaN}, new double[] {2, 3}, 0.95).defined());
        assertFalse(PairedRatio.bootstrap(new double[] {1, 2}, new double[] {0, 0}, 0.95).defined());
        assertThrows(IllegalArgumentException.class, () -> PairedRatio.bootstrap(new double[] {1, 2}, new double[] {1}, 0.95));
    }
}
