package org.occam.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.tensor.kernel.Parallel;

/**
 * conv2d on the shapes whose input gradient is a forward convolution with the flipped kernel
 * (stride 1, square kernels, padding 0..k−1, no more output than input channels): first and second
 * derivatives against finite differences in float64, the gradient of the gradient norm (which
 * differentiates the transposed path itself), the former whole-batch column path, and thread counts.
 * (occam-core's kernel ConvInputGradTest asserts that these shapes take that path.)
 */
class ConvTransposedGradTest {

    /** {n, c, h, w, o, kh, kw, stride, pad}. */
    private static final int[][] CASES = {
        {2, 3, 5, 4, 3, 3, 3, 1, 0}, {1, 3, 4, 5, 2, 3, 3, 1, 2}, {1, 2, 5, 5, 2, 5, 5, 1, 2}, {2, 2, 3, 4, 1, 3, 3, 1, 1},
    };

    @Test
    void firstAndSecondDerivativesMatchFiniteDifferences() {
        Rng rng = Rng.seed(81);
        for (int[] cs : CASES) {
            Params p = Params.of("x", rng.normal(DType.FLOAT64, 0, 1, ConvTest.xShape(cs)),
                    "w", rng.normal(DType.FLOAT64, 0, 0.5, ConvTest.wShape(cs)));
            Tensor c = rng.normal(DType.FLOAT64, 0, 1, ConvTest.conv(p.get("x"), p.get("w"), cs).shapeRef());
            Function<Params, Tensor> f = q -> ConvTest.conv(q.get("x"), q.get("w"), cs).tanh().mul(c).sum();
            OpsGradCheck.checkGrad(f, p);
            OpsGradCheck.checkHvp(f, p, rng);
            Function<Params, Tensor> penalty = q -> Autodiff.grad(f).apply(q).normSquared();
            OpsGradCheck.checkGrad(penalty, p);
        }
    }

    @Test
    void valuesAndGradientsMatchTheColumnPath() {
        ConvTest.matchesColumnPath(CASES, Rng.seed(82), 1e-12, 1e-5, 1);
    }

    @Test
    void bitsDoNotDependOnThreadCount() {
        for (DType dtype : DType.values()) {
            assertArrayEquals(threaded(1, dtype), threaded(2, dtype), 0.0, dtype.toString());
        }
    }

    /** Value, gradient and HVP of a ResNet-like stride-1 conv over more images than one chunk. */
    private static double[] threaded(int threads, DType dtype) {
        int old = Parallel.threads();
        Parallel.setThreads(threads);
        try {
            Rng rng = Rng.seed(83);
            int[] cs = {11, 6, 9, 16, 6, 3, 3, 1, 1};
            Params p = Params.of("x", rng.normal(dtype, 0, 1, ConvTest.xShape(cs)),
                    "w", rng.normal(dtype, 0, 1, ConvTest.wShape(cs)));
            Tensor c = rng.normal(dtype, 0, 1, ConvTest.conv(p.get("x"), p.get("w"), cs).shapeRef());
            Function<Params, Tensor> f = q -> ConvTest.conv(q.get("x"), q.get("w"), cs).tanh().mul(c).sum();
            Params g = Autodiff.grad(f).apply(p);
            Params hv = Autodiff.hvp(f, p, g);
            return Ops.concat(0, g.flatten().to(DType.FLOAT64), hv.flatten().to(DType.FLOAT64)).toDoubleArray();
        } finally {
            Parallel.setThreads(old);
        }
    }
}
