package org.occam.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.data.Dataset;
import org.occam.data.Datasets;
import org.occam.data.TrainTest;
import org.occam.nn.Activation;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.optim.LearningRateRule;
import org.occam.optim.Momentum;
import org.occam.optim.Schedule;
import org.occam.optim.Sgd;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;

class TrainerTest {

    private static Trainer.Setup digitsSetup(TrainTest data, TrainSpec spec, MetricsSink sink, CheckpointStore store) {
        Sequential model = Models.mlp(Activation.TANH, 64, 64, 10);
        Params init = model.init(Rng.seed(1), DType.FLOAT32);
        return new Trainer.Setup(model, init, Objective.crossEntropy(model), data.train(), data.test(),
                new Momentum(0.9, false, 0), LearningRateRule.of(Schedule.constant(0.05)), spec, List.of(), sink, store);
    }

    /** The embedded digits MLP learns: at least 95 % test accuracy. */
    @Test
    void digitsMlpReachesNinetyFivePercent() {
        TrainTest data = Datasets.digitsSplit();
        Trainer.Result r = Trainer.run(digitsSetup(data, TrainSpec.of(32, 1500, 0).withEvalEvery(500), null, null));
        assertEquals(RunStatus.State.COMPLETED, r.status().state());
        double acc = (Double) r.lastMetrics().get("test_accuracy");
        assertTrue(acc >= 0.95, "test accuracy " + acc);
    }

    /** A run killed after a checkpoint and resumed ends with exactly the bits of an uninterrupted run. */
    @Test
    void killAndResumeGivesIdenticalBits(@TempDir Path dir) {
        TrainTest data = Datasets.digitsSplit();
        TrainSpec spec = TrainSpec.of(50, 90, 3).withCheckpointEvery(20).withEvalEvery(0);
        Params straight = Trainer.run(digitsSetup(data, spec, null, null)).params();

        CheckpointStore store = new CheckpointStore(dir.resolve("ckpt"));
        MetricsSink killer = row -> {
            if (((Number) row.get("step")).longValue() == 47) {
                throw new IllegalStateException("simulated kill");
            }
        };
        assertThrows(IllegalStateException.class, () -> Trainer.run(digitsSetup(data, spec, killer, store)));
        List<Long> resumedSteps = new ArrayList<>();
        Trainer.Result resumed = Trainer.run(digitsSetup(data, spec,
                row -> resumedSteps.add(((Number) row.get("step")).longValue()), store));
        assertEquals(40L, resumedSteps.get(0), "resumes at the last checkpoint");
        for (String name : straight.names()) {
            assertArrayEquals(straight.get(name).toFloatArray(), resumed.params().get(name).toFloatArray(), 0f, name);
        }
    }

    /** Killed after the last checkpoint but before the final row: resuming writes the final row, nothing else. */
    @Test
    void resumingAtTheEndStillWritesTheFinalRow(@TempDir Path dir) {
        TrainTest data = Datasets.digitsSplit();
        TrainSpec spec = TrainSpec.of(50, 20, 3).withCheckpointEvery(10).withEvalEvery(0);
        CheckpointStore store = new CheckpointStore(dir.resolve("ckpt"));
        Trainer.Result first = Trainer.run(digitsSetup(data, spec, null, store));
        List<Map<String, Object>> rows = new ArrayList<>();
        Trainer.Result again = Trainer.run(digitsSetup(data, spec, rows::add, store));
        assertEquals(1, rows.size());
        assertEquals(20L, ((Number) rows.get(0).get("step")).longValue());
        assertEquals(Boolean.TRUE, rows.get(0).get("final"));
        assertEquals(first.lastMetrics().get("test_accuracy"), again.lastMetrics().get("test_accuracy"));
    }

    /** A learning rate far too large ends the run as diverged, with the step, not with an exception. */
    @Test
    void divergenceIsRecordedNotThrown() {
        TrainTest data = Datasets.digitsSplit();
        Sequential model = Models.mlp(Activation.RELU, 64, 64, 10);
        List<Map<String, Object>> rows = new ArrayList<>();
        Trainer.Setup s = new Trainer.Setup(model, model.init(Rng.seed(0), DType.FLOAT32), Objective.crossEntropy(model),
                data.train(), null, new Sgd(), LearningRateRule.of(Schedule.constant(1e4)), TrainSpec.of(64, 200, 0),
                List.of(), rows::add, null);
        Trainer.Result r = Trainer.run(s);
        assertEquals(RunStatus.State.DIVERGED, r.status().state());
        assertTrue(r.status().step() > 0 && r.status().step() < 200, "diverged at " + r.status().step());
        assertEquals("diverged", rows.get(rows.size() - 1).get("status"));
    }

    /** A batch processed in chunks gives the gradient of the whole batch. */
    @Test
    void chunkedFullBatchGradientEqualsOnePass() {
        Dataset d = Datasets.digits().asType(DType.FLOAT64).slice(0, 300);
        Sequential model = Models.mlp(Activation.TANH, 64, 16, 10);
        Params p = model.init(Rng.seed(2), DType.FLOAT64);
        int[] all = new int[300];
        for (int i = 0; i < 300; i++) {
            all[i] = i;
        }
        Batch b = d.batch(all);
        Objective o = Objective.crossEntropy(model);
        var one = Trainer.valueAndGrad(o, p, b, 1000);
        var chunked = Trainer.valueAndGrad(o, p, b, 64);
        assertEquals(one.value().item(), chunked.value().item(), 1e-13);
        assertArrayEquals(one.grad().flatten().toDoubleArray(), chunked.grad().flatten().toDoubleArray(), 1e-14);
    }
}
