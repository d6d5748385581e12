package org.occam.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.data.Dataset;
import org.occam.data.Order;
import org.occam.optim.LearningRateRule;
import org.occam.optim.Schedule;
import org.occam.optim.Sgd;
import org.occam.tensor.DType;
import org.occam.tensor.Tensor;

/**
 * Stop conditions of the {@link Trainer} on E(θ) = θ²/2 from θ₀ = 1: GD at rate h gives
 * θ_k = (1 − h)^k and E_k = (1 − h)^{2k}/2 exactly (h = 1/2: 1/2, 1/8, 1/32, ...), so the crossing
 * step of a loss target, the iterate before it and the interpolation weight are known in closed form.
 */
class TrainerStopTest {
    private static final Dataset DATA = Dataset.of("points", Tensor.zeros(DType.FLOAT64, 4, 1), new int[4], 1);
    private static final Objective HALF_SQUARE = (p, b) -> p.get("theta").square().mul(0.5).sum();

    private static Trainer.Setup setup(double h, long steps, List<Monitor> monitors, MetricsSink sink) {
        Params init = Params.of("theta", Tensor.of(new double[] {1}, 1));
        TrainSpec spec = new TrainSpec(4, steps, Order.SEQUENTIAL, 0, 0, 0, Double.POSITIVE_INFINITY, 4);
        return new Trainer.Setup(null, init, HALF_SQUARE, DATA, null, new Sgd(), LearningRateRule.of(Schedule.constant(h)),
                spec, monitors, sink, null);
    }

    private static double theta(Params p) {
        return p.get("theta").toDoubleArray()[0];
    }

    private static double number(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).doubleValue();
    }

    /** Target 0.1 at h = 1/2: E_1 = 1/8 above, E_2 = 1/32 at or below; w = (1/8 − 0.1)/(1/8 − 1/32) = 4/15. */
    @Test
    void lossTargetStopsAtTheCrossingAndKeepsTheIterateBefore() {
        Trainer.Result r = Trainer.run(setup(0.5, 100, null, null).withStop(StopCondition.atMost("loss", 0.1)));
        assertEquals(RunStatus.State.STOPPED, r.status().state());
        assertEquals(2, r.status().step());
        assertEquals(0.25, theta(r.params()), 0.0);
        assertEquals(1.0 / 32, number(r.lastMetrics(), "loss"), 0.0);
        assertTrue(r.previous().isPresent());
        Trainer.Previous before = r.previous().get();
        assertEquals(0.5, theta(before.params()), 0.0);
        assertEquals(1.0, number(before.row(), "step"), 0.0);
        double lossBefore = number(before.row(), "loss");
        assertEquals(0.125, lossBefore, 0.0);
        double w = (lossBefore - 0.1) / (lossBefore - number(r.lastMetrics(), "loss"));
        assertEquals(4.0 / 15, w, 1e-15);
    }

    /** A run stopped at its first row has no iterate before it. */
    @Test
    void stopAtTheStartHasNoPrevious() {
        Trainer.Result r = Trainer.run(setup(0.5, 100, null, null).withStop(StopCondition.atMost("loss", 0.5)));
        assertEquals(0, r.status().step());
        assertFalse(r.previous().isPresent());
    }

    /** h = 3: θ_k = (−2)^k, E_k = 4^k/2 = 0.5, 2, 8, 32: diverged above 10 at step 3, the iterate before kept. */
    @Test
    void divergenceIsRecordedAsDiverged() {
        List<Map<String, Object>> rows = new ArrayList<>();
        Trainer.Result r = Trainer.run(setup(3, 100, null, rows::add).withStop(StopCondition.diverged("loss", 10)
                .or(StopCondition.atMost("loss", 1e-3))));
        assertEquals(RunStatus.State.DIVERGED, r.status().state());
        assertEquals(3, r.status().step());
        assertTrue(r.status().message().startsWith(StopCondition.DIVERGED), r.status().message());
        assertEquals(-8.0, theta(r.params()), 0.0);
        assertEquals("diverged", rows.getLast().get("status"));
        assertEquals(4, rows.size());
        assertEquals(4.0, theta(r.previous().orElseThrow().params()), 0.0);
    }

    /** Non-finite values diverge; finite ones at or below the bound do not; a row without the key is not decided. */
    @Test
    void divergedReadsNonFiniteValues() {
        StopCondition d = StopCondition.diverged("e", 10);
        assertTrue(d.check(Map.of("e", Double.NaN)).isPresent());
        assertTrue(d.check(Map.of("e", Double.POSITIVE_INFINITY)).isPresent());
        assertTrue(d.check(Map.of("e", 10.5)).orElseThrow().startsWith(StopCondition.DIVERGED));
        assertEquals(Optional.empty(), d.check(Map.of("e", 10.0)));
        assertEquals(Optional.empty(), d.check(Map.of("f", Double.NaN)));
        assertFalse(d.decides(Map.of("f", 1.0)));
        assertTrue(d.decides(Map.of("e", Double.NaN)));
    }

    /** A step budget of 5 at h = 1/10 (target out of reach): stopped at step 5 with θ = 0.9^5. */
    @Test
    void stepBudgetStops() {
        Trainer.Result r = Trainer.run(setup(0.1, 100, null, null).withStop(StopCondition.atMost("loss", 1e-9)
                .or(StopCondition.steps(5))));
        assertEquals(RunStatus.State.STOPPED, r.status().state());
        assertEquals(5, r.status().step());
        double expected = 1;
        for (int k = 0; k < 5; k++) {
            expected = expected - 0.1 * expected;
        }
        assertEquals(expected, theta(r.params()), 0.0);
        assertEquals(4.0, number(r.previous().orElseThrow().row(), "step"), 0.0);
    }

    /**
     * A budget spent only at measured rows (a monitor every 3 steps): the run stops at step 6, the first
     * measured row at or after step 4, and the iterate before is the last measured one (step 3).
     */
    @Test
    void budgetOnlyWithAMeasurementAndPreviousMeasuredRow() {
        Monitor every3 = Monitor.of(3, ctx -> Map.of("e", HALF_SQUARE.loss(ctx.params(), null).item()));
        StopCondition c = StopCondition.atMost("e", 1e-9).or(StopCondition.steps(4).onlyWith("e"));
        Trainer.Result r = Trainer.run(setup(0.1, 100, List.of(every3), null).withStop(c));
        assertEquals(6, r.status().step());
        Trainer.Previous before = r.previous().orElseThrow();
        assertEquals(3.0, number(before.row(), "step"), 0.0);
        assertEquals(0.5 * theta(before.params()) * theta(before.params()), number(before.row(), "e"), 1e-15);
        assertFalse(c.decides(Map.of("step", 5L)));
        assertTrue(c.decides(Map.of("step", 5L, "e", 1.0)));
    }

    /** A row that already meets the condition is not measured: the monitor runs at steps 0 and 1 only. */
    @Test
    void monitorsAreSkippedOnceTheRowMeetsTheCondition() {
        AtomicInteger calls = new AtomicInteger();
        Monitor counted = Monitor.of(1, ctx -> {
            calls.incrementAndGet();
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("calls", (double) calls.get());
            return m;
        });
        List<Map<String, Object>> rows = new ArrayList<>();
        Trainer.Result r = Trainer.run(setup(0.5, 100, List.of(counted), rows::add)
                .withStop(StopCondition.atMost("loss", 0.1)));
        assertEquals(2, r.status().step());
        assertEquals(2, calls.get());
        assertFalse(rows.getLast().containsKey("calls"));
    }
}
