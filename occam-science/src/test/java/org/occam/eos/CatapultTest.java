package org.occam.eos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/** Catapult detection on constructed series, and the catapult of a wide 2-layer linear net at h = 1.3·2/λ₀. */
class CatapultTest {
    static final double NAN = Double.NaN;

    @Test
    void detectsASpikeFollowedByASharpnessDrop() {
        double[] loss = {1, 0.9, 0.8, 2, 5, 20, 8, 1, 0.5, 0.3};
        double[] sharp = {10, NAN, 10, NAN, 9, 6, 4, 3, NAN, 3};
        List<Catapult> c = Catapult.detect(loss, sharp, 2, 0.1);
        assertEquals(1, c.size());
        assertEquals(new Catapult(3, 5, 7, 0.8, 20, 10, 3), c.getFirst());
    }

    @Test
    void aSpikeWithoutADropOrADivergenceIsNotACatapult() {
        double[] loss = {1, 0.9, 0.8, 2, 5, 20, 8, 1, 0.5, 0.3};
        double[] flat = {10, 10, 10, 10, 10, 10, 10, 10, 10, 10};
        assertTrue(Catapult.detect(loss, flat, 2, 0.1).isEmpty());
        double[] drops = {10, 10, 10, 10, 9, 6, 4, 3, 3, 3};
        double[] diverges = {1, 0.9, 0.8, 2, 5, 20, 80, 800, Double.POSITIVE_INFINITY, NAN};
        assertTrue(Catapult.detect(diverges, drops, 2, 0.1).isEmpty());
        double[] smooth = {1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1};
        assertTrue(Catapult.detect(smooth, drops, 2, 0.1).isEmpty());
    }

    @Test
    void wideLinearNetCatapultsJustAboveTwoOverLambda() {
        // f(x) = vᵀu·x/√m, one example (x = 1, y = 1), L = ½(f − y)²; Lewkowycz et al.'s catapult window 2/λ₀ < h < 4/λ₀
        int m = 64;
        Rng rng = Rng.seed(4);
        double[] u = new double[m];
        double[] v = new double[m];
        for (int i = 0; i < m; i++) {
            u[i] = rng.nextGaussian();
            v[i] = rng.nextGaussian();
        }
        Function<Params, Tensor> loss = p -> p.get("u").dot(p.get("v")).mul(1 / Math.sqrt(m)).sub(1).square().mul(0.5);
        Params p = Params.of("u", Tensor.of(u, m), "v", Tensor.of(v, m));
        // the sharpness Lewkowycz et al. track: the NTK eigenvalue λ = ‖∇f‖² (one example, so the NTK is 1×1)
        Function<Params, Params> gf = Autodiff.grad(q -> q.get("u").dot(q.get("v")).mul(1 / Math.sqrt(m)));
        Function<Params, Double> ntk = q -> gf.apply(q).normSquared().item();
        double lambda0 = ntk.apply(p);
        double h = 1.3 * 2 / lambda0;
        int steps = 120;
        double[] l = new double[steps];
        double[] s = new double[steps];
        Function<Params, Params> g = Autodiff.grad(loss);
        for (int t = 0; t < steps; t++) {
            l[t] = loss.apply(p).item();
            s[t] = ntk.apply(p);
            p = p.addScaled(g.apply(p), -h);
        }
        List<Catapult> c = Catapult.detect(l, s, 2, 0.1);
        assertEquals(1, c.size(), "one catapult");
        Catapult k = c.getFirst();
        System.out.printf("catapult: loss %.3g -> peak %.3g at step %d, lambda %.3f -> %.3f, 2/h = %.3f%n", l[0],
                k.lossPeak(), k.peak(), k.sharpnessBefore(), k.sharpnessAfter(), 2 / h);
        assertTrue(k.sharpnessAfter() < 2 / h, "the sharpness fell below 2/h: " + k.sharpnessAfter() + " vs " + 2 / h);
        assertTrue(l[steps - 1] < 1e-6, "and training converged: " + l[steps - 1]);
    }
}
