package org.occam.cli.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.occam.data.Dataset;
import org.occam.data.ImageLayout;
import org.occam.tensor.DType;

/** The data spec mnist-embedded:SPLIT[start:end] reads the MNIST subset inside the jar. */
class EmbeddedMnistSpecTest {
    @Test
    void slicesOfTheEmbeddedSubset() {
        Dataset train = DataLoader.fromSpec("mnist-embedded:train[:100]", "--data", ImageLayout.FLAT, DType.FLOAT64, 0);
        assertEquals(100, train.size());
        assertEquals(DType.FLOAT64, train.dtype());
        assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, Arrays.copyOf(train.y(), 10));
        Dataset test = DataLoader.fromSpec("mnist-embedded:test", "--data", ImageLayout.NCHW, DType.FLOAT32, 0);
        assertArrayEquals(new int[] {10_000, 1, 28, 28}, test.x().shape());
        ConfigException e = assertThrows(ConfigException.class,
                () -> DataLoader.fromSpec("mnist-embedded:train[:6000]", "--data", ImageLayout.FLAT, DType.FLOAT32, 0));
        assertTrue(e.getMessage().contains("which has 5000 rows"), e.getMessage());
    }
}
