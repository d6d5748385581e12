package org.occam.measure;

import java.util.Arrays;
import org.occam.data.Batch;
import org.occam.data.Dataset;
import org.occam.tensor.Rng;

/**
 * The fixed evaluation subset a training monitor measures on: the first {@code examples} rows of
 * a permutation seeded by {@code seed} (all rows when the set is no larger), the same rows at
 * every measurement. Cached per training set; one instance belongs to one monitor.
 */
public final class TrainingSubset {
    private final int examples;
    private final long seed;
    private Dataset cachedFor;
    private Dataset cached;
    private Batch cachedBatch;

    /**
     * A subset of {@code examples} rows chosen with {@code seed}.
     *
     * @param examples the number of rows (all rows when at least N)
     * @param seed the seed of the choice
     */
    public TrainingSubset(int examples, long seed) {
        if (examples <= 0) {
            throw new IllegalArgumentException("monitor example count 'samples' must be positive, got " + examples);
        }
        this.examples = examples;
        this.seed = seed;
    }

    /**
     * The subset of {@code train}.
     *
     * @param train the training set
     * @return the subset
     */
    public Dataset of(Dataset train) {
        if (cachedFor != train) {
            cached = examples >= train.size() ? train
                    : train.subset(Arrays.copyOf(Rng.seed(seed).permutation(train.size()), examples));
            cachedBatch = null;
            cachedFor = train;
        }
        return cached;
    }

    /**
     * The subset of {@code train} as one batch.
     *
     * @param train the training set
     * @return the batch
     */
    public Batch batch(Dataset train) {
        Dataset d = of(train);
        if (cachedBatch == null) {
            cachedBatch = d.all();
        }
        return cachedBatch;
    }
}
