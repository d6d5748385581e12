package org.occam.lab.igr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.tensor.Recording;
import org.occam.data.Batch;
import org.occam.data.Batches;
import org.occam.data.Dataset;
import org.occam.data.Order;
import org.occam.measure.GeometricComplexity;
import org.occam.measure.GradientStats;
import org.occam.measure.Hessians;
import org.occam.measure.Spectrum;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.regularize.ExplicitGradientRegularization;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.optim.LearningRateRule;
import org.occam.optim.Schedule;
import org.occam.optim.Sgd;
import org.occam.train.Evaluation;
import org.occam.train.MetricsSink;
import org.occam.train.Monitor;
import org.occam.train.Objective;
import org.occam.train.RunStatus;
import org.occam.train.StopCondition;
import org.occam.train.TrainSpec;
import org.occam.train.Trainer;

/**
 * One run of the check: full-batch GD on E + μ‖∇E‖² (or SGD on mini-batches) from the seed's
 * initialization, stopped at the first step (SGD: the first epoch end) whose full training loss E is
 * at most the target (the equal-loss stop condition), with λ_max checked every
 * {@code round(checkpointTime/h)} steps; then R_IG, λ_max, GC and test accuracy are measured on both
 * sides of the crossing and interpolated to the target loss.
 */
public final class EqualLossTraining {
    /** A training loss above this (ten times the chance level of 10 classes) counts as diverged. */
    public static final double DIVERGED_LOSS = 10 * Math.log(10);

    private EqualLossTraining() {
    }

    /**
     * The parameters where a run stopped, and how; {@code before} is the iterate one step earlier
     * (null at step 0) and {@code lossBefore} its training loss, the other end of the crossing.
     *
     * @param params the parameters at the stop
     * @param steps the steps taken
     * @param reachedTarget whether the training loss reached the target
     * @param diverged whether the loss diverged
     * @param trainLoss the training loss at the stop
     * @param checkpoints hλ_max along the run
     * @param before the iterate one step earlier, or null
     * @param lossBefore its training loss
     */
    public record Stop(Params params, long steps, boolean reachedTarget, boolean diverged, double trainLoss,
                       List<Checkpoint> checkpoints, Params before, double lossBefore) {
    }

    /**
     * Trains one arm from one seed and measures it where its training loss crosses the target: every
     * quantity is measured at the last iterate above the target and the first at or below it, and
     * interpolated linearly in the training loss to the target itself (weight w = (E_before − target)
     * / (E_before − E_after)), so every arm is compared at exactly the same training loss, not at
     * whatever overshoot its last step happened to make (a larger h overshoots further).
     *
     * @param s the seed
     * @param data the training and test images
     * @param seed the seed of the random draws
     * @param arm the learning rate and EGR strength
     * @return the runs and claims
     */
    public static IgrRun run(IgrSetting s, IgrData data, Arm arm, long seed) {
        Sequential model = Models.parse(s.model());
        Objective ce = Objective.crossEntropy(model);
        Batch train = data.train().all();
        Stop stop = arm.stochastic() ? trainSgd(s, model, ce, data.train(), arm, seed)
                : train(s, model, ce, train, arm, seed);
        if (stop.diverged()) {
            return new IgrRun(arm, seed, stop.steps(), false, true, stop.trainLoss(), Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, maxHLambda(stop.checkpoints()), Double.NaN,
                    stop.checkpoints());
        }
        Measured after = measure(s, model, ce, data, train, stop.params(), Rng.seed(lanczosSeed(seed, stop.steps())));
        Measured at = after;
        double w = Double.NaN;
        double loss = stop.trainLoss();
        if (stop.reachedTarget() && stop.before() != null) {
            Measured before = measure(s, model, ce, data, train, stop.before(),
                    Rng.seed(lanczosSeed(seed, stop.steps() - 1)));
            w = (stop.lossBefore() - s.lossTarget()) / (stop.lossBefore() - stop.trainLoss());
            at = before.towards(after, w);
            loss = s.lossTarget();
        }
        List<Checkpoint> cps = new ArrayList<>(stop.checkpoints());
        cps.add(new Checkpoint(stop.steps(), stop.trainLoss(), after.lambda(), arm.h() * after.lambda()));
        return new IgrRun(arm, seed, stop.steps(), stop.reachedTarget(), false, loss, at.rIg(), at.lambda(),
                at.residual(), at.gc(), at.accuracy(), maxHLambda(cps), w, cps);
    }

    /** The quantities of the check at one iterate. */
    private record Measured(double rIg, double lambda, double residual, double gc, double accuracy) {
        /** (1 − w)·this + w·other, per quantity (the residual: the larger, a bound for either). */
        Measured towards(Measured o, double w) {
            return new Measured(lerp(rIg, o.rIg, w), lerp(lambda, o.lambda, w), Math.max(residual, o.residual),
                    lerp(gc, o.gc, w), lerp(accuracy, o.accuracy, w));
        }

        private static double lerp(double a, double b, double w) {
            return a + w * (b - a);
        }
    }

    private static Measured measure(IgrSetting s, Sequential model, Objective ce, IgrData data, Batch train, Params p,
                                    Rng rng) {
        Function<Params, Tensor> loss = q -> ce.loss(q, train);
        double rIg = GradientStats.implicitGradientRegularizer(loss, p);
        Spectrum top = Hessians.lanczos(loss, p, 1, s.finalSteps(), rng);
        double gc = GeometricComplexity.exact(model, p, train.x()).item();
        double acc = Evaluation.evaluate(model, ce, p, data.test(), 2000).accuracy();
        return new Measured(rIg, top.eigenvalue(0), top.residualNorms()[0], gc, acc);
    }

    /**
     * GD from the seed's initialization through the {@link Trainer} until the training loss E is at
     * most the target (checked before every step, so the run stops at the first such iterate), the
     * loss diverges, or the arm's step budget is spent; hλ_max is checked every round(t/h) steps
     * (not at the stopping iterate).
     *
     * @param s the seed
     * @param model the network
     * @param seed the seed of the random draws
     * @param ce the cross-entropy objective
     * @param train the whole training set as one batch
     * @param arm the learning rate and EGR strength
     * @return where and how the run stopped
     */
    public static Stop train(IgrSetting s, Sequential model, Objective ce, Batch train, Arm arm, long seed) {
        if (arm.stochastic()) {
            throw new IllegalArgumentException("train is full-batch GD; " + arm.label() + " needs trainSgd");
        }
        Function<Params, Tensor> loss = q -> ce.loss(q, train);
        // E is the step's own loss for GD; EGR differentiates E + mu |grad E|^2 and E is tapped on the way.
        LossTap tap = new LossTap(ce);
        Objective objective = arm.mu() == 0 ? ce : ExplicitGradientRegularization.exact(tap, arm.mu());
        String e = arm.mu() == 0 ? STEP_LOSS : TRAIN_LOSS;
        List<Monitor> monitors = new ArrayList<>();
        if (arm.mu() > 0) {
            monitors.add(Monitor.of(1, ctx -> Map.of(TRAIN_LOSS, tap.take())));
        }
        monitors.add(sharpness(s, arm, seed, loss, false));
        int n = train.x().shape()[0];
        Dataset set = Dataset.of("igr-train", train.x(), train.y(), classes(train.y()));
        long budget = s.stepBudget(arm);
        TrainSpec spec = new TrainSpec(n, budget + 1, Order.SEQUENTIAL, 0, 0, 0, Double.POSITIVE_INFINITY, n);
        return run(model, objective, set, arm, s, seed, spec, monitors, e, budget, e);
    }

    /**
     * SGD on mini-batches of {@code arm.batch()} images through the {@link Trainer}, reshuffled every
     * epoch from the seed (the same order for every SGD arm of a seed: paired), until the full
     * training loss E, checked at every epoch end, is at most the target; the loss diverges; or the
     * step budget is spent (checked at epoch ends, so the last epoch is always finished).
     * {@code before} is the previous epoch end.
     *
     * @param s     the setting (loss target, step budget, sharpness checks)
     * @param model the network
     * @param ce    the cross-entropy objective of the network
     * @param train the training images
     * @param arm   an SGD arm
     * @param seed  the initialization and shuffling seed
     * @return where the run stopped, with the epoch ends around the target
     */
    public static Stop trainSgd(IgrSetting s, Sequential model, Objective ce, Dataset train, Arm arm, long seed) {
        if (!arm.stochastic()) {
            throw new IllegalArgumentException("trainSgd needs an SGD arm, got " + arm.label());
        }
        Batch all = train.all();
        Function<Params, Tensor> loss = q -> ce.loss(q, all);
        long order = SGD_ORDER + seed;
        int perEpoch = new Batches(train, arm.batch(), Order.RESHUFFLE, order, false).batchesPerEpoch();
        Monitor epochEnds = Monitor.of(1, ctx -> ctx.step() % perEpoch == 0
                ? Map.of(TRAIN_LOSS, lossAt(loss, ctx.params())) : Map.of());
        List<Monitor> monitors = List.of(epochEnds, sharpness(s, arm, seed, loss, true));
        long budget = s.stepBudget(arm);
        long lastEpochEnd = (budget + perEpoch - 1) / perEpoch * perEpoch;
        TrainSpec spec = new TrainSpec(arm.batch(), lastEpochEnd + 1, Order.RESHUFFLE, order, 0, 0,
                Double.POSITIVE_INFINITY, arm.batch());
        return run(model, ce, train, arm, s, seed, spec, monitors, TRAIN_LOSS, budget, CHECKPOINT_LOSS);
    }

    /**
     * One run through the {@link Trainer}: stops when E (under {@code e}) is non-finite or above
     * {@link #DIVERGED_LOSS} (diverged), at most the target, or at a row holding E once the budget is
     * spent; the checkpoints come from the rows the sharpness monitor filled (E under {@code checkpointE}).
     */
    private static Stop run(Sequential model, Objective objective, Dataset train, Arm arm, IgrSetting s, long seed,
                            TrainSpec spec, List<Monitor> monitors, String e, long budget, String checkpointE) {
        StopCondition stop = StopCondition.diverged(e, DIVERGED_LOSS).or(StopCondition.atMost(e, s.lossTarget()))
                .or(StopCondition.steps(budget).onlyWith(e));
        List<Checkpoint> checkpoints = new ArrayList<>();
        MetricsSink sharpness = row -> {
            if (row.get(LAMBDA) instanceof Number lambda) {
                checkpoints.add(new Checkpoint(((Number) row.get("step")).longValue(), number(row, checkpointE),
                        lambda.doubleValue(), arm.h() * lambda.doubleValue()));
            }
        };
        Params init = model.init(Rng.seed(seed), s.dtype());
        Trainer.Result r = Trainer.run(new Trainer.Setup(model, init, objective, train, null, new Sgd(),
                LearningRateRule.of(Schedule.constant(arm.h())), spec, monitors, sharpness, null).withStop(stop));
        Map<String, Object> last = r.lastMetrics();
        boolean diverged = r.status().state() == RunStatus.State.DIVERGED;
        double loss = last.get(e) instanceof Number n ? n.doubleValue() : number(last, STEP_LOSS);
        Params before = r.previous().map(Trainer.Previous::params).orElse(null);
        double lossBefore = r.previous().map(p -> number(p.row(), e)).orElse(Double.NaN);
        return new Stop(r.params(), r.status().step(), !diverged && loss <= s.lossTarget(), diverged, loss, checkpoints,
                before, lossBefore);
    }

    /** hλ_max every round(t/h) steps by Lanczos on E, seeded by (seed, step); with {@code withLoss} also E itself. */
    private static Monitor sharpness(IgrSetting s, Arm arm, long seed, Function<Params, Tensor> loss, boolean withLoss) {
        int every = (int) Math.max(1, Math.round(s.checkpointTime() / arm.h()));
        return Monitor.of(every, ctx -> {
            Map<String, Double> row = new LinkedHashMap<>();
            if (withLoss) {
                row.put(CHECKPOINT_LOSS, lossAt(loss, ctx.params()));
            }
            row.put(LAMBDA, Hessians.lanczos(loss, ctx.params(), 1, s.checkpointSteps(),
                    Rng.seed(lanczosSeed(seed, ctx.step()))).eigenvalue(0));
            return row;
        });
    }

    private static double lossAt(Function<Params, Tensor> loss, Params p) {
        return Recording.noGrad(() -> loss.apply(p)).item();
    }

    private static double number(Map<String, Object> row, String key) {
        return row.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static int classes(int[] y) {
        int max = 0;
        for (int v : y) {
            max = Math.max(max, v);
        }
        return max + 1;
    }

    /** The trainer's loss of the step (the objective on the step's batch). */
    private static final String STEP_LOSS = "loss";
    /** The full training loss E, measured by a monitor. */
    private static final String TRAIN_LOSS = "train_loss";
    /** E measured with a sharpness check inside an SGD epoch (not an epoch end: no stop decision). */
    private static final String CHECKPOINT_LOSS = "checkpoint_loss";
    /** λ_max of a sharpness check. */
    private static final String LAMBDA = "lambda_max";

    /** The base of the SGD shuffling seeds (plus the run's seed): one order per seed, shared by its SGD arms. */
    static final long SGD_ORDER = 0x5d6b_0000L;

    private static long lanczosSeed(long seed, long step) {
        return 0x1a2c_0000L + 1_000_003L * seed + step;
    }

    private static double maxHLambda(List<Checkpoint> cps) {
        double m = Double.NaN;
        for (Checkpoint c : cps) {
            if (Double.isNaN(m) || c.hLambda() > m) {
                m = c.hLambda();
            }
        }
        return m;
    }
}
