package org.occam.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.tensor.kernel.Im2col;
import org.occam.tensor.kernel.Parallel;

/** The argmax max-pool against naive loops, the former im2col path, finite differences and thread counts. */
class MaxPoolTest {

    /** {n, c, h, w, k, stride, pad}: odd sizes, overlapping and gapped windows, padding. */
    private static final int[][] CASES = {
        {2, 3, 4, 4, 2, 2, 0}, {1, 2, 7, 5, 3, 2, 1}, {2, 1, 7, 7, 2, 2, 0}, {1, 2, 6, 5, 3, 1, 0},
        {3, 2, 5, 9, 3, 3, 1}, {1, 1, 5, 5, 1, 2, 0}, {2, 2, 9, 6, 4, 3, 2}, {1, 3, 3, 3, 3, 1, 1},
    };

    /** First-max pooling and its gradient for L = Σ c·pool(x), written as plain loops. */
    private static double[][] naive(double[] x, double[] c, int[] cs) {
        int n = cs[0] * cs[1];
        int h = cs[2];
        int w = cs[3];
        int k = cs[4];
        int st = cs[5];
        int pad = cs[6];
        int ho = Im2col.outSize(h, k, st, pad);
        int wo = Im2col.outSize(w, k, st, pad);
        double[] out = new double[n * ho * wo];
        double[] grad = new double[x.length];
        for (int p = 0; p < n; p++) {
            for (int oh = 0; oh < ho; oh++) {
                for (int ow = 0; ow < wo; ow++) {
                    double best = Double.NEGATIVE_INFINITY;
                    int at = -1;
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < k; j++) {
                            int y = oh * st - pad + i;
                            int xx = ow * st - pad + j;
                            if (y >= 0 && y < h && xx >= 0 && xx < w && (at < 0 || x[(p * h + y) * w + xx] > best)) {
                                best = x[(p * h + y) * w + xx];
                                at = (p * h + y) * w + xx;
                            }
                        }
                    }
                    int o = (p * ho + oh) * wo + ow;
                    out[o] = best;
                    grad[at] += c[o];
                }
            }
        }
        return new double[][] {out, grad};
    }

    private static int[] inShape(int[] cs) {
        return new int[] {cs[0], cs[1], cs[2], cs[3]};
    }

    private static int[] outShape(int[] cs) {
        return new int[] {cs[0], cs[1], Im2col.outSize(cs[2], cs[4], cs[5], cs[6]), Im2col.outSize(cs[3], cs[4], cs[5], cs[6])};
    }

    private static Tensor pool(Tensor x, int[] cs) {
        return Ops.maxPool2d(x, cs[4], cs[5], cs[6]);
    }

    /** The former path: a max over im2col columns padded with -inf (splits gradients among ties). */
    private static Tensor byColumns(Tensor x, int[] cs) {
        int[] s = x.shape();
        int[] o = outShape(cs);
        Tensor planes = ViewOps.reshape(x, s[0] * s[1], 1, s[2], s[3]);
        Tensor cols = ConvOps.unfold(planes, cs[4], cs[4], cs[5], cs[6], Double.NEGATIVE_INFINITY);
        return ViewOps.reshape(ReduceOps.max(cols, false, 1), o);
    }

    /** Distinct values in random order, spaced 0.05 apart: no ties, and no argmax flips under 1e-5 steps. */
    private static Tensor tieFree(int[] shape, Rng rng) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 0.05 * i - 0.025 * n;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        return Tensor.of(v, shape);
    }

    /** Small integers: many ties in every window. */
    private static Tensor withTies(int[] shape, Rng rng, DType dtype) {
        Tensor u = rng.uniform(DType.FLOAT64, 0, 3, shape);
        double[] v = u.toDoubleArray();
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.floor(v[i]);
        }
        return Tensor.of(dtype, v, shape);
    }

    @Test
    void valuesAndGradientMatchNaiveLoopsIncludingTies() {
        Rng rng = Rng.seed(11);
        for (int[] cs : CASES) {
            for (DType dtype : DType.values()) {
                Tensor x = withTies(inShape(cs), rng, dtype);
                Tensor c = Tensor.of(dtype, rng.normal(DType.FLOAT64, 0, 1, outShape(cs)).toDoubleArray(), outShape(cs));
                double[][] ref = naive(x.toDoubleArray(), c.toDoubleArray(), cs);
                assertArrayEquals(ref[0], pool(x, cs).toDoubleArray(), 0.0, "values " + Arrays.toString(cs));
                Tensor g = Autodiff.gradTensor(t -> pool(t, cs).mul(c).sum()).apply(x);
                assertArrayEquals(ref[1], g.toDoubleArray(), dtype == DType.FLOAT64 ? 1e-12 : 1e-5,
                        "gradient " + Arrays.toString(cs) + " " + dtype);
            }
        }
    }

    @Test
    void matchesTheColumnPathWithoutTies() {
        Rng rng = Rng.seed(12);
        for (int[] cs : CASES) {
            Tensor x = tieFree(inShape(cs), rng);
            Tensor c = rng.normal(DType.FLOAT64, 0, 1, outShape(cs));
            assertArrayEquals(byColumns(x, cs).toDoubleArray(), pool(x, cs).toDoubleArray(), 0.0);
            Function<Tensor, Tensor> a = t -> pool(t, cs).tanh().mul(c).sum();
            Function<Tensor, Tensor> b = t -> byColumns(t, cs).tanh().mul(c).sum();
            assertArrayEquals(Autodiff.gradTensor(b).apply(x).toDoubleArray(),
                    Autodiff.gradTensor(a).apply(x).toDoubleArray(), 1e-14);
        }
    }

    @Test
    void tiesGoToTheFirstMaximumNotShared() {
        Tensor x = Tensor.of(new double[] {1, 3, 3, 0}, 1, 1, 2, 2);
        Tensor g = Autodiff.gradTensor(t -> Ops.maxPool2d(t, 2, 2, 0).sum()).apply(x);
        assertArrayEquals(new double[] {0, 1, 0, 0}, g.toDoubleArray(), 0.0);
    }

    @Test
    void firstAndSecondDerivativesMatchFiniteDifferences() {
        Rng rng = Rng.seed(13);
        for (int[] cs : CASES) {
            Tensor w = rng.normal(DType.FLOAT64, 0, 1, outShape(cs));
            Params p = Params.of("x", tieFree(inShape(cs), rng), "w", w);
            // Smooth around the pooled values; the w factor makes the Hessian couple x and w.
            Function<Params, Tensor> f = q -> pool(q.get("x"), cs).mul(q.get("w")).tanh().sum();
            OpsGradCheck.checkGrad(f, p);
            OpsGradCheck.checkHvp(f, p, rng);
            // Second order through the backward pass itself: the gradient norm penalty ‖∇_x f‖².
            Function<Params, Tensor> penalty = q -> Autodiff.grad(f).apply(q).get("x").square().sum();
            OpsGradCheck.checkGrad(penalty, p);
        }
    }

    @Test
    void bitsDoNotDependOnThreadCount() {
        for (DType dtype : DType.values()) {
            assertArrayEquals(threaded(1, dtype), threaded(2, dtype), 0.0, dtype.toString());
        }
    }

    @Test
    void paddingAboveHalfTheKernelIsRejected() {
        Tensor x = Tensor.zeros(DType.FLOAT64, 1, 1, 4, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ops.maxPool2d(x, 2, 2, 2));
        assertTrue(e.getMessage().contains("padding 2"), e.getMessage());
    }

    /** Values, gradient and HVP of a pooled net on enough planes to split across several chunks. */
    private static double[] threaded(int threads, DType dtype) {
        int old = Parallel.threads();
        Parallel.setThreads(threads);
        try {
            Rng rng = Rng.seed(14);
            int[] cs = {64, 40, 9, 9, 3, 2, 1};
            Tensor w = rng.normal(dtype, 0, 1, outShape(cs));
            Params p = Params.of("x", rng.normal(dtype, 0, 1, inShape(cs)), "w", w);
            Function<Params, Tensor> f = q -> pool(q.get("x"), cs).mul(q.get("w")).tanh().sum();
            Params g = Autodiff.grad(f).apply(p);
            Params hv = Autodiff.hvp(f, p, g);
            Tensor y = Recording.noGrad(() -> pool(p.get("x"), cs));
            return Ops.concat(0, y.flatten().to(DType.FLOAT64), g.flatten().to(DType.FLOAT64),
                    hv.flatten().to(DType.FLOAT64)).toDoubleArray();
        } finally {
            Parallel.setThreads(old);
        }
    }
}
