package org.occam.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** exp, tanh and sigmoid kernels: accurate to a few ulps, and saturating cleanly at the extremes. */
class VectorMathTest {
    private static double ulps(double got, double exact) {
        return Math.abs(got - exact) / Math.ulp(exact);
    }

    @Test
    void float64AccuracyOverAWideRange() {
        Rng rng = Rng.seed(1);
        Tensor x = rng.uniform(DType.FLOAT64, -30, 30, 20000);
        double[] xs = x.toDoubleArray();
        double[] e = x.exp().toDoubleArray();
        double[] t = x.tanh().toDoubleArray();
        double[] s = x.sigmoid().toDoubleArray();
        double worstE = 0;
        double worstT = 0;
        double worstS = 0;
        for (int i = 0; i < xs.length; i++) {
            worstE = Math.max(worstE, ulps(e[i], StrictMath.exp(xs[i])));
            worstT = Math.max(worstT, ulps(t[i], StrictMath.tanh(xs[i])));
            worstS = Math.max(worstS, ulps(s[i], 1 / (1 + StrictMath.exp(-xs[i]))));
        }
        assertTrue(worstE <= 4, "exp worst " + worstE + " ulps");
        assertTrue(worstT <= 6, "tanh worst " + worstT + " ulps");
        assertTrue(worstS <= 4, "sigmoid worst " + worstS + " ulps");
    }

    @Test
    void tanhIsAccurateNearZeroAndOdd() {
        double[] xs = {1e-300, 1e-12, 1e-6, 1e-3, 0.1, 0.5, -1e-8, -0.3};
        double[] t = Tensor.of(xs, xs.length).tanh().toDoubleArray();
        for (int i = 0; i < xs.length; i++) {
            assertTrue(ulps(t[i], StrictMath.tanh(xs[i])) <= 4, "tanh(" + xs[i] + ") = " + t[i]);
        }
    }

    @Test
    void float32Accuracy() {
        Rng rng = Rng.seed(2);
        Tensor x = rng.uniform(DType.FLOAT32, -20, 20, 20000);
        float[] xs = x.toFloatArray();
        float[] e = x.exp().toFloatArray();
        float[] t = x.tanh().toFloatArray();
        for (int i = 0; i < xs.length; i++) {
            float ee = (float) StrictMath.exp(xs[i]);
            float tt = (float) StrictMath.tanh(xs[i]);
            assertTrue(Math.abs(e[i] - ee) <= 4 * Math.ulp(ee), "exp(" + xs[i] + ") = " + e[i] + " vs " + ee);
            assertTrue(Math.abs(t[i] - tt) <= 4 * Math.ulp(tt), "tanh(" + xs[i] + ") = " + t[i] + " vs " + tt);
        }
    }

    @Test
    void extremesAndSpecialValues() {
        double[] xs = {-1000, -746, 710, 1000, Double.NaN, 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] e = Tensor.of(xs, xs.length).exp().toDoubleArray();
        assertEquals(0.0, e[0]);
        assertEquals(0.0, e[1]);
        assertEquals(Double.POSITIVE_INFINITY, e[2]);
        assertTrue(Double.isNaN(e[4]));
        assertEquals(1.0, e[5]);
        assertEquals(0.0, e[6]);
        assertEquals(Double.POSITIVE_INFINITY, e[7]);
        double[] t = Tensor.of(xs, xs.length).tanh().toDoubleArray();
        assertEquals(-1.0, t[0]);
        assertEquals(1.0, t[3]);
        assertTrue(Double.isNaN(t[4]));
        assertEquals(1.0, t[7]);
        double[] s = Tensor.of(xs, xs.length).sigmoid().toDoubleArray();
        assertEquals(0.0, s[0]);
        assertEquals(1.0, s[3]);
    }
}
