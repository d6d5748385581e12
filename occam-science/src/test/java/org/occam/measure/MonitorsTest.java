package org.occam.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.data.Dataset;
import org.occam.data.Synthetic;
import org.occam.nn.Activation;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.optim.LearningRateRule;
import org.occam.optim.Schedule;
import org.occam.optim.Sgd;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.train.Monitor;
import org.occam.train.Objective;
import org.occam.train.TrainSpec;
import org.occam.train.Trainer;

class MonitorsTest {
    /** Monitors run on their period inside the loop and report the same values as direct calls. */
    @Test
    void monitorsReportOnTheirPeriodAndMatchDirectMeasurements() {
        Dataset d = Synthetic.twoMoons(64, 0.1, Rng.seed(3));
        Sequential m = Models.mlp(Activation.TANH, 2, 8, 2);
        Params init = m.init(Rng.seed(4), DType.FLOAT64);
        Objective o = Objective.crossEntropy(m);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Monitor> monitors = List.of(Monitors.gradients(5, 32), Monitors.sharpness(5, 32, 30),
                Monitors.hessianTrace(10, 32, 4), Monitors.geometricComplexity(5, 32));
        Trainer.run(new Trainer.Setup(m, init, o, d, null, new Sgd(), LearningRateRule.of(Schedule.constant(0.1)),
                TrainSpec.of(64, 12, 0).withEvalEvery(0), monitors, rows::add, null));
        assertTrue(rows.get(0).containsKey("sharpness") && rows.get(5).containsKey("gc") && rows.get(10).containsKey("hessian_trace"));
        assertTrue(!rows.get(1).containsKey("grad_norm"));
        assertEquals(20.0, (Double) rows.get(0).get("two_over_lr"), 1e-12);
        // step 0 values equal direct measurements at the initial parameters on the same subset
        var b = Monitors.evalBatch(d, 32, 0);
        double sharp = Hessians.dense(p -> o.loss(p, b), init).eigenvalues()[0];
        assertEquals(sharp, (Double) rows.get(0).get("sharpness"), 1e-8 * Math.abs(sharp));
        double g = Math.sqrt(GradientStats.gradNormSquared(p -> o.loss(p, b), init));
        assertEquals(g, (Double) rows.get(0).get("grad_norm"), 1e-12);
        var gcBatch = Monitors.evalBatch(d, 32, 1);
        assertEquals(GeometricComplexity.exact(m, init, gcBatch.x()).item(), (Double) rows.get(0).get("gc"), 1e-12);
    }
}
