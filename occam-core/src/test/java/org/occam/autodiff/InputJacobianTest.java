package org.occam.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.tensor.kernel.Parallel;

class InputJacobianTest {
    /** The batched-cotangent Frobenius norm equals the sum over examples of dense Jacobians. */
    @Test
    void frobeniusNormMatchesDenseJacobians() {
        Rng rng = Rng.seed(12);
        DType f64 = DType.FLOAT64;
        Tensor w1 = rng.normal(f64, 0, 1, 5, 4);
        Tensor b1 = rng.normal(f64, 0, 1, 5);
        Tensor w2 = rng.normal(f64, 0, 1, 3, 5);
        Function<Tensor, Tensor> f = x -> x.matmul(w1.t()).add(b1).tanh().matmul(w2.t());
        Tensor x = rng.normal(f64, 0, 1, 6, 4);
        double expected = 0;
        for (int b = 0; b < 6; b++) {
            Tensor xb = x.slice(0, b, b + 1).reshape(4);
            Tensor j = Autodiff.jacobian(xi -> f.apply(xi.reshape(1, 4)).reshape(3), xb);
            expected += j.square().sum().item();
        }
        double got = InputJacobian.frobeniusSquared(f, x, 3).item();
        assertEquals(expected, got, 1e-12 * expected);
    }

    /** Σ_b ‖J_b‖² of the dense per-example Jacobians of f: [B, d] → [B, k] (the exact value). */
    private static double dense(Function<Tensor, Tensor> f, Tensor x, int k) {
        int d = x.size(1);
        double s = 0;
        for (int b = 0; b < x.size(0); b++) {
            Tensor xb = x.slice(0, b, b + 1).reshape(d);
            s += Autodiff.jacobian(xi -> f.apply(xi.reshape(1, d)).reshape(k), xb).square().sum().item();
        }
        return s;
    }

    /** rest(h) = tanh(h) W2ᵀ, the part of a two-layer net after its first linear layer. */
    private static Function<Tensor, Tensor> rest(Tensor w2) {
        return h -> h.tanh().matmul(w2.t());
    }

    /**
     * The Gram form (hidden 3 ≪ k·B = 30, d = 20: chosen by the operation count) and the direct
     * form (hidden 40 &gt; d = 8) both equal the dense Jacobians and the one-pass stacked path.
     */
    @Test
    void afterLinearMatchesDenseJacobiansAndStackedPath() {
        Rng rng = Rng.seed(13);
        DType f64 = DType.FLOAT64;
        for (int[] dims : new int[][] {{20, 3, 2, 15}, {8, 40, 3, 5}}) {
            int d = dims[0];
            int hidden = dims[1];
            int k = dims[2];
            int b = dims[3];
            Tensor w1 = rng.normal(f64, 0, 1, hidden, d);
            Tensor b1 = rng.normal(f64, 0, 1, hidden);
            Tensor w2 = rng.normal(f64, 0, 1, k, hidden);
            Tensor x = rng.normal(f64, 0, 1, b, d);
            Function<Tensor, Tensor> f = z -> rest(w2).apply(z.matmul(w1.t()).add(b1));
            double exact = dense(f, x, k);
            double got = InputJacobian.frobeniusSquaredAfterLinear(w1, b1, rest(w2), x, k).item();
            double stacked = InputJacobian.frobeniusSquared(f, x, k).item();
            assertEquals(exact, got, 1e-12 * exact, "hidden " + hidden);
            assertEquals(stacked, got, 1e-12 * exact, "hidden " + hidden);
        }
    }

    /** The block-triangular Gram inner product equals Σ ‖R W‖² over several blocks and a partial one. */
    @Test
    void gramInnerMatchesDirectProduct() {
        Rng rng = Rng.seed(14);
        for (int hidden : new int[] {1, InputJacobian.GRAM_BLOCK, 2 * InputJacobian.GRAM_BLOCK + 13}) {
            Tensor w = rng.normal(DType.FLOAT64, 0, 1, hidden, 37);
            Tensor r = rng.normal(DType.FLOAT64, 0, 1, 29, hidden);
            double direct = r.matmul(w).square().sum().item();
            double gram = InputJacobian.gramInner(w, r).item();
            assertEquals(direct, gram, 1e-12 * direct, "hidden " + hidden);
        }
    }

    /** float32 Gram form against float64 direct: agreement to float32 rounding. */
    @Test
    void gramInnerFloat32MatchesFloat64() {
        Rng rng = Rng.seed(15);
        Tensor w = rng.uniform(DType.FLOAT64, -0.05, 0.05, 150, 300);
        Tensor r = rng.normal(DType.FLOAT64, 0, 1, 400, 150);
        double exact = r.matmul(w).square().sum().item();
        double f32 = InputJacobian.gramInner(w.to(DType.FLOAT32), r.to(DType.FLOAT32)).item();
        assertTrue(Math.abs(f32 - exact) < 1e-5 * exact, "float32 " + f32 + " vs float64 " + exact);
    }

    /** The Gram form is differentiable: its parameter gradient matches central differences. */
    @Test
    void afterLinearGradientMatchesFiniteDifferences() {
        Rng rng = Rng.seed(16);
        DType f64 = DType.FLOAT64;
        Tensor x = rng.normal(f64, 0, 1, 15, 20);
        Params p = Params.of("w1", rng.normal(f64, 0, 0.5, 3, 20), "b1", rng.normal(f64, 0, 0.5, 3),
                "w2", rng.normal(f64, 0, 0.5, 2, 3));
        GradCheck.checkGrad("‖J‖² after linear", q -> InputJacobian.frobeniusSquaredAfterLinear(q.get("w1"), q.get("b1"),
                rest(q.get("w2")), x, 2), p, 1e-6);
    }

    /** Identical bits with 1 and 2 threads, float32, Gram path at benchmark-like proportions. */
    @Test
    void afterLinearIsThreadCountInvariant() {
        Rng rng = Rng.seed(17);
        DType f32 = DType.FLOAT32;
        Tensor w1 = rng.uniform(f32, -0.05, 0.05, 96, 300);
        Tensor b1 = rng.uniform(f32, -0.05, 0.05, 96);
        Tensor w2 = rng.uniform(f32, -0.1, 0.1, 10, 96);
        Tensor x = rng.normal(f32, 0, 1, 64, 300);
        int old = Parallel.threads();
        double[] out = new double[2];
        try {
            for (int t = 1; t <= 2; t++) {
                Parallel.setThreads(t);
                out[t - 1] = InputJacobian.frobeniusSquaredAfterLinear(w1, b1, rest(w2), x, 10).item();
            }
        } finally {
            Parallel.setThreads(old);
        }
        assertArrayEquals(new double[] {out[0]}, new double[] {out[1]});
    }
}
