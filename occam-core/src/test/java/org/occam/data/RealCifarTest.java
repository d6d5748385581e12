package org.occam.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The real CIFAR-10 / CIFAR-100, when the user installed them ({@code ./occam data fetch cifar10
 * --from DIR}); skipped with a message otherwise (no registry reachable here ships CIFAR). Counts,
 * the first labels of the official files, and per-channel means and stds against the published ones.
 * First labels: CIFAR-10 train 6 9 9 4 1 1 2 7 8 3, test 3 8 8 0 6 6 1 6 3 1; CIFAR-100 train fine
 * 19 29 0 11 1, coarse 11 15 4 14 1 (as other loaders' tests list them).
 */
class RealCifarTest {
    private static void assumeInstalled(Cifar c) {
        assumeTrue(CifarCache.isInstalled(DataCache.defaultRoot(), c), c.id() + " is not in the data cache "
                + DataCache.defaultRoot() + "; run " + c.fixCommand() + " to enable this test");
    }

    private static void assertPublishedStatistics(Cifar c, Dataset train) {
        Normalization fitted = train.normalization(Normalization.Mode.PER_CHANNEL);
        Normalization published = c.published();
        assertArrayEquals(published.mean(), fitted.mean(), 5e-5 + 1e-9, "per-channel means (4 decimals)");
        assertArrayEquals(published.std(), fitted.std(), 5e-5 + 1e-9, "per-channel stds (4 decimals)");
    }

    @Test
    void cifar10CountsLabelsAndChannelStatistics() {
        assumeInstalled(Cifar.CIFAR10);
        Dataset train = Datasets.cifar(Cifar.CIFAR10, Split.TRAIN, false, ImageLayout.NCHW);
        Dataset test = Datasets.cifar(Cifar.CIFAR10, Split.TEST, false, ImageLayout.NCHW);
        assertArrayEquals(new int[] {50000, 3, 32, 32}, train.x().shape());
        assertEquals(10000, test.size());
        assertArrayEquals(new int[] {6, 9, 9, 4, 1, 1, 2, 7, 8, 3}, Arrays.copyOf(train.y(), 10));
        assertArrayEquals(new int[] {3, 8, 8, 0, 6, 6, 1, 6, 3, 1}, Arrays.copyOf(test.y(), 10));
        int[] counts = train.classCounts();
        int[] fiveThousand = new int[10];
        Arrays.fill(fiveThousand, 5000);
        assertArrayEquals(fiveThousand, counts);
        assertPublishedStatistics(Cifar.CIFAR10, train);
    }

    @Test
    void cifar100CountsLabelsChannelStatisticsAndCifarFs() {
        assumeInstalled(Cifar.CIFAR100);
        Dataset fine = Datasets.cifar(Cifar.CIFAR100, Split.TRAIN, false, ImageLayout.NCHW);
        Dataset coarse = Datasets.cifar(Cifar.CIFAR100, Split.TRAIN, true, ImageLayout.NCHW);
        assertEquals(50000, fine.size());
        assertEquals(10000, Datasets.cifar(Cifar.CIFAR100, Split.TEST, false, ImageLayout.FLAT).size());
        assertArrayEquals(new int[] {19, 29, 0, 11, 1}, Arrays.copyOf(fine.y(), 5));
        assertArrayEquals(new int[] {11, 15, 4, 14, 1}, Arrays.copyOf(coarse.y(), 5));
        assertPublishedStatistics(Cifar.CIFAR100, fine);
        assertEquals(64 * 600, Datasets.cifarFs(CifarFs.TRAIN, ImageLayout.FLAT).size());
        assertEquals(20 * 600, Datasets.cifarFs(CifarFs.TEST, ImageLayout.FLAT).size());
    }
}
