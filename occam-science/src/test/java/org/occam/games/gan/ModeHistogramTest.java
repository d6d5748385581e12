package org.occam.games.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;

/** The mode-assignment histogram (modes + a far bin) and its KL divergences to the target's histogram, on constructed counts. */
class ModeHistogramTest {
    private static final double QM = (1 - Math.exp(-4.5)) / 8;
    private static final double QF = Math.exp(-4.5);

    @Test
    void theTargetsOwnSamplesHaveTheTargetHistogram() {
        Mixture2d ring = Mixture2d.ring();
        int n = 100_000;
        ModeCoverage c = ModeCoverage.of(ring, ring.sample(n, Rng.seed(8), DType.FLOAT64));
        double[] h = c.histogram();
        double[] q = ModeCoverage.targetHistogram(8);
        for (int b = 0; b < q.length; b++) {
            double se = Math.sqrt(q[b] * (1 - q[b]) / n);
            assertEquals(q[b], h[b], 4 * se, "bin " + b);
        }
        assertTrue(c.modeKl() < 0.001 && c.reverseModeKl() < 0.001, c.modeKl() + " " + c.reverseModeKl());
    }

    @Test
    void collapsedAndFarGeneratorsHaveTheirClosedForms() {
        int n = 1000;
        ModeCoverage collapsed = new ModeCoverage(n, new int[] {n, 0, 0, 0, 0, 0, 0, 0}, 0.05, n);
        assertEquals(Math.log(1 / QM), collapsed.reverseModeKl(), 1e-12, "log(K / (1 − e^{−9/2}))");
        double z = n + 0.5 * 9;
        double forward = QM * Math.log(QM * z / (n + 0.5)) + 7 * QM * Math.log(QM * z / 0.5) + QF * Math.log(QF * z / 0.5);
        assertEquals(forward, collapsed.modeKl(), 1e-12);
        ModeCoverage allFar = new ModeCoverage(n, new int[8], 0.05, 0);
        assertEquals(4.5, allFar.reverseModeKl(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 1}, allFar.histogram(), 0);
        assertEquals(n, allFar.far());
    }

    /** The two directions disagree on purpose: KL(q‖p̂) punishes a missing mode, KL(p̂‖q) punishes far samples. */
    @Test
    void theTwoDirectionsPunishCollapseAndBlurRespectively() {
        int n = 2400;
        ModeCoverage collapsed = new ModeCoverage(n, new int[] {n, 0, 0, 0, 0, 0, 0, 0}, 0.05, n);
        int[] spread = new int[8];
        java.util.Arrays.fill(spread, 60); // 480 of 2,400 on the modes, 80 % far
        ModeCoverage blurred = new ModeCoverage(n, spread, 0.05, 480);
        int[] perfect = new int[8];
        java.util.Arrays.fill(perfect, 297); // 2,376 on the modes, 24 (1 %) far
        ModeCoverage good = new ModeCoverage(n, perfect, 0.05, 2376);
        assertTrue(collapsed.modeKl() > blurred.modeKl() && blurred.modeKl() > good.modeKl());
        assertTrue(blurred.reverseModeKl() > collapsed.reverseModeKl() && collapsed.reverseModeKl() > good.reverseModeKl());
        assertTrue(good.modeKl() < 0.001 && good.reverseModeKl() < 0.001);
        int[] shuffled = {0, 0, 0, n, 0, 0, 0, 0};
        assertEquals(collapsed.modeKl(), new ModeCoverage(n, shuffled, 0.05, n).modeKl(), 1e-12, "the mode does not matter");
        assertTrue(Double.isNaN(new ModeCoverage(0, new int[8], 0.05, 0).modeKl()));
    }
}
