package org.occam.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.occam.tensor.DType;
import org.occam.tensor.Tensor;

/** Per-channel statistics of [N, C, H, W] inputs, fitted and declared, against direct sums. */
class PerChannelNormalizationTest {
    @Test
    void fitsOneMeanAndStdPerChannelAndStandardizesEachPlane() {
        // 2 samples, 2 channels of 1x2 pixels: channel 0 holds 1, 2, 3, 4; channel 1 holds 10, 10, 30, 30
        double[] v = {1, 2, 10, 10, 3, 4, 30, 30};
        Dataset d = Dataset.of("t", Tensor.of(DType.FLOAT64, v, 2, 2, 1, 2), new int[] {0, 1}, 2);
        Normalization n = d.normalization(Normalization.Mode.PER_CHANNEL);
        assertArrayEquals(new double[] {2.5, 20}, n.mean(), 0);
        assertArrayEquals(new double[] {Math.sqrt(1.25), 10}, n.std(), 1e-15);
        double s = Math.sqrt(1.25);
        assertArrayEquals(new double[] {-1.5 / s, -0.5 / s, -1, -1, 0.5 / s, 1.5 / s, 1, 1}, n.apply(d).x().toDoubleArray(),
                1e-15);
        Normalization declared = Normalization.perChannel(new double[] {1, 10}, new double[] {2, 5});
        assertArrayEquals(new double[] {0, 0.5, 0, 0, 1, 1.5, 4, 4}, declared.apply(d).x().toDoubleArray(), 0);
        assertEquals(-2.0, declared.standardize(0, 1));
    }

    @Test
    void needsChannelsAndMatchingCounts() {
        Dataset flat = Dataset.of("flat", Tensor.of(DType.FLOAT32, new double[6], 2, 3), new int[] {0, 1}, 2);
        assertEquals("per-channel normalization needs samples shaped [C, H, W] (layout nchw), but data set flat has samples"
                + " of shape [3]", assertThrows(IllegalArgumentException.class,
                () -> flat.normalization(Normalization.Mode.PER_CHANNEL)).getMessage());
        Dataset img = Dataset.of("img", Tensor.of(DType.FLOAT32, new double[8], 2, 1, 2, 2), new int[] {0, 1}, 2);
        assertEquals("these statistics are for 3 channels, but data set img has 1", assertThrows(
                IllegalArgumentException.class, () -> Cifar.CIFAR10.published().apply(img)).getMessage());
    }
}
