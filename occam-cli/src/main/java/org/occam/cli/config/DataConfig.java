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
 * @param normalize     none, per_feature or global standardization
 * @param seed          seed of synthetic generation, held-out splits and label corruption
 */
public record DataConfig(DataSource train, DataSource test, double testFraction, String layout, List<Integer> classes,
                         double labelNoise, boolean randomLabels, String normalize, long seed) {

    public DataConfig {
        classes = List.copyOf(classes);
    }
}
