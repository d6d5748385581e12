package org.occam.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

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
        ConvTest.checkDerivatives(CASES, Rng.seed(81));
    }

    @Test
    void valuesAndGradientsMatchTheColumnPath() {
        ConvTest.matchesColumnPath(CASES, Rng.seed(82), 1e-12, 1e-5, 1);
    }

    @Test
    void bitsDoNotDependOnThreadCount() {
        for (DType dtype : DType.values()) {
            assertArrayEquals(ConvTest.threaded(1, dtype, 83, RESNET_LIKE), ConvTest.threaded(2, dtype, 83, RESNET_LIKE), 0.0,
                    dtype.toString());
        }
    }

    /** A ResNet-like stride-1 conv over more images than one chunk. */
    private static final int[] RESNET_LIKE = {11, 6, 9, 16, 6, 3, 3, 1, 1};
}
