package org.occam.lab.samln;

import java.util.function.Function;
import org.occam.autodiff.Autodiff;
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
import org.occam.nn.Forward;
import org.occam.nn.Losses;
import org.occam.nn.Mode;
import org.occam.nn.ModelState;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.sam.Sam;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.train.Evaluation;
import org.occam.train.Objective;

/**
 * One SAM-1/LN-1 run: minibatch SGD (random reshuffling, batch order and initialization from the
 * seed, so the arms of a seed are paired) on the arm's objective, each step in a TRAIN frame keyed
 * by (seed, step) as the Trainer does (the label noise draws from it), stopped at the first epoch
 * end where the clean training loss is at most the target; λ_max and tr H of the clean loss there.
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
        Params p = model.init(Rng.seed(seed), DType.FLOAT32);
        Batches batches = new Batches(data.train(), s.batchSize(), Order.RESHUFFLE, seed, false);
        long step = 0;
        double e = value(loss, p);
        boolean reached = e <= s.targetLoss();
        for (int epoch = 0; epoch < s.maxEpochs() && !reached && Double.isFinite(e); epoch++) {
            for (Batch b : batches.epoch(epoch)) {
                Params at = p;
                Autodiff.ValueAndGrad vg = Forward.of(ModelState.empty(), Mode.TRAIN, stepKey(seed, step))
                        .run(() -> objective.valueAndGrad(at, b));
                p = p.addScaled(vg.grad(), -s.lr());
                step++;
            }
            e = value(loss, p);
            reached = e <= s.targetLoss();
        }
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

    /** The key of step s: the same derivation as the Trainer's dropout key, a function of (seed, step) only. */
    static long stepKey(long seed, long step) {
        return Rng.seed(seed).split(0x5eed).split(step).nextLong();
    }

    private static double value(Function<Params, Tensor> loss, Params p) {
        return Recording.noGrad(() -> loss.apply(p)).item();
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
