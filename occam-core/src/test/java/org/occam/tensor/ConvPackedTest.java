package org.occam.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.tensor.kernel.Parallel;

/**
 * Convolutions wide enough (more than 4 output channels) to run the blocked GEMM, where the image
 * is unfolded straight into the packed B panels: against naive loops, the whole-batch column path,
 * finite differences (first and second order, through the backward pass too) and thread counts.
 */
class ConvPackedTest {

    /**
     * {n, c, h, w, o, kh, kw, stride, pad}: odd sizes, panels cut mid output row, several column
     * blocks (Ho*Wo above 1024) and depth blocks (C*kh*kw above 256), strides 2 and 3, 1×1 stride 2
     * (the ResNet projection shortcut), 5×5, batch 1.
     */
    private static final int[][] CASES = {
        {2, 3, 7, 5, 5, 3, 3, 1, 1}, {1, 4, 9, 11, 6, 3, 3, 2, 1}, {3, 5, 8, 8, 7, 1, 1, 2, 0},
        {2, 2, 13, 9, 9, 5, 5, 1, 2}, {1, 30, 6, 5, 17, 3, 3, 1, 1}, {1, 2, 37, 35, 5, 3, 3, 1, 1},
        {2, 3, 10, 7, 6, 3, 2, 3, 2}, {1, 1, 28, 28, 16, 5, 5, 1, 2}, {2, 3, 32, 32, 6, 3, 3, 1, 1},
        {1, 2, 9, 16, 5, 3, 3, 1, 1},
    };

    @Test
    void forwardMatchesNaiveLoops() {
        Rng rng = Rng.seed(31);
        for (int[] cs : CASES) {
            for (DType dtype : DType.values()) {
                Tensor x = rng.normal(dtype, 0, 1, ConvTest.xShape(cs));
                Tensor w = rng.normal(dtype, 0, 1, ConvTest.wShape(cs));
                assertArrayEquals(ConvTest.naive(x.toDoubleArray(), w.toDoubleArray(), cs), ConvTest.conv(x, w, cs).toDoubleArray(),
                        dtype == DType.FLOAT64 ? 1e-11 : 2e-4, Arrays.toString(cs) + " " + dtype);
            }
        }
    }

    @Test
    void nonContiguousInputMatchesItsCopy() {
        Rng rng = Rng.seed(32);
        for (DType dtype : DType.values()) {
            // [c, n, w, h] permuted to [n, c, h, w]: every stride differs from the dense layout's.
            Tensor base = rng.normal(dtype, 0, 1, 3, 2, 9, 11);
            Tensor x = base.permute(1, 0, 3, 2);
            Tensor w = rng.normal(dtype, 0, 1, 6, 3, 3, 3);
            Tensor dense = Tensor.of(dtype, x.toDoubleArray(), x.shape());
            assertArrayEquals(Ops.conv2d(dense, w, null, 2, 1).toDoubleArray(), Ops.conv2d(x, w, null, 2, 1).toDoubleArray(),
                    0.0, dtype.toString());
        }
    }

    @Test
    void valuesGradientsAndHvpsMatchTheColumnPath() {
        ConvTest.matchesColumnPath(CASES, Rng.seed(33), 1e-10, 2e-4, 0.3);
    }

    @Test
    void firstAndSecondDerivativesMatchFiniteDifferences() {
        Rng rng = Rng.seed(34);
        // The last case runs both packed products in float64 (16-column panels, 128 positions).
        int[][] small = {{2, 2, 5, 4, 5, 3, 3, 1, 1}, {1, 2, 6, 5, 6, 3, 3, 2, 1}, {2, 3, 4, 5, 5, 1, 1, 2, 0},
            {1, 1, 8, 16, 5, 3, 3, 1, 1}};
        ConvTest.checkDerivatives(small, rng);
    }

    @Test
    void bitsDoNotDependOnThreadCount() {
        for (DType dtype : DType.values()) {
            for (int[] cs : new int[][] {{19, 3, 9, 8, 6, 3, 3, 2, 1}, {11, 8, 16, 16, 16, 3, 3, 1, 1},
                {10, 3, 32, 32, 8, 3, 3, 1, 1}}) {
                assertArrayEquals(threaded(1, dtype, cs), threaded(2, dtype, cs), 0.0, dtype + " " + Arrays.toString(cs));
            }
        }
    }

    /** Value, gradient and HVP of a conv with more images than one weight-gradient group. */
    private static double[] threaded(int threads, DType dtype, int[] cs) {
        int old = Parallel.threads();
        Parallel.setThreads(threads);
        try {
            Rng rng = Rng.seed(35);
            Params p = Params.of("x", rng.normal(dtype, 0, 1, ConvTest.xShape(cs)), "w", rng.normal(dtype, 0, 1, ConvTest.wShape(cs)));
            Tensor c = rng.normal(dtype, 0, 1, ConvTest.conv(p.get("x"), p.get("w"), cs).shapeRef());
            Function<Params, Tensor> f = q -> ConvTest.conv(q.get("x"), q.get("w"), cs).tanh().mul(c).sum();
            Params g = Autodiff.grad(f).apply(p);
            Params hv = Autodiff.hvp(f, p, g);
            return Ops.concat(0, ConvTest.conv(p.get("x"), p.get("w"), cs).flatten().to(DType.FLOAT64),
                    g.flatten().to(DType.FLOAT64), hv.flatten().to(DType.FLOAT64)).toDoubleArray();
        } finally {
            Parallel.setThreads(old);
        }
    }
}
