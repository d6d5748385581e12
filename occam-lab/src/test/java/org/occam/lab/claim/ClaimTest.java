package org.occam.lab.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClaimTest {

    /** n values with exactly the given mean and sample standard deviation. */
    static double[] sample(int n, double mean, double sd) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = i - (n - 1) / 2.0;
        }
        double s = SeedStatistics.sd(z);
        for (int i = 0; i < n; i++) {
            z[i] = mean + sd * z[i] / s;
        }
        return z;
    }

    static Claim rises(double resolution) {
        return Claim.of("T-1", "the statistic rises", "value per seed", Direction.INCREASE, 0, resolution);
    }

    @Test
    void anEffectOfTwoStandardErrorsIsSupportedOnceTheTQuantileIsBelowTwo() {
        // n = 30: t_{0.975,29} = 2.045, so an observed effect of 2.2 standard errors excludes zero.
        int n = 30;
        double se = 1.0;
        ClaimResult r = rises(0.1).test(sample(n, 2.2 * se, se * Math.sqrt(n)));
        assertEquals(Verdict.SUPPORTED, r.verdict());
        assertEquals(2.2, r.effect(), 1e-12);
        assertEquals(n, r.n());
        assertEquals(2.2 - 2.045229642, r.ci().lo(), 1e-6);
        // The same 2.2 SE over 5 seeds (t = 2.776) is not enough: inconclusive, not supported.
        assertEquals(Verdict.INCONCLUSIVE, rises(0.1).test(sample(5, 2.2, Math.sqrt(5))).verdict());
    }

    @Test
    void noEffectIsInconclusive() {
        ClaimResult r = rises(0).test(sample(10, 0.0, 1.0));
        assertEquals(Verdict.INCONCLUSIVE, r.verdict());
        assertTrue(r.ci().lo() < 0 && r.ci().hi() > 0);
    }

    @Test
    void anEffectBelowTheResolutionIsInconclusiveEvenWhenTheIntervalExcludesZero() {
        // Every seed gains 0.002 ± tiny: the interval excludes zero, but one test image is 1/359.
        ClaimResult r = rises(1.0 / 359).test(sample(8, 0.002, 1e-5));
        assertTrue(r.ci().lo() > 0);
        assertEquals(Verdict.INCONCLUSIVE, r.verdict());
        assertEquals(Verdict.SUPPORTED, rises(1.0 / 1000).test(sample(8, 0.002, 1e-5)).verdict());
    }

    @Test
    void aReversedEffectIsContradicted() {
        assertEquals(Verdict.CONTRADICTED, rises(0.01).test(sample(6, -3.0, 1.0)).verdict());
        Claim falls = Claim.of("T-2", "falls", "value", Direction.DECREASE, 0, 0.01);
        assertEquals(Verdict.CONTRADICTED, falls.test(sample(6, 3.0, 1.0)).verdict());
        assertEquals(Verdict.SUPPORTED, falls.test(sample(6, -3.0, 1.0)).verdict());
    }

    @Test
    void referenceShiftsTheEffect() {
        Claim auroc = Claim.of("M-1", "AUROC above 0.95", "AUROC per seed", Direction.INCREASE, 0.95, 0);
        ClaimResult r = auroc.test(sample(5, 0.99, 0.005));
        assertEquals(0.04, r.effect(), 1e-12);
        assertEquals(Verdict.SUPPORTED, r.verdict());
        assertEquals(Verdict.CONTRADICTED, auroc.test(sample(5, 0.90, 0.005)).verdict());
    }

    @Test
    void equivalenceClaims() {
        Claim near1 = Claim.within("M-2", "M ≈ 1 on the data", "mean M per seed", 1.0, 0.1, 0);
        assertEquals(Verdict.SUPPORTED, near1.test(sample(6, 1.02, 0.01)).verdict());
        assertEquals(Verdict.CONTRADICTED, near1.test(sample(6, 0.45, 0.01)).verdict());
        assertEquals(Verdict.INCONCLUSIVE, near1.test(sample(6, 0.95, 0.2)).verdict());
        assertThrows(IllegalArgumentException.class,
                () -> Claim.of("x", "y", "z", Direction.WITHIN, 0, 0));
    }

    @Test
    void twoGroupsUseWelch() {
        double[] a = sample(6, 1.0, 0.2);
        double[] b = sample(9, 0.5, 0.6);
        ClaimResult r = rises(0).testDifference(a, b);
        assertEquals(0.5, r.effect(), 1e-12);
        double va = 0.04 / 6;
        double vb = 0.36 / 9;
        double df = (va + vb) * (va + vb) / (va * va / 5 + vb * vb / 8);
        double half = StudentT.quantile(0.975, df) * Math.sqrt(va + vb);
        assertEquals(0.5 - half, r.ci().lo(), 1e-10);
        assertEquals(0.5 + half, r.ci().hi(), 1e-10);
        assertEquals(6, r.n());
    }

    @Test
    void fewerThanTwoSeedsOrNaNIsInconclusive() {
        assertEquals(Verdict.INCONCLUSIVE, rises(0).test(new double[] {5}).verdict());
        assertEquals(Verdict.INCONCLUSIVE, rises(0).test(new double[] {5, Double.NaN, 6}).verdict());
    }

    @Test
    void bootstrapAgreesWithTheTIntervalOnNormalData() {
        Random rng = new Random(7);
        double[] x = new double[400];
        for (int i = 0; i < x.length; i++) {
            x[i] = 3 + 2 * rng.nextGaussian();
        }
        Interval t = SeedStatistics.tInterval(x, 0.95);
        Interval b = SeedStatistics.bootstrapInterval(x, 0.95);
        double half = t.halfWidth();
        // The percentile bootstrap of the mean converges to the normal interval: ends agree to a few % of the half-width.
        assertEquals(t.lo(), b.lo(), 0.05 * half);
        assertEquals(t.hi(), b.hi(), 0.05 * half);
        assertEquals(b, SeedStatistics.bootstrapInterval(x, 0.95), "the bootstrap is reproducible");
        // Two groups.
        double[] y = new double[300];
        for (int i = 0; i < y.length; i++) {
            y[i] = 1 + rng.nextGaussian();
        }
        Interval w = SeedStatistics.welchInterval(x, y, 0.95);
        Interval bd = SeedStatistics.bootstrapDifference(x, y, 0.95);
        assertEquals(w.lo(), bd.lo(), 0.05 * w.halfWidth());
        assertEquals(w.hi(), bd.hi(), 0.05 * w.halfWidth());
    }

    @Test
    void tIntervalCoversTheMeanNinetyFivePercentOfTheTime() {
        Random rng = new Random(11);
        int trials = 4000;
        int covered = 0;
        for (int k = 0; k < trials; k++) {
            double[] x = new double[5];
            for (int i = 0; i < 5; i++) {
                x[i] = 1 + rng.nextGaussian();
            }
            Interval ci = SeedStatistics.tInterval(x, 0.95);
            if (ci.lo() <= 1 && 1 <= ci.hi()) {
                covered++;
            }
        }
        double rate = covered / (double) trials;
        // Binomial standard error sqrt(.95*.05/4000) = 0.0034: four of them either side.
        assertEquals(0.95, rate, 0.014);
    }

    @Test
    void tableShowsEveryFieldAndTheQuickWarning() {
        ClaimResult r = rises(0.001).test(sample(5, 2, 0.1));
        List<String> lines = ClaimTable.lines(List.of(r), true);
        assertEquals(ClaimTable.QUICK_WARNING, lines.get(0));
        String row = lines.get(2);
        assertTrue(row.startsWith("T-1"), row);
        assertTrue(row.contains("SUPPORTED"), row);
        assertTrue(row.contains("[1.876, 2.124]"), row);
        assertFalse(ClaimTable.lines(List.of(r), false).get(0).contains("--quick"));
        assertEquals("supported", r.toMap().get("verdict"));
        assertEquals(5, r.toMap().get("n"));
    }

    @Test
    void effects() {
        assertEquals(1.0, Effects.spearman(new double[] {1, 2, 3, 4}, new double[] {1, 4, 9, 16}), 1e-15);
        assertEquals(-1.0, Effects.spearman(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-15);
        assertEquals(2.0, Effects.slope(new double[] {0, 1, 2, 3}, new double[] {1, 3, 5, 7}), 1e-15);
        // ranks with a tie: (1, 2.5, 2.5, 4) vs (1, 2, 3, 4)
        assertEquals(0.9486832980505138, Effects.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 2, 3, 4}), 1e-12);
        assertEquals(Math.sqrt(3) / 2, Effects.spearman(new double[] {1, 2, 3}, new double[] {1, 1, 2}), 1e-15);
    }
}
