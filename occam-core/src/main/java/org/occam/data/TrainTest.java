package org.occam.data;

/** A data set divided into a training part and a held-out test part. */
public record TrainTest(Dataset train, Dataset test) {
    public TrainTest {
        if (train == null || test == null) {
            throw new IllegalArgumentException("train and test must both be given");
        }
    }

    /** The part named by {@code split}. */
    public Dataset get(Split split) {
        return split == Split.TRAIN ? train : test;
    }
}
