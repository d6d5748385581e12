package org.occam.lab.igr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.autodiff.Recording;
import org.occam.data.Batch;
import org.occam.measure.GeometricComplexity;
import org.occam.measure.GradientStats;
import org.occam.measure.Hessians;
import org.occam.measure.Spectrum;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.regularize.ExplicitGradientRegularization;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.train.Evaluation;
import org.occam.train.Objective;

/**
 * One run of the check: full-batch GD on E + μ‖∇E‖² from the seed's initialization, stopped at the
 * first step whose training loss E is at most the target (the equal-loss stop condition), with
 * λ_max checked every {@code round(checkpointTime/h)} steps; then R_IG, λ_max, GC and test
 * accuracy are measured at the stopping point.
 */
public final class EqualLossTraining {
    /** A training loss above this (ten times the chance level of 10 classes) counts as diverged. */
    public static final double DIVERGED_LOSS = 10 * Math.log(10);

    private EqualLossTraining() {
    }

    /** The parameters where a run stopped, and how. */
    public record Stop(Params params, long steps, boolean reachedTarget, boolean diverged, double trainLoss,
                       List<Checkpoint> checkpoints) {
    }

    /** Trains one arm from one seed and measures it at the stopping point. */
    public static IgrRun run(IgrSetting s, IgrData data, Arm arm, long seed) {
        Sequential model = Models.parse(s.model());
        Objective ce = Objective.crossEntropy(model);
        Batch train = data.train().all();
        Stop stop = train(s, model, ce, train, arm, seed);
        Params p = stop.params();
        Function<Params, Tensor> loss = q -> ce.loss(q, train);
        if (stop.diverged()) {
            return new IgrRun(arm, seed, stop.steps(), false, true, stop.trainLoss(), Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, maxHLambda(stop.checkpoints()), stop.checkpoints());
        }
        double rIg = GradientStats.implicitGradientRegularizer(loss, p);
        Spectrum top = Hessians.lanczos(loss, p, 1, s.finalSteps(), lanczosRng(seed, stop.steps()));
        double lambda = top.eigenvalue(0);
        double gc = GeometricComplexity.exact(model, p, train.x()).item();
        double acc = Evaluation.evaluate(model, ce, p, data.test(), 2000).accuracy();
        List<Checkpoint> cps = new ArrayList<>(stop.checkpoints());
        cps.add(new Checkpoint(stop.steps(), stop.trainLoss(), lambda, arm.h() * lambda));
        return new IgrRun(arm, seed, stop.steps(), stop.reachedTarget(), false, stop.trainLoss(), rIg, lambda,
                top.residualNorms()[0], gc, acc, maxHLambda(cps), cps);
    }

    /**
     * GD from the seed's initialization until the training loss E is at most the target (checked
     * before every step, so the run stops at the first such iterate), the loss diverges, or the
     * arm's step budget is spent.
     */
    public static Stop train(IgrSetting s, Sequential model, Objective ce, Batch train, Arm arm, long seed) {
        Objective objective = arm.mu() == 0 ? ce : ExplicitGradientRegularization.exact(ce, arm.mu());
        Function<Params, Tensor> loss = q -> ce.loss(q, train);
        Params p = model.init(Rng.seed(seed), s.dtype());
        long budget = s.stepBudget(arm);
        long every = Math.max(1, Math.round(s.checkpointTime() / arm.h()));
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (long step = 0; ; step++) {
            Autodiff.ValueAndGrad vg = objective.valueAndGrad(p, train);
            Params at = p;
            double e = arm.mu() == 0 ? vg.value().item() : Recording.noGrad(() -> loss.apply(at)).item();
            if (!Double.isFinite(e) || e > DIVERGED_LOSS) {
                return new Stop(p, step, false, true, e, checkpoints);
            }
            if (e <= s.lossTarget() || step == budget) {
                return new Stop(p, step, e <= s.lossTarget(), false, e, checkpoints);
            }
            if (step % every == 0) {
                double lambda = Hessians.lanczos(loss, p, 1, s.checkpointSteps(), lanczosRng(seed, step)).eigenvalue(0);
                checkpoints.add(new Checkpoint(step, e, lambda, arm.h() * lambda));
            }
            p = p.addScaled(vg.grad(), -arm.h());
        }
    }

    private static Rng lanczosRng(long seed, long step) {
        return Rng.seed(0x1a2c_0000L + 1_000_003L * seed + step);
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
