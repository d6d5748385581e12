package org.occam.cli.run;

import org.occam.cli.config.ConfigException;
import org.occam.cli.config.ExperimentConfig;
import org.occam.nn.Mode;
import org.occam.shard.Chunk;
import org.occam.shard.ChunkRunner;
import org.occam.shard.ChunkRunners;
import org.occam.shard.FullBatchObjective;
import org.occam.shard.ShardProblem;
import org.occam.shard.ShardedObjective;
import org.occam.tensor.DType;

/**
 * Full-batch gradient descent whose gradients are computed on Spark ({@code train.spark}, see
 * docs/sharded-objective.md): the training set in chunks of {@code train.chunk} examples cached on
 * the executors, the parameters broadcast each step, everything else (optimizer, checkpoints,
 * resume, monitors, evaluation) as in a local run.
 */
final class FullBatchOnSpark {
    private FullBatchOnSpark() {
    }

    /** What the sharded gradient cannot do, as config errors. */
    static void check(ExperimentConfig c, Experiment ex) {
        if (c.train().spark() == null) {
            return;
        }
        if (!c.regularizers().isEmpty()) {
            throw new ConfigException("train.spark: the sharded gradient is the plain loss's; remove regularizers (got "
                    + c.regularizers().size() + ")");
        }
        if (ex.model().stateful()) {
            throw new ConfigException("train.spark: model.spec " + c.model().spec() + " has BatchNorm or dropout, whose"
                    + " statistics would be per chunk; use a model without them");
        }
        if (!ex.spec().augment().isIdentity()) {
            throw new ConfigException("train.spark: the chunks are cached unchanged; remove data.augment");
        }
    }

    /** The experiment with its objective's gradient computed on the runner. */
    static Experiment on(Experiment ex, ChunkRunner runner) {
        return new Experiment(ex.config(), ex.model(), ex.init(), ex.train(), ex.test(),
                new FullBatchObjective(ex.objective(), ShardedObjective.on(runner)), ex.optimizer(), ex.lr(), ex.spec(),
                ex.monitors(), ex.initNotes());
    }

    /** A Spark runner over the experiment's training set, in chunks of {@code train.chunk}. */
    static ChunkRunner open(Experiment ex) {
        ExperimentConfig c = ex.config();
        ShardProblem problem = ShardProblem.of(c.model().spec(), c.loss(), DType.parse(c.dtype()), Mode.EVAL, null,
                ex.train().size());
        return ChunkRunners.open("spark", c.train().spark(), 0, problem, Chunk.of(ex.train(), c.train().chunk()));
    }
}
