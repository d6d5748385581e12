package org.occam.lab.nc;

import java.util.Arrays;
import java.util.Locale;
import org.occam.data.Dataset;
import org.occam.data.Datasets;
import org.occam.data.ImageLayout;
import org.occam.data.Split;

/**
 * NC-1's data: the source classes' training and test images and the held-out target classes.
 * {@code digits}: the 8x8 digits, flat; source = the source classes of the fixed digits split's
 * training part, source test = of its test part, target = the target classes of both parts (the
 * target classes are never trained on, so both parts are held out; 1797 images are few).
 * {@code mnist}: the embedded MNIST (no download) in NCHW [N, 1, 28, 28] for a CNN; source = the
 * source classes of the 5,000 training images, source test = of the 10,000 test images, target =
 * the target classes of the 10,000 test images (the official test set, ≈ 4,900 images of 5–9, so
 * the target measures do not depend on which 5,000 training images were shipped).
 *
 * @param source the pre-training set (labels 0..|source classes|−1)
 * @param sourceTest the source classes' test images
 * @param target the held-out classes (labels 0..|target classes|−1)
 */
record NcData(Dataset source, Dataset sourceTest, Dataset target) {
    /** The data names {@code --data} accepts. */
    static final String NAMES = "digits, mnist";

    /**
     * The data of the settings.
     *
     * @param s the settings
     * @return source, source test and target
     */
    static NcData of(NcSweep.Settings s) {
        return switch (s.data()) {
            case "digits" -> new NcData(Datasets.digitsSplit().train().classSubset(s.sourceClasses()),
                    Datasets.digitsSplit().test().classSubset(s.sourceClasses()),
                    Datasets.digits().classSubset(s.targetClasses()));
            case "mnist" -> new NcData(Datasets.mnistEmbedded(Split.TRAIN, ImageLayout.NCHW).classSubset(s.sourceClasses()),
                    Datasets.mnistEmbedded(Split.TEST, ImageLayout.NCHW).classSubset(s.sourceClasses()),
                    Datasets.mnistEmbedded(Split.TEST, ImageLayout.NCHW).classSubset(s.targetClasses()));
            default -> throw new IllegalArgumentException(unknown(s.data()));
        };
    }

    /** "digits [0, 1, 2, 3, 4] of the digits training split" or the MNIST equivalent, for reports. */
    static String sourceText(NcSweep.Settings s) {
        String classes = Arrays.toString(s.sourceClasses());
        return s.data().equals("mnist") ? "MNIST classes " + classes + " of the 5,000 embedded training images (NCHW)"
                : "digits " + classes + " of the digits training split";
    }

    /** The held-out target classes and which split(s) they come from, for reports. */
    static String targetText(NcSweep.Settings s) {
        String classes = Arrays.toString(s.targetClasses());
        return s.data().equals("mnist") ? "the held-out MNIST classes " + classes + " (the 10,000-image test set)"
                : "the held-out digits " + classes + " (both splits)";
    }

    /** Whether the data set's rows are flat vectors (digits) rather than NCHW images (mnist). */
    static boolean flat(String data) {
        return !data.equals("mnist");
    }

    /** Whether {@code --data} names a known data set. */
    static boolean known(String data) {
        return data.equals("digits") || data.equals("mnist");
    }

    /** The one-line error for an unknown {@code --data}. */
    static String unknown(String data) {
        return String.format(Locale.ROOT, "--data: unknown data set '%s' (allowed: %s)", data, NAMES);
    }
}
