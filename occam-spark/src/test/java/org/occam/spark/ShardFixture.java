package org.occam.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.occam.autodiff.Params;
import org.occam.data.Dataset;
import org.occam.data.Datasets;
import org.occam.data.Order;
import org.occam.measure.Estimate;
import org.occam.measure.Hessians;
import org.occam.nn.Mode;
import org.occam.nn.ModelState;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.optim.LearningRateRule;
import org.occam.optim.Schedule;
import org.occam.optim.Sgd;
import org.occam.shard.Chunk;
import org.occam.shard.ChunkRunner;
import org.occam.shard.FullBatchObjective;
import org.occam.shard.LocalChunks;
import org.occam.shard.ShardProblem;
import org.occam.shard.ShardedObjective;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.train.CheckpointStore;
import org.occam.train.Objective;
import org.occam.train.TrainSpec;
import org.occam.train.Trainer;

/**
 * The measurements and training that the Spark tests repeat on every runner: a tiny MLP on 200
 * digits in float64, in 13 chunks of 16 examples (the last of 8), and everything that must come
 * out with the same bits wherever the chunks are computed.
 */
final class ShardFixture {
    static final String SPEC = "mlp:64-12-10:tanh";
    static final Dataset DATA = Datasets.digits().asType(DType.FLOAT64).slice(0, 200);
    static final List<Chunk> CHUNKS = Chunk.of(DATA, 16);
    static final ShardProblem PROBLEM = ShardProblem.of(SPEC, "cross_entropy", DType.FLOAT64, Mode.EVAL, ModelState.empty(),
            DATA.size());
    static final int GD_STEPS = 20;

    private ShardFixture() {
    }

    /** Everything measured on one runner. */
    record Results(double loss, double[] gradient, double[] hvp, double[] top5, double trace, double traceStderr, double gc,
                   double accuracy, double[] losses, double[] finalParams) {

        void assertSameBits(Results o, String where) {
            assertEquals(Double.doubleToRawLongBits(loss), Double.doubleToRawLongBits(o.loss), where + ": loss");
            assertArrayEquals(gradient, o.gradient, where + ": gradient");
            assertArrayEquals(hvp, o.hvp, where + ": HVP");
            assertArrayEquals(top5, o.top5, where + ": Lanczos top-5");
            assertEquals(Double.doubleToRawLongBits(trace), Double.doubleToRawLongBits(o.trace), where + ": Hutchinson trace");
            assertEquals(Double.doubleToRawLongBits(traceStderr), Double.doubleToRawLongBits(o.traceStderr), where + ": stderr");
            assertEquals(Double.doubleToRawLongBits(gc), Double.doubleToRawLongBits(o.gc), where + ": GC");
            assertEquals(Double.doubleToRawLongBits(accuracy), Double.doubleToRawLongBits(o.accuracy), where + ": accuracy");
            assertArrayEquals(losses, o.losses, where + ": GD losses");
            assertArrayEquals(finalParams, o.finalParams, where + ": parameters after " + GD_STEPS + " GD steps");
        }
    }

    static Params init() {
        return Models.parse(SPEC).init(Rng.seed(3), DType.FLOAT64);
    }

    static LocalChunks local() {
        return new LocalChunks(PROBLEM, CHUNKS);
    }

    /** Measures and trains on {@code runner}; training stops after 12 steps and resumes from its checkpoint in {@code dir}. */
    static Results run(ChunkRunner runner, Path dir) {
        ShardedObjective f = ShardedObjective.on(runner);
        Params p = init();
        Params v = Models.parse(SPEC).init(Rng.seed(4), DType.FLOAT64);
        ShardedObjective.Gradient g = f.gradient(p);
        double[] hv = f.hvp(p, v).flatten().toDoubleArray();
        double[] top = Hessians.lanczos(f.hessian(p), 5, 20, Rng.seed(5)).eigenvalues();
        Estimate tr = Hessians.hutchinsonTrace(f.hessian(p), 4, Rng.seed(6));
        List<Double> losses = new ArrayList<>();
        CheckpointStore store = new CheckpointStore(dir);
        train(f, 12, store, losses);
        Params end = train(f, GD_STEPS, store, losses);
        return new Results(g.value(), g.gradient(), hv, top, tr.mean(), tr.stderr(), f.geometricComplexity(p), f.accuracy(p),
                losses.stream().mapToDouble(Double::doubleValue).toArray(), end.flatten().toDoubleArray());
    }

    /** Full-batch GD with lr 0.5 up to {@code steps}, from the latest checkpoint in the store if any. */
    static Params train(ShardedObjective f, long steps, CheckpointStore store, List<Double> losses) {
        Sequential net = Models.parse(SPEC);
        Objective o = new FullBatchObjective(Objective.crossEntropy(net), f);
        TrainSpec spec = new TrainSpec(DATA.size(), steps, Order.SEQUENTIAL, 0, 0, 4, 1e6, 2048);
        Trainer.Setup s = new Trainer.Setup(net, init(), o, DATA, null, new Sgd(), LearningRateRule.of(Schedule.constant(0.5)),
                spec, List.of(), row -> {
                    if (!row.containsKey("final")) {
                        losses.add((Double) row.get("loss"));
                    }
                }, store);
        return Trainer.run(s).params();
    }
}
