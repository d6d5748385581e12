package org.occam.lab.igr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.data.Batches;
import org.occam.data.Order;
import org.occam.measure.GeometricComplexity;
import org.occam.measure.GradientStats;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.regularize.ExplicitGradientRegularization;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

class EqualLossTrainingTest {
    static IgrSetting tiny(double target, int maxSteps, double[] hs, double[] mus) {
        return new IgrSetting("mlp:784-8-10:relu", 100, hs, mus, new double[0], target, maxSteps, 0, 2, 1.0, 4, 6, 0.5,
                DType.FLOAT64, true);
    }

    /** The run stops at the first iterate whose training loss E is at most the target: replayed step by step. */
    @Test
    void stopsAtTheFirstStepAtOrBelowTheTarget() {
        for (double mu : new double[] {0, 0.05}) {
            IgrSetting s = tiny(1.6, 500, new double[] {0.1, 0.2}, new double[] {0.05});
            IgrData data = IgrData.embeddedMnist(s.trainSize(), s.dtype());
            Sequential model = Models.parse(s.model());
            Objective ce = Objective.crossEntropy(model);
            Batch b = data.train().all();
            Arm arm = new Arm(0.1, mu, Arm.Regime.BELOW_EOS);
            EqualLossTraining.Stop stop = EqualLossTraining.train(s, model, ce, b, arm, 3);
            assertTrue(stop.reachedTarget() && !stop.diverged(), stop.toString());
            assertTrue(stop.steps() > 5, "the target should take several steps, took " + stop.steps());
            // replay plain GD (or GD on E + mu |grad E|^2) from the same initialization
            Function<Params, Tensor> e = q -> ce.loss(q, b);
            Function<Params, Tensor> objective = mu == 0 ? e : ExplicitGradientRegularization.exact(e, mu);
            Params p = model.init(Rng.seed(3), s.dtype());
            for (long k = 0; k < stop.steps(); k++) {
                assertTrue(e.apply(p).item() > s.lossTarget(), "loss already at target at step " + k);
                p = p.addScaled(Autodiff.grad(objective).apply(p), -arm.h());
            }
            double end = e.apply(p).item();
            assertTrue(end <= s.lossTarget());
            assertEquals(end, stop.trainLoss(), 1e-12, "the recorded loss is E (not E + mu |grad E|^2)");
            assertEquals(0.0, p.sub(stop.params()).normSquared().item(), 1e-20);
        }
    }

    /**
     * R_IG and GC are reported at the target loss itself: the linear interpolation, in the training
     * loss, of their values at the two iterates on either side of the crossing (replayed here).
     */
    @Test
    void measuresAtTheTargetLossByInterpolatingAcrossTheCrossing() {
        IgrSetting s = tiny(1.6, 500, new double[] {0.1, 0.2}, new double[0]);
        IgrData data = IgrData.embeddedMnist(s.trainSize(), s.dtype());
        Sequential model = Models.parse(s.model());
        Objective ce = Objective.crossEntropy(model);
        Batch b = data.train().all();
        Arm arm = new Arm(0.2, 0, Arm.Regime.BELOW_EOS);
        IgrRun r = EqualLossTraining.run(s, data, arm, 5);
        assertTrue(r.reachedTarget());
        Function<Params, Tensor> e = q -> ce.loss(q, b);
        Params p = model.init(Rng.seed(5), s.dtype());
        for (long k = 0; k < r.steps() - 1; k++) {
            p = p.addScaled(Autodiff.grad(e).apply(p), -arm.h());
        }
        Params after = p.addScaled(Autodiff.grad(e).apply(p), -arm.h());
        double eb = e.apply(p).item();
        double ea = e.apply(after).item();
        assertTrue(eb > s.lossTarget() && ea <= s.lossTarget(), eb + " " + ea);
        double w = (eb - s.lossTarget()) / (eb - ea);
        assertEquals(w, r.crossing(), 1e-12);
        assertTrue(w > 0 && w <= 1);
        assertEquals(s.lossTarget(), r.trainLoss(), 0.0, "measured at the target loss");
        double rb = GradientStats.implicitGradientRegularizer(e, p);
        double ra = GradientStats.implicitGradientRegularizer(e, after);
        assertEquals(rb + w * (ra - rb), r.rIg(), 1e-12 * Math.abs(rb));
        assertTrue(Math.abs(ra - rb) > 1e-6 * Math.abs(rb), "the two ends differ, so the interpolation is tested");
        double gb = GeometricComplexity.exact(model, p, b.x()).item();
        double ga = GeometricComplexity.exact(model, after, b.x()).item();
        assertEquals(gb + w * (ga - gb), r.gc(), 1e-10 * Math.abs(gb));
    }

    @Test
    void anUnreachableTargetStopsAtTheStepBudgetScaledByH() {
        IgrSetting s = tiny(1e-6, 12, new double[] {0.05, 0.1}, new double[0]);
        IgrData data = IgrData.embeddedMnist(s.trainSize(), s.dtype());
        IgrRun slow = EqualLossTraining.run(s, data, new Arm(0.05, 0, Arm.Regime.BELOW_EOS), 0);
        IgrRun fast = EqualLossTraining.run(s, data, new Arm(0.1, 0, Arm.Regime.BELOW_EOS), 0);
        assertFalse(slow.reachedTarget());
        assertEquals(12, slow.steps());
        assertEquals(6, fast.steps(), "same gradient-flow time: maxSteps * h_min / h");
        assertTrue(slow.lambdaMax() > 0 && slow.gc() > 0 && slow.rIg() > 0 && slow.testAccuracy() > 0);
    }

    /** Checkpoints come every round(t/h) steps and record h·lambda_max; the maximum covers the end too. */
    @Test
    void tracksSharpnessAtCheckpoints() {
        IgrSetting s = tiny(1e-6, 10, new double[] {0.1, 0.2}, new double[0]);
        IgrData data = IgrData.embeddedMnist(s.trainSize(), s.dtype());
        IgrRun r = EqualLossTraining.run(s, data, new Arm(0.1, 0, Arm.Regime.BELOW_EOS), 1);
        // checkpoint time 1.0 at h = 0.1: steps 0 and 10 is the end (budget), so checkpoints 0 and the final one
        assertEquals(2, r.checkpoints().size());
        assertEquals(0, r.checkpoints().get(0).step());
        assertEquals(10, r.checkpoints().get(1).step());
        double max = 0;
        for (Checkpoint c : r.checkpoints()) {
            assertEquals(0.1 * c.lambdaMax(), c.hLambda(), 1e-12);
            max = Math.max(max, c.hLambda());
        }
        assertEquals(max, r.maxHLambda());
        assertEquals(0.1 * r.lambdaMax(), r.checkpoints().get(1).hLambda(), 1e-12);
    }

    /**
     * SGD stops at the first epoch end whose full training loss is at most the target, replayed batch by
     * batch with the seed's shuffle order; the iterate one epoch earlier is the other end of the crossing.
     */
    @Test
    void sgdStopsAtTheFirstEpochEndAtOrBelowTheTarget() {
        IgrSetting s = new IgrSetting("mlp:784-8-10:relu", 100, new double[] {0.1, 0.2}, new double[0], new double[0],
                new double[] {0.1, 0.2}, 20, 1.6, 500, 0, 2, 1.0, 4, 6, 0.5, DType.FLOAT64, true);
        IgrData data = IgrData.embeddedMnist(s.trainSize(), s.dtype());
        Sequential model = Models.parse(s.model());
        Objective ce = Objective.crossEntropy(model);
        Arm arm = Arm.sgd(0.1, 20);
        EqualLossTraining.Stop stop = EqualLossTraining.trainSgd(s, model, ce, data.train(), arm, 4);
        assertTrue(stop.reachedTarget() && !stop.diverged(), stop.toString());
        assertEquals(0, stop.steps() % 5, "stops at an epoch end: 100 images in batches of 20");
        assertTrue(stop.steps() >= 10, "the target should take more than one epoch, took " + stop.steps());
        Batch all = data.train().all();
        Function<Params, Tensor> e = q -> ce.loss(q, all);
        Batches schedule = new Batches(data.train(), 20, Order.RESHUFFLE, EqualLossTraining.SGD_ORDER + 4, false);
        Params p = model.init(Rng.seed(4), s.dtype());
        Params previous = null;
        for (int epoch = 0; epoch < stop.steps() / 5; epoch++) {
            assertTrue(e.apply(p).item() > s.lossTarget(), "loss already at target after epoch " + epoch);
            previous = p;
            for (Batch b : schedule.epoch(epoch)) {
                p = p.addScaled(Autodiff.grad((Params q) -> ce.loss(q, b)).apply(p), -arm.h());
            }
        }
        assertTrue(e.apply(p).item() <= s.lossTarget());
        assertEquals(e.apply(p).item(), stop.trainLoss(), 1e-12);
        assertEquals(0.0, p.sub(stop.params()).normSquared().item(), 1e-20);
        assertEquals(0.0, previous.sub(stop.before()).normSquared().item(), 1e-20);
        assertEquals(e.apply(previous).item(), stop.lossBefore(), 1e-12);
        IgrRun r = EqualLossTraining.run(s, data, arm, 4);
        assertEquals(stop.steps(), r.steps());
        assertEquals(s.lossTarget(), r.trainLoss(), 0.0, "measured at the target loss");
    }

    @Test
    void fullBatchTrainingRefusesAnSgdArm() {
        IgrSetting s = tiny(1.6, 50, new double[] {0.1, 0.2}, new double[0]);
        Sequential model = Models.parse(s.model());
        IgrData data = IgrData.embeddedMnist(s.trainSize(), s.dtype());
        assertThrows(IllegalArgumentException.class, () -> EqualLossTraining.train(s, model,
                Objective.crossEntropy(model), data.train().all(), Arm.sgd(0.1, 20), 0));
    }
}
