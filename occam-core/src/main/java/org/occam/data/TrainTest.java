package org.occam.data;

/**
 * A data set divided into a training part and a held-out test part.
 *
 * @param train the training part
 * @param test the held-out part
 */
public record TrainTest(Dataset train, Dataset test) {
    /** Refuses a missing part. */
    public TrainTest {
        if (train == null || test == null) {
            throw new IllegalArgumentException("train and test must both be given");
        }
    }

    /**
     * The part named by {@code split}.
     *
     * @param split TRAIN or TEST
     * @return that part
     */
    public Dataset get(Split split) {
        return split == Split.TRAIN ? train : test;
    }
}
