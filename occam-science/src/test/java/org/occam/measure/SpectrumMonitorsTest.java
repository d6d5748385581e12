package org.occam.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.data.Dataset;
import org.occam.data.Synthetic;
import org.occam.nn.Activation;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.train.Monitor;
import org.occam.train.Objective;

/** The converged sharpness, sequential trace and block monitors against dense values, and their cap flags. */
class SpectrumMonitorsTest {
    private final Dataset data = Synthetic.twoMoons(64, 0.1, Rng.seed(3));
    private final Sequential model = Models.mlp(Activation.TANH, 2, 8, 2);
    private final Params init = model.init(Rng.seed(4), DType.FLOAT64);
    private final Objective objective = Objective.crossEntropy(model);
    private final Monitor.Context ctx = new Monitor.Context(0, init, model, objective, data, 0.1);
    private final Batch batch = Monitors.evalBatch(data, 32, 0);
    private final double[][] h = Hessians.denseMatrix(LinearOperator.hessian(p -> objective.loss(p, batch), init));

    @Test
    void sharpnessConvergesOrFlagsTheCap() {
        double exact = SymmetricEigen.of(h).values()[0];
        Map<String, Double> ok = Monitors.sharpness(5, 32, 40, 1e-6).measure(ctx);
        assertEquals(1.0, ok.get("sharpness_converged"));
        assertTrue(ok.get("sharpness_residual") <= 1e-6);
        assertTrue(MeasureFixtures.relErr(exact, ok.get("sharpness")) <= 1e-6, ok + " vs " + exact);
        Map<String, Double> capped = Monitors.sharpness(5, 32, 2, 1e-6).measure(ctx);
        assertEquals(0.0, capped.get("sharpness_converged"));
        assertEquals(2.0, capped.get("sharpness_steps"));
        assertTrue(capped.get("sharpness_residual") > 1e-6);
    }

    @Test
    void blockTracesSumToTrace() {
        Map<String, Double> m = Monitors.blocks(5, 32, HessianBlocks.Grouping.LAYERS, 1000, new Tolerance(1e-6, 50),
                new Tolerance(0.1, 50)).measure(ctx);
        double sum = m.get("block_trace_0") + m.get("block_trace_2");
        assertEquals(MeasureFixtures.trace(h), sum, 1e-12 * Math.abs(sum));
        assertEquals(1.0, m.get("block_converged_0"));
        Map<String, Double> t = Monitors.hessianTrace(5, 32, 12, 1e-6).measure(ctx);
        assertEquals(0.0, t.get("hessian_trace_converged"));
        assertEquals(12.0, t.get("hessian_trace_probes"));
    }
}
