package org.occam.shard;

import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/**
 * Full-batch gradient descent through a sharded objective (docs/sharded-objective.md): the
 * training loop's {@link #valueAndGrad} goes to the {@link ShardedObjective} (on Spark, or this
 * JVM with the same chunking and the same bits), while {@link #loss} stays the local,
 * differentiable loss of {@code base} for learning-rate rules and monitors. Each step's batch must
 * be the whole training set, in any order: the chunks fix the order of the sum.
 */
public final class FullBatchObjective implements Objective {
    private final Objective base;
    private final ShardedObjective sharded;

    /**
     * {@code base}'s loss with gradients from {@code sharded} (the same loss over the same data).
     *
     * @param base the objective, for the loss value and evaluation
     * @param sharded the same loss over the same data, computed chunk by chunk
     */
    public FullBatchObjective(Objective base, ShardedObjective sharded) {
        this.base = base;
        this.sharded = sharded;
    }

    @Override
    public Tensor loss(Params params, Batch batch) {
        return base.loss(params, batch);
    }

    @Override
    public Autodiff.ValueAndGrad valueAndGrad(Params params, Batch batch) {
        int n = sharded.runner().problem().total();
        if (batch.size() != n) {
            throw new IllegalArgumentException("a sharded gradient is over the whole training set (" + n + " examples), but"
                    + " this step's batch has " + batch.size() + ": set train.batch_size: full");
        }
        return sharded.valueAndGrad(params);
    }

    /** False: the training loop must hand over the whole batch (the chunks are fixed here, not by the loop). */
    @Override
    public boolean decomposable() {
        return false;
    }

    @Override
    public Objective base() {
        return base.base();
    }
}
