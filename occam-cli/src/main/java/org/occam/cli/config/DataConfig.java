package org.occam.cli.config;

import java.util.List;

/**
 * The {@code data:} section. Transforms apply in this order: load (with slices), class subset
 * (train and test), random labels or label noise (train only), normalization (statistics of the
 * train set, applied to both), then the experiment's dtype.
 *
 * @param train         the training set
 * @param test          the test set, {@link DataSource.Auto} or {@link DataSource.None}
 * @param testFraction  with {@code test: auto} and a source without a test split: the held-out fraction (0: no test set)
 * @param layout        flat ([N, features]) or nchw ([N, C, H, W], image sets only)
 * @param classes       keep only these classes, relabelled 0..k-1 in this order (empty: all)
 * @param labelNoise    fraction of training labels replaced by a wrong class
 * @param randomLabels  replace every training label by a uniformly random one
 * @param normalize     none, per_feature, global, per_channel (statistics of the train set) or published
 *                      (the data set's published per-channel statistics)
 * @param seed          seed of synthetic generation, held-out splits and label corruption
 * @param augment       crop padding and flip of the training batches ({@link Augment#NONE}: none)
 */
public record DataConfig(DataSource train, DataSource test, double testFraction, String layout, List<Integer> classes,
                         double labelNoise, boolean randomLabels, String normalize, long seed, Augment augment) {

    /**
     * The {@code data.augment} mapping: each training batch gets a random crop of the image padded by
     * {@code crop} pixels and, with {@code flip}, a horizontal flip with probability 1/2.
     */
    public record Augment(int crop, boolean flip) {
        /** No augmentation. */
        public static final Augment NONE = new Augment(0, false);

        /** True when batches pass unchanged. */
        public boolean isNone() {
            return crop == 0 && !flip;
        }
    }

    public DataConfig {
        classes = List.copyOf(classes);
    }
}
