package org.occam.data;

/** Which part of a data set with a canonical train/test split to load. */
public enum Split {
    TRAIN,
    TEST
}
