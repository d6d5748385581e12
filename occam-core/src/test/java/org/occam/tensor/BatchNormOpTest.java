package org.occam.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.tensor.kernel.Parallel;

/**
 * The fused batch-norm ops against the composite path they replace (mean, centre, variance, divide,
 * scale and shift as separate differentiable ops), finite differences in float64 for first and
 * second derivatives, and thread counts.
 */
class BatchNormOpTest {
    private static final DType F64 = DType.FLOAT64;
    private static final DType F32 = DType.FLOAT32;
    private static final double EPS = 1e-5;
    /** float32 against the float64 composite: relative to the scale of the values compared. */
    private static final double F32_TOL = 2e-5;

    /** Input shapes: BN1d [N, C] and [N, C, L], BN2d [N, C, H, W], odd sizes, a long row (vector loops and tails). */
    private static final int[][] SHAPES = {{7, 3}, {5, 3, 11}, {4, 5, 7, 9}, {2, 2, 1, 1}, {3, 4, 5, 13}, {6, 1, 33}};

    /** The composite training-mode batch norm that nn.BatchNorm used before the fused op. */
    private static Tensor composite(Tensor x, Tensor w, Tensor b) {
        int[] axes = axes(x.rank());
        int n = x.numel() / x.size(1);
        Tensor mean = x.sumKeep(axes).div(n);
        Tensor centered = x.sub(mean);
        Tensor var = centered.square().sumKeep(axes).div(n);
        Tensor y = centered.div(var.add(EPS).sqrt());
        return w == null ? y : y.mul(w.reshape(channel(x))).add(b.reshape(channel(x)));
    }

    /** The composite evaluation-mode batch norm with running statistics rm, rv. */
    private static Tensor compositeEval(Tensor x, Tensor w, Tensor b, Tensor rm, Tensor rv) {
        Tensor y = x.sub(rm.reshape(channel(x))).div(rv.reshape(channel(x)).add(EPS).sqrt());
        return y.mul(w.reshape(channel(x))).add(b.reshape(channel(x)));
    }

    private static Tensor fused(Tensor x, Tensor w, Tensor b) {
        return Ops.batchNorm(x, w, b, EPS).output();
    }

    private static Tensor fusedEval(Tensor x, Tensor w, Tensor b, Tensor rm, Tensor rv) {
        Tensor scale = w.div(rv.add(EPS).sqrt());
        return Ops.channelAffine(x, scale, b.sub(rm.mul(scale)));
    }

    private static int[] axes(int rank) {
        int[] a = new int[rank - 1];
        for (int i = 0, j = 0; i < rank; i++) {
            if (i != 1) {
                a[j++] = i;
            }
        }
        return a;
    }

    private static int[] channel(Tensor x) {
        int[] s = new int[x.rank()];
        Arrays.fill(s, 1);
        s[1] = x.size(1);
        return s;
    }

    /** x, weight, bias, running mean, running (positive) variance, and an output weighting, for a shape. */
    private static Params inputs(int[] shape, Rng rng, DType dt) {
        int c = shape[1];
        return Params.of("x", rng.normal(dt, 0.7, 2, shape), "w", rng.normal(dt, 1, 0.5, c), "b", rng.normal(dt, 0, 1, c),
                "rm", rng.normal(dt, 0, 1, c), "rv", rng.uniform(dt, 0.5, 2, c), "u", rng.normal(dt, 0, 1, shape));
    }

    /** A smooth scalar of the output that couples its elements (so second derivatives do not vanish). */
    private static Tensor loss(Tensor y, Tensor u) {
        return y.mul(u).tanh().sum().add(y.square().mean());
    }

    private static Function<Params, Tensor> train(boolean fusedOp) {
        return q -> loss(fusedOp ? fused(q.get("x"), q.get("w"), q.get("b")) : composite(q.get("x"), q.get("w"), q.get("b")),
                q.get("u"));
    }

    private static Function<Params, Tensor> eval(boolean fusedOp) {
        return q -> loss(fusedOp ? fusedEval(q.get("x"), q.get("w"), q.get("b"), q.get("rm"), q.get("rv"))
                : compositeEval(q.get("x"), q.get("w"), q.get("b"), q.get("rm"), q.get("rv")), q.get("u"));
    }

    private static double[] values(Tensor t) {
        return t.to(F64).toDoubleArray();
    }

    private static double scale(double[] v) {
        double m = 0;
        for (double a : v) {
            m = Math.max(m, Math.abs(a));
        }
        return Math.max(1, m);
    }

    @Test
    void valuesGradientsAndHvpsMatchTheCompositePathInFloat64() {
        Rng rng = Rng.seed(21);
        for (int[] shape : SHAPES) {
            Params p = inputs(shape, rng, F64);
            Params v = p.map(t -> rng.normal(F64, 0, 1, t.shapeRef()));
            String at = Arrays.toString(shape);
            Tensor x = p.get("x");
            assertArrayEquals(values(composite(x, p.get("w"), p.get("b"))), values(fused(x, p.get("w"), p.get("b"))), 1e-12,
                    "train values " + at);
            assertArrayEquals(values(composite(x, null, null)), values(Ops.batchNorm(x, null, null, EPS).output()), 1e-12,
                    "train values without affine " + at);
            assertArrayEquals(values(compositeEval(x, p.get("w"), p.get("b"), p.get("rm"), p.get("rv"))),
                    values(fusedEval(x, p.get("w"), p.get("b"), p.get("rm"), p.get("rv"))), 1e-12, "eval values " + at);
            for (boolean isTrain : new boolean[] {true, false}) {
                Function<Params, Tensor> a = isTrain ? train(false) : eval(false);
                Function<Params, Tensor> b = isTrain ? train(true) : eval(true);
                String mode = (isTrain ? "train " : "eval ") + at;
                double[] ga = Autodiff.grad(a).apply(p).flatten().toDoubleArray();
                assertArrayEquals(ga, Autodiff.grad(b).apply(p).flatten().toDoubleArray(), 1e-12 * scale(ga), "gradient " + mode);
                double[] ha = Autodiff.hvp(a, p, v).flatten().toDoubleArray();
                assertArrayEquals(ha, Autodiff.hvp(b, p, v).flatten().toDoubleArray(), 1e-11 * scale(ha), "hvp " + mode);
            }
        }
    }

    @Test
    void float32IsTheFloat64CompositeWithinFloat32Rounding() {
        Rng rng = Rng.seed(22);
        for (int[] shape : SHAPES) {
            Params p64 = inputs(shape, rng, F64);
            Params p32 = p64.map(t -> t.to(F32));
            String at = Arrays.toString(shape);
            double[] want = values(composite(p64.get("x"), p64.get("w"), p64.get("b")));
            assertArrayEquals(want, values(fused(p32.get("x"), p32.get("w"), p32.get("b"))), F32_TOL * scale(want),
                    "train values " + at);
            double[] wantEval = values(compositeEval(p64.get("x"), p64.get("w"), p64.get("b"), p64.get("rm"), p64.get("rv")));
            assertArrayEquals(wantEval, values(fusedEval(p32.get("x"), p32.get("w"), p32.get("b"), p32.get("rm"), p32.get("rv"))),
                    F32_TOL * scale(wantEval), "eval values " + at);
            for (boolean isTrain : new boolean[] {true, false}) {
                double[] g = Autodiff.grad(isTrain ? train(false) : eval(false)).apply(p64).flatten().toDoubleArray();
                double[] g32 = values(Autodiff.grad(isTrain ? train(true) : eval(true)).apply(p32).flatten());
                assertArrayEquals(g, g32, 1e-4 * scale(g), "gradient " + (isTrain ? "train " : "eval ") + at);
            }
        }
    }

    @Test
    void firstAndSecondDerivativesMatchFiniteDifferences() {
        Rng rng = Rng.seed(23);
        for (int[] shape : new int[][] {{5, 2}, {3, 2, 4}, {2, 3, 2, 3}}) {
            Params p = inputs(shape, rng, F64);
            for (Function<Params, Tensor> f : List.of(train(true), eval(true))) {
                OpsGradCheck.checkGrad(f, p);
                OpsGradCheck.checkHvp(f, p, rng);
                // second order through the backward pass itself: the gradient-norm penalty ‖∇_x f‖² + ‖∇_w f‖²
                Function<Params, Tensor> penalty = q -> {
                    Params g = Autodiff.grad(f).apply(q);
                    return g.get("x").square().sum().add(g.get("w").square().sum());
                };
                OpsGradCheck.checkGrad(penalty, p);
            }
        }
    }

    @Test
    void batchStatisticsAreTheCompositeOnes() {
        Rng rng = Rng.seed(24);
        for (int[] shape : SHAPES) {
            Tensor x = rng.normal(F64, 3, 2, shape);
            BatchNormResult r = Ops.batchNorm(x, null, null, EPS);
            int n = x.numel() / x.size(1);
            Tensor mean = x.sumKeep(axes(x.rank())).div(n);
            Tensor var = x.sub(mean).square().sumKeep(axes(x.rank())).div(n);
            assertArrayEquals(values(mean), values(r.mean()), 1e-12, "mean " + Arrays.toString(shape));
            assertArrayEquals(values(var), values(r.var()), 1e-12, "variance " + Arrays.toString(shape));
            assertTrue(!r.mean().requiresGrad() && r.mean().rank() == 1 && r.var().size(0) == x.size(1));
        }
    }

    @Test
    void stridedInputIsReadThroughItsView() {
        Rng rng = Rng.seed(25);
        Tensor base = rng.normal(F64, 0, 1, 6, 4, 5, 3);
        Tensor view = base.permute(0, 3, 2, 1).slice(3, 1, 4); // [6, 3, 5, 3], not contiguous
        Tensor w = rng.normal(F64, 1, 0.3, 3);
        Tensor b = rng.normal(F64, 0, 1, 3);
        assertArrayEquals(values(composite(view.contiguous(), w, b)), values(fused(view, w, b)), 1e-12);
        assertArrayEquals(values(Ops.channelAffine(view.contiguous(), w, b)), values(Ops.channelAffine(view, w, b)), 0.0);
    }

    @Test
    void bitsDoNotDependOnThreadCount() {
        for (DType dt : DType.values()) {
            assertArrayEquals(threaded(1, dt), threaded(2, dt), 0.0, dt.toString());
        }
    }

    @Test
    void mismatchedPerChannelVectorsAreRejectedInOneLine() {
        Tensor x = Tensor.zeros(F64, 4, 3, 2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ops.batchNorm(x, Tensor.ones(F64, 4), null, EPS));
        assertTrue(e.getMessage().contains("must be [3]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ops.channelAffine(x, Tensor.ones(F32, 3), null));
        assertThrows(IllegalArgumentException.class, () -> Ops.batchNorm(Tensor.zeros(F64, 4), null, null, EPS));
    }

    /** Output, gradient and HVP on enough rows and channels to split the kernels across several chunks. */
    private static double[] threaded(int threads, DType dt) {
        int old = Parallel.threads();
        Parallel.setThreads(threads);
        try {
            Params p = inputs(new int[] {16, 12, 13, 11}, Rng.seed(26), dt);
            Tensor y = Recording.noGrad(() -> fused(p.get("x"), p.get("w"), p.get("b")));
            Params g = Autodiff.grad(train(true)).apply(p);
            Params ge = Autodiff.grad(eval(true)).apply(p);
            Params hv = Autodiff.hvp(train(true), p, g);
            return Ops.concat(0, y.flatten().to(F64), g.flatten().to(F64), ge.flatten().to(F64), hv.flatten().to(F64))
                    .toDoubleArray();
        } finally {
            Parallel.setThreads(old);
        }
    }
}
