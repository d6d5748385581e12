package org.occam.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * The real data sets: 8x8 digits (shipped inside the jar), MNIST / Fashion-MNIST (read from the
 * local cache, see {@link DataCache}; install with {@code ./occam data fetch mnist}), and CIFAR-10,
 * CIFAR-100 and CIFAR-FS (from the cache too, see {@link CifarCache}).
 * Synthetic sets are in {@link Synthetic}.
 */
public final class Datasets {
    /** The seed of {@link #digitsSplit()}. */
    public static final long DIGITS_SPLIT_SEED = 0;
    /** The test fraction of {@link #digitsSplit()}. */
    public static final double DIGITS_TEST_FRACTION = 0.2;

    private static final List<String> DIGIT_NAMES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private Datasets() {}

    // ------------------------------------------------------------------ digits

    /**
     * The 8x8 digits: x [1797, 64] float32 in [0, 1] (pixel counts 0..16 divided by 16), 10 classes.
     *
     * @return the data set
     */
    public static Dataset digits() {
        return digits(ImageLayout.FLAT, DType.FLOAT32);
    }

    /**
     * The 8x8 digits in a layout ([1797, 64] or [1797, 1, 8, 8]) and dtype, values /16 in [0, 1].
     *
     * @param layout flat or channels first
     * @param dtype the inputs' dtype
     * @return the data set
     */
    public static Dataset digits(ImageLayout layout, DType dtype) {
        Dataset raw;
        try (InputStream in = Inputs.resource("digits.csv.gz")) {
            raw = CsvReader.read(in, "org/occam/data/digits.csv.gz", CsvReader.Format.HEADERLESS, null);
        } catch (IOException e) {
            throw new DataException("cannot read the digits resource: " + e.getMessage(), e);
        }
        double[] v = raw.x().toDoubleArray();
        for (int i = 0; i < v.length; i++) {
            v[i] /= 16.0;
        }
        int n = raw.size();
        Tensor x = Tensor.of(dtype, v, layout.shape(n, 1, 8, 8));
        return Dataset.of("digits", x, raw.y(), 10, DIGIT_NAMES);
    }

    /**
     * The fixed digits train/test split: stratified, {@value #DIGITS_TEST_FRACTION} of each class to
     * test, drawn with {@code Rng.seed(DIGITS_SPLIT_SEED)}; 1438 train and 359 test samples, each in
     * file order. Same split on every machine (the Rng is SplitMix64, specified bit for bit).
     *
     * @return the split
     */
    public static TrainTest digitsSplit() {
        return digitsSplit(ImageLayout.FLAT, DType.FLOAT32);
    }

    /**
     * The fixed digits split (see {@link #digitsSplit()}) in a layout and dtype.
     *
     * @param layout flat or channels first
     * @param dtype the inputs' dtype
     * @return the split
     */
    public static TrainTest digitsSplit(ImageLayout layout, DType dtype) {
        return digits(layout, dtype).stratifiedSplit(DIGITS_TEST_FRACTION, Rng.seed(DIGITS_SPLIT_SEED));
    }

    /**
     * One part of the fixed digits split.
     *
     * @param split TRAIN or TEST
     * @return that part
     */
    public static Dataset digits(Split split) {
        return digitsSplit().get(split);
    }

    // ------------------------------------------------------------------ MNIST and Fashion-MNIST

    /**
     * The MNIST subset inside the jar (no download): the first 5,000 training images or the whole
     * 10,000-image test set, x [N, 784] float32 in [0, 1]; see {@link EmbeddedMnist}.
     *
     * @param split TRAIN or TEST
     * @return the data set
     */
    public static Dataset mnistEmbedded(Split split) {
        return EmbeddedMnist.load(split);
    }

    /**
     * The MNIST subset inside the jar (see {@link #mnistEmbedded(Split)}) in a layout: [N, 784] or
     * [N, 1, 28, 28] for a CNN (the same values, no copy).
     *
     * @param split TRAIN or TEST
     * @param layout flat or channels first
     * @return the data set
     */
    public static Dataset mnistEmbedded(Split split, ImageLayout layout) {
        Dataset flat = EmbeddedMnist.load(split);
        return layout == ImageLayout.FLAT ? flat : flat.withSampleShape(1, 28, 28);
    }

    /**
     * MNIST from the cache: x [60000 or 10000, 784] float32 in [0, 1], 10 classes.
     *
     * @param split TRAIN or TEST
     * @return the data set
     */
    public static Dataset mnist(Split split) {
        return load(CachedDataset.MNIST, split, ImageLayout.FLAT, DataCache.defaultRoot());
    }

    /**
     * MNIST from the cache in a layout ([N, 784] or [N, 1, 28, 28]).
     *
     * @param split TRAIN or TEST
     * @param layout flat or channels first
     * @return the data set
     */
    public static Dataset mnist(Split split, ImageLayout layout) {
        return load(CachedDataset.MNIST, split, layout, DataCache.defaultRoot());
    }

    /**
     * Fashion-MNIST from the cache: x [N, 784] float32 in [0, 1], 10 named classes.
     *
     * @param split TRAIN or TEST
     * @return the data set
     */
    public static Dataset fashionMnist(Split split) {
        return load(CachedDataset.FASHION_MNIST, split, ImageLayout.FLAT, DataCache.defaultRoot());
    }

    /**
     * Fashion-MNIST from the cache in a layout.
     *
     * @param split TRAIN or TEST
     * @param layout flat or channels first
     * @return the data set
     */
    public static Dataset fashionMnist(Split split, ImageLayout layout) {
        return load(CachedDataset.FASHION_MNIST, split, layout, DataCache.defaultRoot());
    }

    /**
     * A cached image data set from a given cache root, after verifying the files' sha256 pins.
     * Named e.g. {@code mnist-train}.
     *
     * @param data MNIST or Fashion-MNIST
     * @param split TRAIN or TEST
     * @param layout flat or channels first
     * @param cacheRoot the cache root
     * @return the data set
     * @throws DataException when a file is missing or corrupt; the message names the fix command
     */
    public static Dataset load(CachedDataset data, Split split, ImageLayout layout, Path cacheRoot) {
        Path images = DataCache.verified(cacheRoot, data, data.images(split));
        Path labels = DataCache.verified(cacheRoot, data, data.labels(split));
        String name = data.id() + "-" + (split == Split.TRAIN ? "train" : "test");
        return IdxReader.dataset(name, images, labels, layout, data.classNames());
    }

    // ------------------------------------------------------------------ CIFAR

    /**
     * CIFAR-10 or CIFAR-100 (fine labels, or CIFAR-100's coarse ones) from the default cache, ÷255.
     *
     * @param data CIFAR-10 or CIFAR-100
     * @param split TRAIN or TEST
     * @param coarse whether to take CIFAR-100's coarse labels
     * @param layout flat or channels first
     * @return the data set
     */
    public static Dataset cifar(Cifar data, Split split, boolean coarse, ImageLayout layout) {
        return CifarCache.load(data, split, coarse, layout, DataCache.defaultRoot());
    }

    /**
     * A CIFAR-FS split (64/16/20 CIFAR-100 classes) from the default cache, ÷255.
     *
     * @param split the CIFAR-FS split
     * @param layout flat or channels first
     * @return the data set
     */
    public static Dataset cifarFs(CifarFs split, ImageLayout layout) {
        return CifarCache.cifarFs(split, layout, DataCache.defaultRoot());
    }

    /**
     * The published per-channel statistics (÷255) of a data set by its spec name, if it has them:
     * cifar10, cifar100 (also its coarse labels and CIFAR-FS, which use CIFAR-100's), mnist
     * (0.1307 / 0.3081) and fashion-mnist (0.2860 / 0.3530).
     *
     * @param name the data spec's name, e.g. {@code cifar10}
     * @return the statistics, or empty
     */
    public static Optional<Normalization> publishedStatistics(String name) {
        return switch (name) {
            case "cifar10" -> Optional.of(Cifar.CIFAR10.published());
            case "cifar100", "cifar100-coarse", "cifar-fs" -> Optional.of(Cifar.CIFAR100.published());
            case "mnist" -> Optional.of(Normalization.perChannel(new double[] {0.1307}, new double[] {0.3081}));
            case "fashion-mnist" -> Optional.of(Normalization.perChannel(new double[] {0.2860}, new double[] {0.3530}));
            default -> Optional.empty();
        };
    }
}
