package org.occam.cli.config;

import org.occam.train.CheckpointStore;

/**
 * The {@code train:} section: how long and in what batches to train, and how often to evaluate and
 * checkpoint. Exactly one of {@code steps} and {@code epochs} is set.
 *
 * @param batchSize        samples per step; {@link #FULL} ({@code batch_size: full}) is full-batch gradient descent
 * @param steps            total number of updates, or null when given in epochs
 * @param epochs           number of passes over the training set, or null
 * @param order            reshuffle, with_replacement, fixed or sequential (see {@link org.occam.data.Order})
 * @param evalEvery        evaluate train/test loss and accuracy every this many steps (0: only at the end)
 * @param checkpointEvery  checkpoint every this many steps (0: only at the end)
 * @param divergenceBound  a loss above this (or NaN) ends the run as diverged
 * @param chunk            rows per forward/backward pass within a batch (a memory bound; results do not depend on it);
 *                         with {@code spark}: examples per chunk of the sharded gradient (docs/sharded-objective.md)
 * @param keepCheckpoints  how many of the newest checkpoints to keep (≥ 1; resume falls back past an unreadable one)
 * @param spark            null, or the Spark master (e.g. local[2]) that computes each full-batch gradient
 *                         (docs/sharded-objective.md; needs batch_size: full)
 */
public record TrainConfig(int batchSize, Long steps, Long epochs, String order, int evalEvery, int checkpointEvery,
                          double divergenceBound, int chunk, int keepCheckpoints, String spark) {

    /** A section keeping the default number of checkpoints ({@link CheckpointStore#DEFAULT_KEEP}), trained on this JVM. */
    public TrainConfig(int batchSize, Long steps, Long epochs, String order, int evalEvery, int checkpointEvery,
                       double divergenceBound, int chunk) {
        this(batchSize, steps, epochs, order, evalEvery, checkpointEvery, divergenceBound, chunk, CheckpointStore.DEFAULT_KEEP,
                null);
    }

    /** A section trained on this JVM. */
    public TrainConfig(int batchSize, Long steps, Long epochs, String order, int evalEvery, int checkpointEvery,
                       double divergenceBound, int chunk, int keepCheckpoints) {
        this(batchSize, steps, epochs, order, evalEvery, checkpointEvery, divergenceBound, chunk, keepCheckpoints, null);
    }

    /** A section keeping the default number of checkpoints, its gradients computed on {@code spark}. */
    public TrainConfig(int batchSize, Long steps, Long epochs, String order, int evalEvery, int checkpointEvery,
                       double divergenceBound, int chunk, String spark) {
        this(batchSize, steps, epochs, order, evalEvery, checkpointEvery, divergenceBound, chunk, CheckpointStore.DEFAULT_KEEP,
                spark);
    }

    /** The batch size meaning "the whole training set". */
    public static final int FULL = Integer.MAX_VALUE;

    /** The number of steps for a training set of {@code n} samples. */
    public long stepsFor(int n) {
        if (steps != null) {
            return steps;
        }
        long perEpoch = (n + (long) Math.min(batchSize, n) - 1) / Math.min(batchSize, n);
        return epochs * perEpoch;
    }
}
