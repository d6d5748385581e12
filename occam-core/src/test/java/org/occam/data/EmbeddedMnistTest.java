package org.occam.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EmbeddedMnistTest {

    @Test
    void trainSubsetLoadsWithPinnedChecksumsCountsAndFirstLabels() {
        for (CachedDataset.PinnedFile f : EmbeddedMnist.FILES) {
            assertEquals(f.sha256(), Hashing.sha256(EmbeddedMnist.verifiedBytes(f)), f.name());
        }
        Dataset train = Datasets.mnistEmbedded(Split.TRAIN);
        assertEquals(EmbeddedMnist.TRAIN_COUNT, train.size());
        assertArrayEquals(new int[] {EmbeddedMnist.TRAIN_COUNT, 784}, train.x().shape());
        assertEquals(10, train.numClasses());
        assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, Arrays.copyOf(train.y(), 10));
        // class counts of the first 5,000 MNIST training labels
        assertArrayEquals(new int[] {479, 563, 488, 493, 535, 434, 501, 550, 462, 495}, train.classCounts());
        double[] v = train.x().toDoubleArray();
        double sum = 0;
        for (double x : v) {
            assertTrue(x >= 0 && x <= 1, "pixel outside [0, 1]: " + x);
            sum += x;
        }
        assertEquals(0.13022, sum / v.length, 1e-5, "pixel mean of the subset (MNIST's is 0.1307)");
    }

    @Test
    void testSetIsTheWholeMnistTestSet() {
        Dataset test = Datasets.mnistEmbedded(Split.TEST);
        assertEquals(EmbeddedMnist.TEST_COUNT, test.size());
        assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, Arrays.copyOf(test.y(), 10));
        assertEquals("mnist-embedded-test", test.name());
    }

    @Test
    void aWrongPinFailsNamingTheResource() {
        CachedDataset.PinnedFile bad = new CachedDataset.PinnedFile(EmbeddedMnist.FILES.get(1).name(), "00".repeat(32));
        DataException e = assertThrows(DataException.class, () -> EmbeddedMnist.verifiedBytes(bad));
        assertTrue(e.getMessage().contains("org/occam/data/mnist/train-5000-labels-idx1-ubyte.gz")
                && e.getMessage().contains("pinned"), e.getMessage());
        CachedDataset.PinnedFile missing = new CachedDataset.PinnedFile("nope.gz", "00".repeat(32));
        assertTrue(assertThrows(DataException.class, () -> EmbeddedMnist.verifiedBytes(missing)).getMessage()
                .contains("missing from the class path"));
    }

    /** With the pinned MNIST cache present, the embedded records are the cached files' records. */
    @Test
    void equalsTheCachedCanonicalFiles() {
        assumeTrue(DataCache.isInstalled(DataCache.defaultRoot(), CachedDataset.MNIST),
                "MNIST is not in the data cache; run ./occam data fetch mnist");
        Dataset cachedTrain = Datasets.mnist(Split.TRAIN).slice(0, EmbeddedMnist.TRAIN_COUNT);
        Dataset cachedTest = Datasets.mnist(Split.TEST);
        Dataset train = Datasets.mnistEmbedded(Split.TRAIN);
        Dataset test = Datasets.mnistEmbedded(Split.TEST);
        assertArrayEquals(cachedTrain.y(), train.y());
        assertArrayEquals(cachedTrain.x().toDoubleArray(), train.x().toDoubleArray());
        assertArrayEquals(cachedTest.y(), test.y());
        assertArrayEquals(cachedTest.x().toDoubleArray(), test.x().toDoubleArray());
    }

    @Test
    void channelsFirstLayoutHoldsTheSameImagesForACnn() {
        Dataset flat = Datasets.mnistEmbedded(Split.TEST);
        Dataset nchw = Datasets.mnistEmbedded(Split.TEST, ImageLayout.NCHW);
        assertArrayEquals(new int[] {EmbeddedMnist.TEST_COUNT, 1, 28, 28}, nchw.x().shape());
        assertArrayEquals(flat.y(), nchw.y());
        assertArrayEquals(flat.x().toDoubleArray(), nchw.x().toDoubleArray(), "row-major: pixel (r, c) of image i at i*784 + 28r + c");
        assertArrayEquals(new int[] {EmbeddedMnist.TRAIN_COUNT, 784}, Datasets.mnistEmbedded(Split.TRAIN, ImageLayout.FLAT).x().shape());
    }
}
