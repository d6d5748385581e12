package org.occam.lr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.optim.LearningRateRule;
import org.occam.optim.Schedule;
import org.occam.optim.Sgd;
import org.occam.tensor.Tensor;
import org.occam.train.Monitor;
import org.occam.train.TrainSpec;
import org.occam.train.Trainer;

/** The sharpness-vs-2/h tracker on quadratics with known λ_max, and the trace summary. */
class EdgeOfStabilityTest {
    static final Function<Params, Tensor> QUAD = LrFixtures.quadratic(3, 1, 0.5);

    @Test
    void monitorReportsTheKnownSharpnessNextToTwoOverH() {
        EdgeOfStabilityMonitor m = new EdgeOfStabilityMonitor(5, 1, 3);
        Map<String, Double> v = m.measure(new Monitor.Context(0, LrFixtures.vector(0.1, 0.2, 0.3), null,
                LrFixtures.objective(QUAD), LrFixtures.dummyData(), 0.5));
        assertEquals(3, v.get("sharpness"), 1e-10);
        assertEquals(4, v.get("two_over_lr"), 1e-15);
        assertEquals(0.75, v.get("edge_ratio"), 1e-10);
        assertEquals(5, m.every());
    }

    /** GD at hλ_max = 1.875 on the quadratic: λ stays 3, within 10 % of 2/h = 3.2 from the start. */
    @Test
    void trainerRunOnAQuadraticSitsAtTheEdgeWithoutSharpening() {
        double h = 2 / 3.2;
        List<Map<String, Object>> rows = new ArrayList<>();
        Trainer.Setup s = new Trainer.Setup(null, LrFixtures.vector(1, 1, 1), LrFixtures.objective(QUAD),
                LrFixtures.dummyData(), null, new Sgd(), LearningRateRule.of(Schedule.constant(h)),
                TrainSpec.of(1, 40, 0).withEvalEvery(0), List.of(new EdgeOfStabilityMonitor(10, 1, 3)), rows::add, null);
        Trainer.run(s);
        List<Map<String, Object>> measured = rows.stream().filter(r -> r.containsKey("two_over_lr")).toList();
        assertEquals(4, measured.size(), "steps 0, 10, 20, 30");
        for (Map<String, Object> r : measured) {
            assertEquals(3, ((Number) r.get("sharpness")).doubleValue(), 1e-9);
        }
        EdgeOfStability e = EdgeOfStability.fromRows(rows);
        assertEquals(4, e.measurements());
        assertEquals(0, e.arrivalStep());
        assertEquals(1, e.fractionNearEdge());
        assertEquals(1, e.sharpeningRatio(), 1e-9);
        assertFalse(e.progressiveSharpening());
        assertEquals(0.9375, e.maxEdgeRatio(), 1e-9);
    }

    @Test
    void summaryFindsSharpeningArrivalAndHovering() {
        double[] steps = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] lambda = {1, 1.5, 2, 2.5, 3, 3.8, 4.1, 3.9, 4.0, 4.2};
        double[] two = new double[10];
        java.util.Arrays.fill(two, 4);
        EdgeOfStability e = EdgeOfStability.summarize(steps, lambda, two, 0.1);
        assertTrue(e.reachedEdge() && e.progressiveSharpening());
        assertEquals(5, e.arrivalStep());
        assertEquals(3.8, e.sharpeningRatio(), 1e-12);
        assertEquals(4.2, e.peakSharpness());
        assertEquals(0.5, e.fractionNearEdge(), 1e-12);
        assertEquals(1, e.fractionNearEdgeAfter(), 1e-12);
        assertEquals(1, e.meanEdgeRatioAfter(), 1e-12);
        assertEquals(1.05, e.maxEdgeRatio(), 1e-12);
        EdgeOfStability never = EdgeOfStability.summarize(new double[] {0, 1}, new double[] {1, 1.05},
                new double[] {4, 4}, 0.1);
        assertFalse(never.reachedEdge());
        assertEquals(-1, never.arrivalStep());
        assertFalse(never.progressiveSharpening(), "5 % growth is below the tolerance");
        assertTrue(Double.isNaN(never.fractionNearEdgeAfter()));
    }

    @Test
    void lossSpikesCountEpisodes() {
        double[] loss = {1, 0.9, 0.5, 1.2, 1.1, 0.4, 0.3, 0.7, 0.2, Double.NaN};
        assertEquals(3, LossSpikes.count(loss, 2));
        assertEquals(0, LossSpikes.count(new double[] {3, 2, 1, 1.5}, 2));
        assertEquals(2, LossSpikes.increases(new double[] {3, 2, 2.5, 1, 1.5}));
    }
}
