package org.occam.lab.run;

import java.util.Locale;
import org.occam.data.Dataset;
import org.occam.data.Datasets;
import org.occam.data.Split;
import org.occam.data.TrainTest;

/**
 * The image data of the SGD reproductions: the first {@code trainSize} training rows and the first
 * {@code testSize} test rows of digits (embedded 8x8), MNIST or Fashion-MNIST (from the cache,
 * {@code ./occam data fetch NAME}). The rows are fixed; seeds vary initialization and batch order.
 *
 * @param name      digits, mnist or fashion-mnist
 * @param trainSize training rows (capped at the split's size)
 * @param testSize  test rows (capped at the split's size)
 */
public record ImageData(String name, int trainSize, int testSize) {
    /** Checks the name and sizes. */
    public ImageData {
        if (!name.equals("digits") && !name.equals("mnist") && !name.equals("fashion-mnist")) {
            throw new IllegalArgumentException("data must be digits, mnist or fashion-mnist, got '" + name + "'");
        }
        if (trainSize < 2 || testSize < 1) {
            throw new IllegalArgumentException("data needs at least 2 training and 1 test rows, got " + trainSize
                    + " and " + testSize);
        }
    }

    /**
     * Input features of one image: 64 for digits, 784 otherwise.
     *
     * @return the feature count
     */
    public int features() {
        return name.equals("digits") ? 64 : 784;
    }

    /**
     * The training and test rows.
     *
     * @return the split
     */
    public TrainTest load() {
        TrainTest all = switch (name) {
            case "digits" -> Datasets.digitsSplit();
            case "mnist" -> new TrainTest(Datasets.mnist(Split.TRAIN), Datasets.mnist(Split.TEST));
            default -> new TrainTest(Datasets.fashionMnist(Split.TRAIN), Datasets.fashionMnist(Split.TEST));
        };
        Dataset train = all.train().slice(0, Math.min(trainSize, all.train().size()));
        Dataset test = all.test().slice(0, Math.min(testSize, all.test().size()));
        return new TrainTest(train, test);
    }

    /**
     * E.g. "mnist (1024 train, 10000 test rows)".
     *
     * @param loaded the loaded split
     * @return the description
     */
    public String describe(TrainTest loaded) {
        return String.format(Locale.ROOT, "%s (%d training, %d test rows)", name, loaded.train().size(),
                loaded.test().size());
    }
}
