package org.occam.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.tensor.kernel.Parallel;

/**
 * The fused per-channel dot product (the scale gradient of the evaluation-mode batch norm) against
 * naive loops, against the path it replaces (sum over every axis but 1 of a·b), finite differences
 * of its first and second derivatives in float64, strided views, and thread counts.
 */
class ChannelDotTest {
    private static final DType F64 = DType.FLOAT64;
    private static final DType F32 = DType.FLOAT32;
    private static final int[][] SHAPES = {{7, 3}, {5, 3, 11}, {4, 5, 7, 9}, {2, 2, 1, 1}, {3, 4, 5, 13}, {6, 1, 33}};

    /** Σ over n and the trailing axes of a[n, c, s]·b[n, c, s], in double, loop by loop. */
    private static double[] naive(Tensor a, Tensor b) {
        double[] x = a.to(F64).contiguous().toDoubleArray();
        double[] y = b.to(F64).contiguous().toDoubleArray();
        int n = a.size(0);
        int c = a.size(1);
        int s = a.numel() / (n * c);
        double[] out = new double[c];
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < c; ch++) {
                for (int k = 0; k < s; k++) {
                    int at = (i * c + ch) * s + k;
                    out[ch] += x[at] * y[at];
                }
            }
        }
        return out;
    }

    private static int[] axes(int rank) {
        int[] r = new int[rank - 1];
        for (int i = 0, j = 0; i < rank; i++) {
            if (i != 1) {
                r[j++] = i;
            }
        }
        return r;
    }

    private static double scale(double[] v) {
        double m = 1;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    @Test
    void isTheNaiveLoopAndTheOldPathInFloat64() {
        Rng rng = Rng.seed(31);
        for (int[] shape : SHAPES) {
            Tensor a = rng.normal(F64, 0.3, 1.5, shape);
            Tensor b = rng.normal(F64, -0.2, 1, shape);
            double[] want = naive(a, b);
            String at = Arrays.toString(shape);
            double[] got = NormOps.channelDot(a, b).toDoubleArray();
            assertArrayEquals(want, got, 1e-12 * scale(want), "naive " + at);
            assertArrayEquals(a.mul(b).sum(axes(a.rank())).toDoubleArray(), got, 1e-12 * scale(want), "old path " + at);
        }
    }

    @Test
    void float32IsTheFloat64LoopWithinFloat32Rounding() {
        Rng rng = Rng.seed(32);
        for (int[] shape : SHAPES) {
            Tensor a = rng.normal(F64, 0, 1, shape);
            Tensor b = rng.normal(F64, 0, 1, shape);
            double[] want = naive(a.to(F32), b.to(F32));
            double[] got = NormOps.channelDot(a.to(F32), b.to(F32)).to(F64).toDoubleArray();
            // products exact in double, summed in double, one rounding to float32 at the end
            assertArrayEquals(want, got, 1e-6 * scale(want), Arrays.toString(shape));
        }
    }

    @Test
    void stridedInputsAreReadThroughTheirViews() {
        Rng rng = Rng.seed(33);
        Tensor base = rng.normal(F64, 0, 1, 6, 4, 5, 3);
        Tensor a = base.permute(0, 3, 2, 1).slice(3, 1, 4); // [6, 3, 5, 3], not contiguous
        Tensor b = rng.normal(F64, 0, 1, 6, 3, 5, 3);
        assertArrayEquals(naive(a, b), NormOps.channelDot(a, b).toDoubleArray(), 1e-12 * scale(naive(a, b)));
        assertArrayEquals(NormOps.channelDot(a.contiguous(), b).toDoubleArray(), NormOps.channelDot(a, b).toDoubleArray(), 0.0);
    }

    @Test
    void firstAndSecondDerivativesMatchFiniteDifferences() {
        Rng rng = Rng.seed(34);
        for (int[] shape : new int[][] {{5, 2}, {3, 2, 4}, {2, 3, 2, 3}}) {
            Params p = Params.of("a", rng.normal(F64, 0, 1, shape), "b", rng.normal(F64, 0, 1, shape), "w",
                    rng.normal(F64, 0, 1, shape[1]));
            // nonlinear in the dot, so the Hessian couples a, b and w
            Function<Params, Tensor> f = q -> NormOps.channelDot(q.get("a"), q.get("b")).mul(q.get("w")).tanh().sum()
                    .add(NormOps.channelDot(q.get("a"), q.get("a")).square().sum().mul(0.1));
            OpsGradCheck.checkGrad(f, p);
            OpsGradCheck.checkHvp(f, p, rng);
            // second order through the backward pass: a gradient-norm penalty
            Function<Params, Tensor> penalty = q -> Autodiff.grad(f).apply(q).get("a").square().sum();
            OpsGradCheck.checkGrad(penalty, p);
        }
    }

    @Test
    void bitsDoNotDependOnThreadCount() {
        for (DType dt : DType.values()) {
            assertArrayEquals(threaded(1, dt), threaded(2, dt), 0.0, dt.toString());
        }
    }

    @Test
    void mismatchedShapesOrDtypesAreRejectedInOneLine() {
        Tensor a = Tensor.zeros(F64, 4, 3, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NormOps.channelDot(a, Tensor.zeros(F64, 4, 3, 3)));
        assertTrue(e.getMessage().startsWith("channel_dot needs two tensors of one shape and dtype"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NormOps.channelDot(a, Tensor.zeros(F32, 4, 3, 2)));
        assertThrows(IllegalArgumentException.class, () -> NormOps.channelDot(Tensor.zeros(F64, 4), Tensor.zeros(F64, 4)));
    }

    /** Value, gradient and HVP of a scalar of channel_dot on enough channels to split the kernel into chunks. */
    private static double[] threaded(int threads, DType dt) {
        int old = Parallel.threads();
        Parallel.setThreads(threads);
        try {
            Rng rng = Rng.seed(35);
            int[] shape = {16, 12, 13, 11};
            Params p = Params.of("a", rng.normal(dt, 0, 1, shape), "b", rng.normal(dt, 0, 1, shape));
            Function<Params, Tensor> f = q -> NormOps.channelDot(q.get("a"), q.get("b")).tanh().sum();
            Tensor y = Recording.noGrad(() -> NormOps.channelDot(p.get("a"), p.get("b")));
            Params g = Autodiff.grad(f).apply(p);
            Params hv = Autodiff.hvp(f, p, g);
            return Ops.concat(0, y.to(F64), g.flatten().to(F64), hv.flatten().to(F64)).toDoubleArray();
        } finally {
            Parallel.setThreads(old);
        }
    }
}
