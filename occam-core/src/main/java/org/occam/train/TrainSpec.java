package org.occam.train;

import org.occam.data.Augmentation;
import org.occam.data.Order;

/**
 * How to train: batch size (at least the data set size means full-batch gradient descent),
 * number of steps, batch order, seed, augmentation of the training batches, and how often to
 * evaluate and checkpoint.
 *
 * @param batchSize        samples per step; ≥ N is full batch, accumulated in chunks of {@code chunk}
 * @param steps            total number of updates
 * @param order            batch order (reshuffle each epoch, with replacement, fixed)
 * @param seed             seed of the batch schedule
 * @param evalEvery        evaluate train/test loss and accuracy every this many steps (0: only at the end)
 * @param checkpointEvery  checkpoint every this many steps (0: only at the end)
 * @param divergenceBound  a loss above this (or NaN/Inf) ends the run as diverged
 * @param chunk            rows per forward/backward pass when a batch is larger (memory bound)
 * @param augment          the transform of each training batch, drawn from (seed, step, row) ({@link Augmentation#NONE}: none)
 */
public record TrainSpec(int batchSize, long steps, Order order, long seed, int evalEvery, int checkpointEvery,
                        double divergenceBound, int chunk, Augmentation augment) {

    /**
     * A spec without augmentation.
     *
     * @param batchSize samples per step
     * @param steps total number of updates
     * @param order batch order
     * @param seed seed of the batch schedule
     * @param evalEvery evaluation period (0: only at the end)
     * @param checkpointEvery checkpoint period (0: only at the end)
     * @param divergenceBound a loss above this ends the run as diverged
     * @param chunk rows per forward/backward pass
     */
    public TrainSpec(int batchSize, long steps, Order order, long seed, int evalEvery, int checkpointEvery,
                     double divergenceBound, int chunk) {
        this(batchSize, steps, order, seed, evalEvery, checkpointEvery, divergenceBound, chunk, Augmentation.NONE);
    }

    /** Checks the sizes and periods; an absent augmentation is none. */
    public TrainSpec {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch_size must be positive, got " + batchSize);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        if (chunk <= 0) {
            throw new IllegalArgumentException("chunk must be positive, got " + chunk);
        }
        if (evalEvery < 0 || checkpointEvery < 0) {
            throw new IllegalArgumentException("eval_every and checkpoint_every must be >= 0");
        }
        augment = augment == null ? Augmentation.NONE : augment;
    }

    /**
     * Defaults: reshuffled batches, evaluation every 100 steps, divergence above 1e6, chunks of 2048 rows.
     *
     * @param batchSize samples per step
     * @param steps total number of updates
     * @param seed seed of the batch schedule
     * @return the spec
     */
    public static TrainSpec of(int batchSize, long steps, long seed) {
        return new TrainSpec(batchSize, steps, Order.RESHUFFLE, seed, 100, 0, 1e6, 2048);
    }

    /**
     * The same spec, evaluating every {@code n} steps.
     *
     * @param n the evaluation period (0: only at the end)
     * @return the new spec
     */
    public TrainSpec withEvalEvery(int n) {
        return new TrainSpec(batchSize, steps, order, seed, n, checkpointEvery, divergenceBound, chunk, augment);
    }

    /**
     * The same spec, checkpointing every {@code n} steps.
     *
     * @param n the checkpoint period (0: only at the end)
     * @return the new spec
     */
    public TrainSpec withCheckpointEvery(int n) {
        return new TrainSpec(batchSize, steps, order, seed, evalEvery, n, divergenceBound, chunk, augment);
    }

    /**
     * The same spec with another batch order.
     *
     * @param o the batch order
     * @return the new spec
     */
    public TrainSpec withOrder(Order o) {
        return new TrainSpec(batchSize, steps, o, seed, evalEvery, checkpointEvery, divergenceBound, chunk, augment);
    }

    /**
     * The same spec with another augmentation of the training batches.
     *
     * @param a the augmentation ({@link Augmentation#NONE}: none)
     * @return the new spec
     */
    public TrainSpec withAugmentation(Augmentation a) {
        return new TrainSpec(batchSize, steps, order, seed, evalEvery, checkpointEvery, divergenceBound, chunk, a);
    }

    /**
     * The same spec with another step budget.
     *
     * @param n the number of updates
     * @return the new spec
     */
    public TrainSpec withSteps(long n) {
        return new TrainSpec(batchSize, n, order, seed, evalEvery, checkpointEvery, divergenceBound, chunk, augment);
    }
}
