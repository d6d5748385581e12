package org.occam.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Sanity values (sizes, label counts, pixel statistics) of the real MNIST and Fashion-MNIST, when they are in the
 * cache ({@code ./occam data fetch mnist}); skipped otherwise. Needs no network.
 */
class RealDataTest {
    private static void assumeInstalled(CachedDataset d) {
        assumeTrue(DataCache.isInstalled(DataCache.defaultRoot(), d),
                d.id() + " is not in the data cache " + DataCache.defaultRoot() + "; run " + d.fixCommand()
                        + " to enable this test");
    }

    private static double[] meanStd(Dataset d) {
        float[] v = d.x().toFloatArray();
        double s = 0;
        for (float f : v) {
            s += f;
        }
        double m = s / v.length;
        double q = 0;
        for (float f : v) {
            q += (f - m) * (f - m);
        }
        return new double[] {m, Math.sqrt(q / v.length)};
    }

    @Test
    void mnistSanityValues() {
        assumeInstalled(CachedDataset.MNIST);
        Dataset train = Datasets.mnist(Split.TRAIN);
        assertArrayEquals(new int[] {60000, 784}, train.x().shape());
        assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, Arrays.copyOf(train.y(), 10));
        double[] ms = meanStd(train);
        assertEquals(0.1307, ms[0], 1e-4);
        assertEquals(0.3081, ms[1], 1e-4);
        assertEquals(10000, Datasets.mnist(Split.TEST).size());
    }

    @Test
    void fashionMnistSanityValues() {
        assumeInstalled(CachedDataset.FASHION_MNIST);
        Dataset train = Datasets.fashionMnist(Split.TRAIN, ImageLayout.NCHW);
        assertArrayEquals(new int[] {60000, 1, 28, 28}, train.x().shape());
        assertArrayEquals(new int[] {9, 0, 0, 3, 0, 2, 7, 2, 5, 5}, Arrays.copyOf(train.y(), 10));
        double[] ms = meanStd(train);
        assertEquals(0.2860, ms[0], 1e-4);
        assertEquals(0.3530, ms[1], 1e-4);
        int[] counts = train.classCounts();
        for (int c : counts) {
            assertEquals(6000, c);
        }
    }
}
