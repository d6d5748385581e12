package org.occam.games.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/** Sample W₂ against closed forms: sorted matching in 1-D, a translation, a known point set; the stratified target sample. */
class SampleWassersteinTest {

    @Test
    void oneDimensionalSamplesMatchInSortedOrder() {
        Rng rng = Rng.seed(2);
        for (int n : new int[] {1, 5, 64, 300}) {
            double[] a = new double[n];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = rng.nextGaussian();
                b[i] = 3 * rng.nextDouble() - 1;
            }
            double[] sa = a.clone();
            double[] sb = b.clone();
            Arrays.sort(sa);
            Arrays.sort(sb);
            double ss = 0;
            for (int i = 0; i < n; i++) {
                ss += (sa[i] - sb[i]) * (sa[i] - sb[i]);
            }
            double w2 = SampleWasserstein.w2(Tensor.of(a, n, 1), Tensor.of(b, n, 1));
            assertEquals(Math.sqrt(ss / n), w2, 1e-12, "n = " + n);
        }
    }

    /** Y = X + c: the identity coupling is optimal (Σ x_i·x_π(i) ≤ Σ ‖x_i‖²), so W₂ = ‖c‖ whatever the order of Y. */
    @Test
    void aTranslatedSampleIsTheLengthOfTheShiftAway() {
        Rng rng = Rng.seed(3);
        int n = 200;
        double[] x = new double[2 * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        int[] perm = rng.permutation(n);
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            y[2 * i] = x[2 * perm[i]] + 0.3;
            y[2 * i + 1] = x[2 * perm[i] + 1] - 0.4;
        }
        assertEquals(0.5, SampleWasserstein.w2(Tensor.of(x, n, 2), Tensor.of(y, n, 2)), 1e-12);
        assertEquals(0, SampleWasserstein.w2(Tensor.of(x, n, 2), Tensor.of(x, n, 2)), 0);
    }

    /**
     * Four corners of the unit square against the four edge midpoints: every corner is 1/2 from
     * two midpoints, so W₂ = 1/2; two corners vs two far-apart points: the crossing match is worse.
     */
    @Test
    void knownPointSets() {
        Tensor corners = Tensor.of(new double[] {0, 0, 1, 0, 1, 1, 0, 1}, 4, 2);
        Tensor mids = Tensor.of(new double[] {0.5, 1, 0, 0.5, 0.5, 0, 1, 0.5}, 4, 2);
        assertEquals(0.5, SampleWasserstein.w2(corners, mids), 1e-15);
        Tensor a = Tensor.of(new double[] {0, 0, 10, 0}, 2, 2);
        Tensor b = Tensor.of(new double[] {11, 0, 1, 0}, 2, 2);
        assertEquals(1, SampleWasserstein.w2(a, b), 1e-15);
    }

    @Test
    void targetSampleIsStratifiedAndThePerfectGeneratorFloorIsSmallAgainstACollapse() {
        Mixture2d ring = Mixture2d.ring();
        Tensor t = SampleWasserstein.targetSample(ring, 800, Rng.seed(4), DType.FLOAT64);
        ModeCoverage c = ModeCoverage.of(ring, t);
        for (int k : c.perMode()) {
            assertTrue(k >= 100 - 5 && k <= 100, "every mode gets its 100 points (up to the 1 % beyond 3σ): " + k);
        }
        double floor = SampleWasserstein.perfectGenerator(ring, 400, Rng.seed(5));
        double[] one = new double[2 * 400];
        for (int i = 0; i < 400; i++) {
            one[2 * i] = 2;
        }
        double collapsed = SampleWasserstein.toTarget(ring, Tensor.of(one, 400, 2), Rng.seed(6));
        // a point mass at centre 0 against the ring: W2² = mean over the 8 centres of |c_0 − c_k|² (+ σ²·2) = 8 + 0.0008
        assertEquals(Math.sqrt(8 + 2 * 0.02 * 0.02), collapsed, 0.02);
        assertTrue(floor > 0 && floor < 0.4 && floor < collapsed / 5, "floor " + floor + ", collapsed " + collapsed);
        Tensor bad = Tensor.of(new double[] {Double.NaN, 0}, 1, 2);
        assertEquals(Double.POSITIVE_INFINITY, SampleWasserstein.w2(bad, Tensor.of(new double[] {0, 0}, 1, 2)));
        assertThrows(IllegalArgumentException.class, () -> SampleWasserstein.w2(t, t.slice(0, 0, 5)));
    }
}
