package org.occam.data;

/** Which part of a data set with a canonical train/test split to load. */
public enum Split {
    /** The training part. */
    TRAIN,
    /** The held-out test part. */
    TEST
}
