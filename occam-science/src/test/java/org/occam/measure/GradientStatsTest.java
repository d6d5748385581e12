package org.occam.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.data.Dataset;
import org.occam.data.Synthetic;
import org.occam.nn.Activation;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

class GradientStatsTest {
    private static final DType F64 = DType.FLOAT64;

    /** Closed forms for a quadratic E = ½ θᵀ diag(a) θ: g = aθ, Hg = a²θ. */
    @Test
    void normsAndDriftOnAQuadratic() {
        Tensor a = Tensor.of(new double[] {1, 2, 3}, 3);
        Function<Params, Tensor> e = p -> p.get("t").square().mul(a).sum().mul(0.5);
        Params p = Params.of("t", Tensor.of(new double[] {1, -1, 2}, 3));
        // g = (1, -2, 6); ‖g‖² = 41; Hg = (1, -4, 18), ‖Hg‖ = √341
        assertEquals(41, GradientStats.gradNormSquared(e, p), 1e-12);
        assertEquals(41.0 / 3, GradientStats.implicitGradientRegularizer(e, p), 1e-12);
        assertEquals(Math.sqrt(341) / Math.sqrt(41), GradientStats.driftRatio(e, p), 1e-12);
    }

    /** Γ from per-example gradients equals (1/N)Σ‖g_i‖² − ‖ḡ‖²; micro-batch norms match direct gradients. */
    @Test
    void covarianceTraceAndMicroBatches() {
        Dataset d = Synthetic.twoMoons(12, 0.1, Rng.seed(1));
        Sequential m = Models.mlp(Activation.TANH, 2, 5, 2);
        Params p = m.init(Rng.seed(2), F64);
        Objective o = Objective.crossEntropy(m);
        Batch b = d.all();
        double sumSq = 0;
        Params mean = null;
        for (int i = 0; i < b.size(); i++) {
            Batch one = GradientStats.rows(b, i, i + 1);
            Params g = Autodiff.grad((Params q) -> o.loss(q, one)).apply(p);
            sumSq += g.normSquared().item();
            mean = mean == null ? g : mean.add(g);
        }
        mean = mean.scale(1.0 / b.size());
        double expected = sumSq / b.size() - mean.normSquared().item();
        assertEquals(expected, GradientStats.gradientCovarianceTrace(o, p, b), 1e-12);
        double[] micro = GradientStats.microBatchGradNorms(o, p, b, 3);
        Batch first = GradientStats.rows(b, 0, 4);
        assertEquals(GradientStats.gradNormSquared(q -> o.loss(q, first), p), micro[0], 1e-14);
        // the full-batch mean gradient is the average of equal-size micro-batch gradients
        assertEquals(mean.normSquared().item(), GradientStats.gradNormSquared(q -> o.loss(q, b), p), 1e-12);
    }

    @Test
    void cosineOfAlignedAndOpposedTasks() {
        Params p = Params.of("t", Tensor.of(new double[] {1, 2}, 2));
        Function<Params, Tensor> a = q -> q.get("t").square().sum();
        Function<Params, Tensor> b = q -> q.get("t").square().sum().neg();
        assertEquals(1, GradientStats.cosine(a, a, p), 1e-15);
        assertEquals(-1, GradientStats.cosine(a, b, p), 1e-15);
    }
}
