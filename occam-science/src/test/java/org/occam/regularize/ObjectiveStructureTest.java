package org.occam.regularize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.occam.train.Objective;

/** Regularizers expose the plain objective underneath, and say whether chunking a batch is valid. */
class ObjectiveStructureTest {
    @Test
    void baseAndDecomposability() {
        Sequential m = Models.mlp(Activation.TANH, 2, 4, 2);
        Objective ce = Objective.crossEntropy(m);
        Objective l2 = L2Penalty.of(ce, 0.1);
        Objective egr = ExplicitGradientRegularization.exact(l2, 0.05);
        Objective fd = ExplicitGradientRegularization.finiteDifference(ce, 0.05);
        Objective micro = MicroBatchGradientRegularization.of(ce, 0.1, 2);
        assertSame(ce, l2.base());
        assertSame(ce, egr.base());
        assertSame(ce, fd.base());
        assertTrue(l2.decomposable());
        assertFalse(egr.decomposable());
        assertFalse(fd.decomposable());
        assertFalse(micro.decomposable());
        assertFalse(L2Penalty.of(micro, 0.1).decomposable(), "a wrapper of a non-decomposable objective is not decomposable");
        Dataset d = Synthetic.twoMoons(8, 0.1, Rng.seed(1));
        Batch b = d.all();
        Params p = m.init(Rng.seed(2), DType.FLOAT64);
        assertEquals(ce.loss(p, b).item() + 0.05 * p.normSquared().item(), l2.loss(p, b).item(), 1e-12);
    }
}
