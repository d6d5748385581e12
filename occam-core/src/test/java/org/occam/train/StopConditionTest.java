package org.occam.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.autodiff.Params;
import org.occam.data.Datasets;
import org.occam.data.TrainTest;
import org.occam.nn.Activation;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.optim.LearningRateRule;
import org.occam.optim.Momentum;
import org.occam.optim.Schedule;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;

class StopConditionTest {
    private static final TrainTest DATA = Datasets.digitsSplit();

    private static Trainer.Setup setup(TrainSpec spec, MetricsSink sink, CheckpointStore store) {
        Sequential model = Models.mlp(Activation.TANH, 64, 16, 10);
        Params init = model.init(Rng.seed(2), DType.FLOAT32);
        return new Trainer.Setup(model, init, Objective.crossEntropy(model), DATA.train(), null,
                new Momentum(0.9, false, 0), LearningRateRule.of(Schedule.constant(0.05)), spec, List.of(), sink, store);
    }

    private static TrainSpec spec(long steps) {
        return TrainSpec.of(50, steps, 7).withEvalEvery(5);
    }

    private static void assertSameBits(Params expected, Params actual) {
        for (String name : expected.names()) {
            assertArrayEquals(expected.get(name).toFloatArray(), actual.get(name).toFloatArray(), 0f, name);
        }
    }

    /** The first evaluated step whose training loss is at most the target, from a run without a condition. */
    private static long firstAtMost(List<Map<String, Object>> rows, double target) {
        for (Map<String, Object> r : rows) {
            if (r.get("train_loss") instanceof Number n && n.doubleValue() <= target && !r.containsKey("final")) {
                return ((Number) r.get("step")).longValue();
            }
        }
        throw new AssertionError("no row reaches " + target);
    }

    /**
     * A run stops at the first row meeting the condition and returns the parameters before that
     * step's update: the bits of a run of exactly that many steps; the stopped row is the last row.
     */
    @Test
    void stopsAtTheFirstRowThatMeetsTheCondition() {
        List<Map<String, Object>> free = new ArrayList<>();
        Trainer.run(setup(spec(60), free::add, null));
        double target = ((Number) free.get(30).get("train_loss")).doubleValue();
        long expected = firstAtMost(free, target);
        assertTrue(expected > 0 && expected <= 30, "the target is met inside the run, at " + expected);

        List<Map<String, Object>> rows = new ArrayList<>();
        Trainer.Result stopped = Trainer.run(setup(spec(60), rows::add, null).withStop(StopCondition.trainLoss(target)));
        assertEquals(RunStatus.State.STOPPED, stopped.status().state());
        assertEquals(expected, stopped.status().step());
        assertTrue(stopped.status().message().startsWith("train_loss "), stopped.status().message());
        assertEquals(expected + 1, rows.size(), "rows 0..step, no final row");
        assertEquals("stopped", rows.getLast().get("status"));
        assertEquals(free.get((int) expected).get("train_loss"), rows.getLast().get("train_loss"));

        Trainer.Result exact = Trainer.run(setup(spec(expected), null, null));
        assertSameBits(exact.params(), stopped.params());
        assertEquals(exact.optimizer().step(), stopped.optimizer().step());
    }

    /** A run resumed from a checkpoint before the stop stops at the same step with the same bits, and a rerun stops at once. */
    @Test
    void resumedRunStopsAtTheSameStepWithTheSameBits(@TempDir Path dir) {
        List<Map<String, Object>> free = new ArrayList<>();
        Trainer.run(setup(spec(60), free::add, null));
        double target = ((Number) free.get(35).get("train_loss")).doubleValue();
        StopCondition stop = StopCondition.trainLoss(target);
        Trainer.Result straight = Trainer.run(setup(spec(60), null, null).withStop(stop));
        long at = straight.status().step();
        assertTrue(at > 10, "stops after the first checkpoint, at " + at);

        CheckpointStore store = new CheckpointStore(dir.resolve("ckpt"));
        MetricsSink killer = row -> {
            if (((Number) row.get("step")).longValue() == at - 1) {
                throw new IllegalStateException("simulated kill");
            }
        };
        TrainSpec checkpointed = spec(60).withCheckpointEvery(10);
        assertThrows(IllegalStateException.class,
                () -> Trainer.run(setup(checkpointed, killer, store).withStop(stop)));
        List<Long> steps = new ArrayList<>();
        Trainer.Result resumed = Trainer.run(setup(checkpointed, r -> steps.add(((Number) r.get("step")).longValue()), store)
                .withStop(stop));
        assertTrue(steps.getFirst() > 0, "resumed from a checkpoint, at " + steps.getFirst());
        assertEquals(straight.status(), resumed.status());
        assertSameBits(straight.params(), resumed.params());

        List<Map<String, Object>> again = new ArrayList<>();
        Trainer.Result rerun = Trainer.run(setup(checkpointed, again::add, store).withStop(stop));
        assertEquals(1, again.size(), "the stopped state was checkpointed: only its row is recomputed");
        assertEquals(straight.status(), rerun.status());
        assertSameBits(straight.params(), rerun.params());
    }

    /** A condition never met runs to the step budget with the bits of a run without one. */
    @Test
    void conditionNeverMetRunsToTheBudget() {
        Trainer.Result plain = Trainer.run(setup(spec(25), null, null));
        List<Map<String, Object>> rows = new ArrayList<>();
        Trainer.Result never = Trainer.run(setup(spec(25), rows::add, null).withStop(StopCondition.trainLoss(-1)
                .or(StopCondition.trainAccuracy(1.5))));
        assertEquals(RunStatus.completed(25), never.status());
        assertEquals(26, rows.size());
        assertSameBits(plain.params(), never.params());
        assertFalse(rows.getLast().containsKey("status"));
    }

    /** The final row is checked too: a condition first met there stops the run at step = steps. */
    @Test
    void finalRowIsChecked() {
        Trainer.Result r = Trainer.run(setup(spec(3), null, null).withStop(StopCondition.when("final row", row -> row.containsKey("final"))));
        assertEquals(RunStatus.stopped(3, "final row"), r.status());
        assertEquals("stopped", r.lastMetrics().get("status"));
    }

    /** Keys missing or NaN never meet a bound; and needs both (both reasons), or either (the first met). */
    @Test
    void composition() {
        Map<String, Object> row = Map.of("train_loss", 0.01, "train_accuracy", 1.0, "gc", Double.NaN);
        StopCondition loss = StopCondition.trainLoss(0.05);
        StopCondition acc = StopCondition.trainAccuracy(1);
        assertEquals(Optional.of("train_loss 0.01 <= 0.05 and train_accuracy 1.0 >= 1.0"), loss.and(acc).check(row));
        assertEquals(Optional.empty(), loss.and(StopCondition.trainLoss(0.001)).check(row));
        assertEquals(Optional.of("train_accuracy 1.0 >= 1.0"), StopCondition.trainLoss(0.001).or(acc).check(row));
        assertEquals(Optional.empty(), StopCondition.atMost("gc", 1).check(row));
        assertEquals(Optional.empty(), StopCondition.atMost("test_loss", 1).check(row));
        assertEquals(Optional.empty(), StopCondition.never().check(row));
        assertThrows(IllegalArgumentException.class, () -> StopCondition.atMost("", 1));
        assertThrows(IllegalArgumentException.class, () -> StopCondition.atLeast("train_accuracy", Double.NaN));
    }
}
