package org.occam.lab.samln;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.tensor.Recording;
import org.occam.data.Batch;
import org.occam.data.Batches;
import org.occam.data.Order;
import org.occam.data.TrainTest;
import org.occam.labelnoise.LabelNoise;
import org.occam.measure.Estimate;
import org.occam.measure.Hessians;
import org.occam.measure.Spectrum;
import org.occam.nn.Losses;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.sam.Sam;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.train.Evaluation;
import org.occam.train.Monitor;
import org.occam.train.Objective;
import org.occam.train.RunStatus;
import org.occam.train.StopCondition;
import org.occam.train.TrainSpec;
import org.occam.train.Trainer;
import org.occam.optim.LearningRateRule;
import org.occam.optim.Schedule;
import org.occam.optim.Sgd;

/**
 * One SAM-1/LN-1 run: minibatch SGD through the {@code Trainer} (random reshuffling, batch order and
 * initialization from the seed, so the arms of a seed are paired) on the arm's objective, each step in
 * the Trainer's TRAIN frame keyed by (seed, step) (the label noise draws from it), stopped at the first
 * epoch end where the clean training loss is at most the target; λ_max and tr H of the clean loss there.
 */
final class SamLnTraining {
    private SamLnTraining() {
    }

    /** ½·mean_i‖f(x_i) − y_i‖² on the batch's one-hot targets. */
    static Objective halfSquaredError(Sequential model, int outputs) {
        return (p, b) -> Losses.mse(model.apply(p, b.x()), b.targets()).mul(outputs / 2.0);
    }

    static SamLnRun run(SamLnSetting s, TrainTest data, Arm arm, long seed) {
        long t0 = System.nanoTime();
        Sequential model = Models.parse(s.model());
        int k = data.train().numClasses();
        Objective clean = halfSquaredError(model, k);
        Objective objective = switch (arm) {
            case SGD -> clean;
            case SAM -> Sam.of(clean, s.rho());
            case LABEL_NOISE -> LabelNoise.gaussian(clean, s.sigma());
        };
        Batch all = data.train().all();
        Function<Params, Tensor> loss = q -> clean.loss(q, all);
        int perEpoch = new Batches(data.train(), s.batchSize(), Order.RESHUFFLE, seed, false).batchesPerEpoch();
        long budget = (long) s.maxEpochs() * perEpoch;
        Monitor epochEnds = Monitor.of(1, ctx -> ctx.step() % perEpoch == 0
                ? Map.of(CLEAN_LOSS, value(loss, ctx.params())) : Map.of());
        StopCondition stop = StopCondition.diverged(CLEAN_LOSS, Double.POSITIVE_INFINITY)
                .or(StopCondition.atMost(CLEAN_LOSS, s.targetLoss())).or(StopCondition.steps(budget).onlyWith(CLEAN_LOSS));
        TrainSpec spec = new TrainSpec(s.batchSize(), budget + 1, Order.RESHUFFLE, seed, 0, 0, Double.POSITIVE_INFINITY,
                s.batchSize());
        Trainer.Result r = Trainer.run(new Trainer.Setup(model, model.init(Rng.seed(seed), DType.FLOAT32), objective,
                data.train(), null, new Sgd(), LearningRateRule.of(Schedule.constant(s.lr())), spec, List.of(epochEnds),
                null, null).withStop(stop));
        Params p = r.params();
        long step = r.status().step();
        double e = r.lastMetrics().get(CLEAN_LOSS) instanceof Number n ? n.doubleValue() : Double.NaN;
        boolean reached = r.status().state() != RunStatus.State.DIVERGED && e <= s.targetLoss();
        if (!reached) {
            return new SamLnRun(arm, seed, step, false, e, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    seconds(t0));
        }
        Spectrum top = Hessians.lanczos(loss, p, 1, s.lanczosSteps(), Rng.seed(seed).split(1));
        Estimate tr = Hessians.hutchinsonTrace(loss, p, s.probes(), Rng.seed(seed).split(2));
        double acc = Evaluation.evaluate(model, clean, p, data.test(), 2000).accuracy();
        return new SamLnRun(arm, seed, step, true, e, top.eigenvalue(0), top.residualNorms()[0], tr.mean(), tr.stderr(),
                acc, seconds(t0));
    }

    /** The clean training loss, measured at epoch ends. */
    private static final String CLEAN_LOSS = "train_loss";

    private static double value(Function<Params, Tensor> loss, Params p) {
        return Recording.noGrad(() -> loss.apply(p)).item();
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
