package org.occam.data;

/** How {@link Dataset#batches} orders samples into mini-batches, epoch after epoch. */
public enum Order {
    /** A new random permutation every epoch: each sample exactly once per epoch. */
    RESHUFFLE,
    /** Each batch drawn uniformly with replacement; epochs have the same number and sizes of batches. */
    WITH_REPLACEMENT,
    /** One random permutation drawn once and reused: the same batches, in the same order, every epoch. */
    FIXED,
    /** Data set order, no randomness (evaluation, full-batch runs). */
    SEQUENTIAL
}
