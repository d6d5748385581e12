package org.occam.maxmargin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.occam.data.Synthetic;
import org.occam.tensor.Rng;

/** The exact ℓ2-SVM and ℓ∞-margin solvers against closed forms, KKT conditions and brute-force search. */
class ExactSolversTest {

    static Separable random(long seed) {
        return Separable.of(Synthetic.linearlySeparable(12, 3, 0.1, Rng.seed(seed)));
    }

    @Test
    void svmClosedForms() {
        // one point: w = x/‖x‖²
        HardMarginSvm.Solution one = HardMarginSvm.solve(new Separable(new double[][] {{3, 4}}, new int[] {1}));
        assertArrayEquals(new double[] {3 / 25.0, 4 / 25.0}, one.w(), 1e-15);
        assertEquals(5, one.margin(), 1e-14);
        // two orthogonal points of opposite labels: w1 ≥ 1, −w2 ≥ 1 → w = (1, −1), α = (1, 1)
        HardMarginSvm.Solution two = HardMarginSvm.solve(new Separable(new double[][] {{1, 0}, {0, 1}}, new int[] {1, -1}));
        assertArrayEquals(new double[] {1, -1}, two.w(), 1e-15);
        assertArrayEquals(new double[] {1, 1}, two.alpha(), 1e-15);
        // three points, the far one inactive: same w, support {0, 1}
        HardMarginSvm.Solution three = HardMarginSvm.solve(new Separable(new double[][] {{1, 0}, {0, 1}, {2, -3}},
                new int[] {1, -1, 1}));
        assertArrayEquals(new double[] {1, -1}, three.w(), 1e-15);
        assertArrayEquals(new int[] {0, 1}, three.support());
    }

    @Test
    void svmSatisfiesKktAndBeatsEveryOtherDirection() {
        for (long seed = 0; seed < 4; seed++) {
            Separable data = random(seed);
            HardMarginSvm.Solution s = HardMarginSvm.solve(data);
            double[] z = data.margins(s.w());
            double[] w = new double[3];
            for (int a = 0; a < s.support().length; a++) {
                int i = s.support()[a];
                assertTrue(s.alpha()[a] >= 0, "dual feasibility");
                assertEquals(1, z[i], 1e-9, "complementary slackness");
                for (int j = 0; j < 3; j++) {
                    w[j] += s.alpha()[a] * data.label(i) * data.row(i)[j];
                }
            }
            assertArrayEquals(s.w(), w, 1e-12, "stationarity");
            for (double m : z) {
                assertTrue(m >= 1 - 1e-9, "primal feasibility");
            }
            Random r = new Random(seed);
            double bestRandom = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < 20_000; k++) {
                double[] v = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
                bestRandom = Math.max(bestRandom, data.normalizedMargin(v, Norm.L2));
            }
            assertTrue(bestRandom <= s.margin() + 1e-12);
            assertTrue(bestRandom > s.margin() - 0.05 * s.margin(), "random search far below the optimum?");
            assertEquals(s.margin(), data.normalizedMargin(s.w(), Norm.L2), 1e-12);
        }
    }

    @Test
    void linfClosedForms() {
        LinfMaxMargin.Solution one = LinfMaxMargin.solve(new Separable(new double[][] {{2, 1}}, new int[] {1}));
        assertArrayEquals(new double[] {1, 1}, one.w(), 1e-15);
        assertEquals(3, one.margin(), 1e-15);
        // w1 ≥ γ, −w1 − w2 ≥ γ in the box: γ = 1/2 at w = (1/2, −1)
        LinfMaxMargin.Solution two = LinfMaxMargin.solve(new Separable(new double[][] {{1, 0}, {1, 1}}, new int[] {1, -1}));
        assertArrayEquals(new double[] {0.5, -1}, two.w(), 1e-15);
        assertEquals(0.5, two.margin(), 1e-15);
        assertTrue(two.unique());
    }

    @Test
    void linfMarginBeatsEveryBoxPoint() {
        for (long seed = 0; seed < 2; seed++) {
            Separable data = random(seed);
            LinfMaxMargin.Solution s = LinfMaxMargin.solve(data);
            assertEquals(1, Norm.LINF.of(s.w()), 1e-12);
            assertEquals(s.margin(), data.normalizedMargin(s.w(), Norm.LINF), 1e-12);
            double grid = Double.NEGATIVE_INFINITY;
            int k = 24;
            for (int a = -k; a <= k; a++) {
                for (int b = -k; b <= k; b++) {
                    for (int c = -k; c <= k; c++) {
                        double[] v = {a / (double) k, b / (double) k, c / (double) k};
                        if (Norm.LINF.of(v) > 0) {
                            grid = Math.max(grid, data.normalizedMargin(v, Norm.LINF));
                        }
                    }
                }
            }
            assertTrue(grid <= s.margin() + 1e-12);
            assertTrue(grid > s.margin() - 0.05 * s.margin());
        }
    }

    @Test
    void nonSeparableAndTooLargeSetsAreRefused() {
        Separable bad = new Separable(new double[][] {{1, 0}, {1, 0}}, new int[] {1, -1});
        assertThrows(IllegalArgumentException.class, () -> HardMarginSvm.solve(bad));
        assertThrows(IllegalArgumentException.class, () -> LinfMaxMargin.solve(bad));
        Separable big = Separable.of(Synthetic.linearlySeparable(400, 6, 0.1, Rng.seed(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HardMarginSvm.solve(big));
        assertTrue(e.getMessage().contains("small sets"), e.getMessage());
    }
}
