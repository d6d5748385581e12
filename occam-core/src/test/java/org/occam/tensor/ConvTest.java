package org.occam.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.tensor.kernel.Im2col;
import org.occam.tensor.kernel.Parallel;

/** The per-image conv kernels against naive loops, the former whole-batch im2col path, finite differences and thread counts. */
class ConvTest {

    /** {n, c, h, w, o, kh, kw, stride, pad}: odd sizes, rectangular kernels, strides, padding, 1×1. */
    private static final int[][] CASES = {
        {2, 3, 5, 4, 2, 3, 3, 1, 1}, {1, 2, 7, 6, 3, 3, 2, 2, 1}, {3, 1, 6, 6, 2, 2, 2, 2, 0}, {2, 4, 3, 5, 3, 1, 1, 1, 0},
        {2, 3, 5, 5, 2, 1, 1, 2, 0}, {1, 2, 4, 7, 2, 3, 3, 3, 2}, {9, 2, 4, 4, 3, 3, 3, 1, 1},
    };

    static int[] xShape(int[] cs) {
        return new int[] {cs[0], cs[1], cs[2], cs[3]};
    }

    static int[] wShape(int[] cs) {
        return new int[] {cs[4], cs[1], cs[5], cs[6]};
    }

    static Tensor conv(Tensor x, Tensor w, int[] cs) {
        return Ops.conv2d(x, w, null, cs[7], cs[8]);
    }

    /** The former path: the whole batch unfolded, then one matmul. */
    static Tensor byColumns(Tensor x, Tensor w, int[] cs) {
        int ho = Im2col.outSize(cs[2], cs[5], cs[7], cs[8]);
        int wo = Im2col.outSize(cs[3], cs[6], cs[7], cs[8]);
        Tensor cols = ConvOps.unfold(x, cs[5], cs[6], cs[7], cs[8], 0);
        Tensor out = MatmulOps.mm(ViewOps.reshape(w, cs[4], cs[1] * cs[5] * cs[6]), cols);
        return ViewOps.reshape(out, cs[0], cs[4], ho, wo);
    }

    /** The definition, one output element at a time. */
    static double[] naive(double[] x, double[] w, int[] cs) {
        int n = cs[0], c = cs[1], h = cs[2], wd = cs[3], o = cs[4], kh = cs[5], kw = cs[6], st = cs[7], pad = cs[8];
        int ho = Im2col.outSize(h, kh, st, pad);
        int wo = Im2col.outSize(wd, kw, st, pad);
        double[] y = new double[n * o * ho * wo];
        for (int b = 0; b < n; b++) {
            for (int q = 0; q < o; q++) {
                for (int i = 0; i < ho; i++) {
                    for (int j = 0; j < wo; j++) {
                        double acc = 0;
                        for (int ch = 0; ch < c; ch++) {
                            for (int u = 0; u < kh; u++) {
                                for (int v = 0; v < kw; v++) {
                                    int yy = i * st - pad + u;
                                    int xx = j * st - pad + v;
                                    if (yy >= 0 && yy < h && xx >= 0 && xx < wd) {
                                        acc += x[((b * c + ch) * h + yy) * wd + xx] * w[((q * c + ch) * kh + u) * kw + v];
                                    }
                                }
                            }
                        }
                        y[((b * o + q) * ho + i) * wo + j] = acc;
                    }
                }
            }
        }
        return y;
    }

    @Test
    void forwardMatchesNaiveLoops() {
        Rng rng = Rng.seed(21);
        for (int[] cs : CASES) {
            for (DType dtype : DType.values()) {
                Tensor x = rng.normal(dtype, 0, 1, xShape(cs));
                Tensor w = rng.normal(dtype, 0, 1, wShape(cs));
                assertArrayEquals(naive(x.toDoubleArray(), w.toDoubleArray(), cs), conv(x, w, cs).toDoubleArray(),
                        dtype == DType.FLOAT64 ? 1e-12 : 1e-4, Arrays.toString(cs) + " " + dtype);
            }
        }
    }

    @Test
    void valuesAndGradientsMatchTheColumnPath() {
        matchesColumnPath(CASES, Rng.seed(22), 1e-12, 1e-5, 1);
    }

    /**
     * conv2d against the whole-batch column path on each case and dtype: values, the gradient and an
     * HVP of a tanh-weighted sum (tolerances tol64 / tol32, HVPs 10x), weights drawn with SD wScale.
     */
    static void matchesColumnPath(int[][] cases, Rng rng, double tol64, double tol32, double wScale) {
        for (int[] cs : cases) {
            for (DType dtype : DType.values()) {
                double tol = dtype == DType.FLOAT64 ? tol64 : tol32;
                Params p = Params.of("x", rng.normal(dtype, 0, 1, xShape(cs)), "w", rng.normal(dtype, 0, wScale, wShape(cs)));
                Tensor probe = conv(p.get("x"), p.get("w"), cs);
                Tensor c = rng.normal(dtype, 0, 1, probe.shapeRef());
                assertArrayEquals(byColumns(p.get("x"), p.get("w"), cs).toDoubleArray(), probe.toDoubleArray(), tol);
                Function<Params, Tensor> now = q -> conv(q.get("x"), q.get("w"), cs).tanh().mul(c).sum();
                Function<Params, Tensor> before = q -> byColumns(q.get("x"), q.get("w"), cs).tanh().mul(c).sum();
                assertArrayEquals(Autodiff.grad(before).apply(p).flatten().toDoubleArray(),
                        Autodiff.grad(now).apply(p).flatten().toDoubleArray(), tol, Arrays.toString(cs) + " " + dtype);
                Params v = p.map(t -> rng.normal(dtype, 0, 1, t.shapeRef()));
                assertArrayEquals(Autodiff.hvp(before, p, v).flatten().toDoubleArray(),
                        Autodiff.hvp(now, p, v).flatten().toDoubleArray(), 10 * tol, "HVP " + Arrays.toString(cs));
            }
        }
    }

    @Test
    void firstAndSecondDerivativesMatchFiniteDifferences() {
        checkDerivatives(Arrays.copyOf(CASES, CASES.length - 1), Rng.seed(23));
    }

    /**
     * First and second derivatives of tanh(conv(x, w))·c against central differences in float64,
     * and the gradient of the penalty ‖∇f‖² (the backward pass differentiated), for each case.
     */
    static void checkDerivatives(int[][] cases, Rng rng) {
        for (int[] cs : cases) {
            Params p = Params.of("x", rng.normal(DType.FLOAT64, 0, 1, xShape(cs)),
                    "w", rng.normal(DType.FLOAT64, 0, 0.5, wShape(cs)));
            Tensor c = rng.normal(DType.FLOAT64, 0, 1, conv(p.get("x"), p.get("w"), cs).shapeRef());
            Function<Params, Tensor> f = q -> conv(q.get("x"), q.get("w"), cs).tanh().mul(c).sum();
            OpsGradCheck.checkGrad(f, p);
            OpsGradCheck.checkHvp(f, p, rng);
            // Through the backward pass: the penalty ‖∇_w f‖² + ‖∇_x f‖² differentiates both adjoint ops.
            Function<Params, Tensor> penalty = q -> Autodiff.grad(f).apply(q).normSquared();
            OpsGradCheck.checkGrad(penalty, p);
        }
    }

    @Test
    void bitsDoNotDependOnThreadCount() {
        for (DType dtype : DType.values()) {
            assertArrayEquals(threaded(1, dtype, 24, THREADED), threaded(2, dtype, 24, THREADED), 0.0, dtype.toString());
        }
    }

    /** A conv with more images than one weight-gradient group. */
    private static final int[] THREADED = {21, 3, 9, 8, 4, 3, 3, 2, 1};

    /** Value, gradient and HVP of conv case cs at a thread count, inputs drawn from the seed. */
    static double[] threaded(int threads, DType dtype, long seed, int[] cs) {
        int old = Parallel.threads();
        Parallel.setThreads(threads);
        try {
            Rng rng = Rng.seed(seed);
            Params p = Params.of("x", rng.normal(dtype, 0, 1, xShape(cs)), "w", rng.normal(dtype, 0, 1, wShape(cs)));
            Tensor c = rng.normal(dtype, 0, 1, conv(p.get("x"), p.get("w"), cs).shapeRef());
            Function<Params, Tensor> f = q -> conv(q.get("x"), q.get("w"), cs).tanh().mul(c).sum();
            Params g = Autodiff.grad(f).apply(p);
            Params hv = Autodiff.hvp(f, p, g);
            return Ops.concat(0, conv(p.get("x"), p.get("w"), cs).flatten().to(DType.FLOAT64),
                    g.flatten().to(DType.FLOAT64), hv.flatten().to(DType.FLOAT64)).toDoubleArray();
        } finally {
            Parallel.setThreads(old);
        }
    }
}
