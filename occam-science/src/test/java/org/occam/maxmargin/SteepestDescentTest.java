package org.occam.maxmargin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.optim.Adam;
import org.occam.optim.OptState;
import org.occam.tensor.Tensor;

/** Steepest-descent directions against brute force over each unit ball, and sign descent as Adam's limit. */
class SteepestDescentTest {
    static final double[] G = {0.7, -1.3, 0.05, -0.2};

    static double dot(double[] a, double[] b) {
        return HardMarginSvm.dot(a, b);
    }

    @Test
    void signIsTheLinfSteepestDirection() {
        double[] d = SteepestDescent.direction(G, Norm.LINF);
        assertArrayEquals(new double[] {-1, 1, -1, 1}, d, 0);
        // a linear function on the cube is minimized at a vertex: enumerate all 2^4 of them
        double best = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < 16; mask++) {
            double[] v = new double[4];
            for (int j = 0; j < 4; j++) {
                v[j] = (mask >> j & 1) == 1 ? 1 : -1;
            }
            best = Math.min(best, dot(G, v));
        }
        assertEquals(best, dot(G, d), 1e-15);
        assertEquals(-Norm.L1.of(G), dot(G, d), 1e-15);
        Random r = new Random(3);
        for (int k = 0; k < 10_000; k++) {
            double[] v = new double[4];
            for (int j = 0; j < 4; j++) {
                v[j] = 2 * r.nextDouble() - 1;
            }
            assertTrue(dot(G, v) >= dot(G, d) - 1e-15);
        }
    }

    @Test
    void l2AndL1DirectionsMinimizeOverTheirBalls() {
        double[] d2 = SteepestDescent.direction(G, Norm.L2);
        assertEquals(1, Norm.L2.of(d2), 1e-15);
        assertEquals(-Norm.L2.of(G), dot(G, d2), 1e-14);
        double[] d1 = SteepestDescent.direction(G, Norm.L1);
        assertArrayEquals(new double[] {0, 1, 0, 0}, d1, 0);
        assertEquals(-Norm.LINF.of(G), dot(G, d1), 1e-15);
        Random r = new Random(4);
        for (int k = 0; k < 10_000; k++) {
            double[] v = new double[4];
            for (int j = 0; j < 4; j++) {
                v[j] = r.nextGaussian();
            }
            double n2 = Norm.L2.of(v);
            double n1 = Norm.L1.of(v);
            double[] u2 = new double[4];
            double[] u1 = new double[4];
            for (int j = 0; j < 4; j++) {
                u2[j] = v[j] / n2;
                u1[j] = v[j] / n1;
            }
            assertTrue(dot(G, u2) >= dot(G, d2) - 1e-14);
            assertTrue(dot(G, u1) >= dot(G, d1) - 1e-14);
        }
    }

    @Test
    void stepScalesByTheDualNorm() {
        double[] w = {1, 2, 3, 4};
        double[] s = SteepestDescent.step(w, G, 0.1, Norm.LINF);
        double l1 = Norm.L1.of(G);
        for (int j = 0; j < 4; j++) {
            assertEquals(w[j] - 0.1 * l1 * Math.signum(G[j]), s[j], 1e-15);
        }
        double[] gd = SteepestDescent.step(w, G, 0.1, Norm.L2);
        for (int j = 0; j < 4; j++) {
            assertEquals(w[j] - 0.1 * G[j], gd[j], 1e-15);
        }
    }

    @Test
    void adamWithoutMemoryAndEpsilonIsSignDescent() {
        // β₁ = β₂ = 0: m = g, v = g², bias corrections 1 − 0^t = 1, so the step is h·g/(|g| + ε) → h·sign(g)
        Function<Params, Tensor> loss = p -> {
            Tensor t = p.get("w");
            return t.mul(Tensor.of(new double[] {1.5, -0.3, 2.0}, 3)).exp().sum().add(t.square().sum().mul(0.25));
        };
        Params w = Params.of("w", Tensor.of(new double[] {0.2, -0.7, 0.4}, 3));
        Params g = Autodiff.grad(loss).apply(w);
        double h = 0.05;
        double[] sign = SteepestDescent.step(w.get("w").toDoubleArray(),
                g.get("w").toDoubleArray(), h / Norm.L1.of(g.get("w").toDoubleArray()), Norm.LINF);
        double previous = Double.POSITIVE_INFINITY;
        for (double eps : new double[] {1e-2, 1e-4, 1e-6, 1e-8, 1e-10}) {
            Params next = new Adam(0, 0, eps, 0, false).update(w, g, OptState.empty(), h).params();
            double[] a = next.get("w").toDoubleArray();
            double gap = 0;
            for (int j = 0; j < 3; j++) {
                gap = Math.max(gap, Math.abs(a[j] - sign[j]));
            }
            assertTrue(gap < previous, "Adam(0, 0, eps) does not approach sign descent as eps shrinks: " + gap);
            assertTrue(gap <= h * eps / Math.abs(g.get("w").toDoubleArray()[1]) * 1.0001 + 1e-16);
            previous = gap;
        }
        assertTrue(previous < 1e-10);
    }
}
