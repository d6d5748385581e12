package org.occam.lab.igr;

import org.occam.data.Dataset;
import org.occam.data.Datasets;
import org.occam.data.EmbeddedMnist;
import org.occam.data.Split;
import org.occam.tensor.DType;

/**
 * The data of the check: the first {@code n} MNIST training images and the whole test set, both
 * from the subset inside the jar (no download).
 *
 * @param train the training set (full batch)
 * @param test  the test set; one image is 1/size of accuracy (the resolution of accuracy claims)
 */
public record IgrData(Dataset train, Dataset test) {

    /**
     * The embedded MNIST: train[:n] and the 10,000-image test set, in a dtype.
     *
     * @param n the number of rows
     * @param dtype the inputs' dtype
     * @return the data
     */
    public static IgrData embeddedMnist(int n, DType dtype) {
        if (n < 1 || n > EmbeddedMnist.TRAIN_COUNT) {
            throw new IllegalArgumentException("training images: need 1.." + EmbeddedMnist.TRAIN_COUNT
                    + " (the embedded MNIST subset), got " + n);
        }
        return new IgrData(Datasets.mnistEmbedded(Split.TRAIN).slice(0, n).asType(dtype),
                Datasets.mnistEmbedded(Split.TEST).asType(dtype));
    }

    /**
     * The smallest difference in test accuracy that can be seen: one test image.
     *
     * @return 1/test size
     */
    public double accuracyResolution() {
        return 1.0 / test.size();
    }
}
