package org.occam.lr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.data.Batches;
import org.occam.data.Dataset;
import org.occam.measure.GradientStats;
import org.occam.optim.LearningRateRule;
import org.occam.optim.Schedule;
import org.occam.optim.Sgd;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;
import org.occam.train.TrainSpec;
import org.occam.train.Trainer;

/** DAL and CLR in the unmodified training loop; COR-1's corridor claims through the trainer. */
class TrainerPluggingTest {
    static final Dataset DATA = LrFixtures.data();
    static final Objective MSE = Objective.mse(LrFixtures.MLP);

    static List<Map<String, Object>> run(Function<Params, Tensor> f, Params init, LearningRateRule rule, int steps) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Trainer.run(new Trainer.Setup(null, init, LrFixtures.objective(f), LrFixtures.dummyData(), null, new Sgd(), rule,
                TrainSpec.of(1, steps, 0).withEvalEvery(0), List.of(), rows::add, null));
        return rows;
    }

    static double num(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).doubleValue();
    }

    /** Mini-batch DAL-1 on the trainer's own batches: the row's lr is 2/v of the step's batch. */
    @Test
    void dalOnTrainerBatches() {
        TrainSpec spec = TrainSpec.of(4, 12, 7).withEvalEvery(0);
        DriftAdaptiveLearningRate dal = DriftAdaptiveLearningRate.driftAdaptiveLearningRate(0.05, 1,
                StepLoss.trainerBatches(MSE, DATA, spec), HessianGradient.exact());
        List<Map<String, Object>> rows = new ArrayList<>();
        Trainer.Result r = Trainer.run(new Trainer.Setup(LrFixtures.MLP, LrFixtures.mlpParams(), MSE, DATA, null, new Sgd(),
                dal, spec, List.of(new DriftAdaptiveMetrics(dal)), rows::add, null));
        assertTrue(r.status().toString().toLowerCase().contains("complete"), r.status().toString());
        for (Map<String, Object> row : rows.subList(0, 12)) {
            assertEquals(num(row, "lr"), num(row, "dal_lr"));
            assertEquals(Math.min(5, 2 / num(row, "drift_ratio")), num(row, "lr"), 1e-12);
        }
        Batch first = new Batches(DATA, 4, spec.order(), spec.seed(), false).epoch(0).get(0);
        double v0 = GradientStats.driftRatio(p -> MSE.loss(p, first), LrFixtures.mlpParams());
        assertEquals(v0, num(rows.get(0), "drift_ratio"), 1e-12 * v0);
    }

    /** Claiming the trainer's mini-batch gradient is the full-batch one is caught at the first step. */
    @Test
    void fullBatchStepLossRejectsMiniBatchTraining() {
        TrainSpec spec = TrainSpec.of(4, 3, 7).withEvalEvery(0);
        DriftAdaptiveLearningRate dal = DriftAdaptiveLearningRate.driftAdaptiveLearningRate(0.05, 1,
                StepLoss.fullBatch(MSE, DATA), HessianGradient.finiteDifference());
        assertThrows(IllegalStateException.class, () -> Trainer.run(new Trainer.Setup(LrFixtures.MLP,
                LrFixtures.mlpParams(), MSE, DATA, null, new Sgd(), dal, spec, List.of(), null, null)));
    }

    /** Full-batch DAL (finite difference, as in the reference) trains the MLP and lowers the loss. */
    @Test
    void fullBatchDalTrains() {
        TrainSpec spec = TrainSpec.of(DATA.size(), 60, 0).withEvalEvery(0);
        DriftAdaptiveLearningRate dal = DriftAdaptiveLearningRate.driftAdaptiveLearningRate(0.05, 1,
                StepLoss.fullBatch(MSE, DATA), HessianGradient.finiteDifference());
        List<Map<String, Object>> rows = new ArrayList<>();
        Trainer.run(new Trainer.Setup(LrFixtures.MLP, LrFixtures.mlpParams(), MSE, DATA, null, new Sgd(), dal, spec,
                List.of(new DriftAdaptiveMetrics(dal)), rows::add, null));
        double first = num(rows.get(0), "loss");
        double last = num(rows.get(rows.size() - 1), "train_loss");
        assertTrue(last < 0.8 * first, "loss " + first + " -> " + last);
        assertTrue(num(rows.get(5), "lr") > 0.05, "DAL-1 takes larger steps than the base rate here");
    }

    /** CLR in a corridor: zero loss after one step, then no further step (E = 0 gives h = 0). */
    @Test
    void clrReachesZeroLossInOneTrainerStep() {
        Function<Params, Tensor> f = LrFixtures.linear(2.0, 0.5, 1.0);
        List<Map<String, Object>> rows = run(f, LrFixtures.vector(1, 1),
                CorridorLearningRate.corridorLearningRate(50, 0), 3);
        assertEquals(3.5, num(rows.get(0), "loss"), 1e-15);
        assertEquals(3.5 / 1.25, num(rows.get(0), "lr"), 1e-15);
        assertEquals(0, num(rows.get(1), "loss"), 1e-14);
        assertEquals(0, num(rows.get(2), "lr"), 1e-12);
    }

    /**
     * COR-1 (METHODS §11): E(x, y) = x + ½y². On the corridor y = 0, GD equals gradient flow at
     * t = nh (x_n = x_0 − nh) and the loss falls linearly by h‖g‖² = h per step; off the corridor y
     * contracts by (1 − h)^n.
     */
    @Test
    void corridorClaims() {
        Function<Params, Tensor> f = p -> {
            Tensor w = p.get("w");
            return w.slice(0, 0, 1).sum().add(w.slice(0, 1, 2).square().sum().mul(0.5));
        };
        double h = 0.3;
        List<Map<String, Object>> on = run(f, LrFixtures.vector(2, 0), LearningRateRule.of(Schedule.constant(h)), 20);
        for (int n = 0; n < 20; n++) {
            assertEquals(2 - n * h, num(on.get(n), "loss"), 1e-13, "step " + n);
        }
        List<Map<String, Object>> off = run(f, LrFixtures.vector(2, 1), LearningRateRule.of(Schedule.constant(h)), 20);
        for (int n = 0; n < 20; n++) {
            double y = Math.pow(1 - h, n);
            assertEquals(2 - n * h + 0.5 * y * y, num(off.get(n), "loss"), 1e-13, "step " + n);
        }
    }
}
