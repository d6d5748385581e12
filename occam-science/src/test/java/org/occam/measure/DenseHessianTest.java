package org.occam.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/** The dense path: Autodiff.hessian + EJML, and the operator-built matrix, against a known spectrum. */
class DenseHessianTest {

    @Test
    void denseSpectrumOfKnownQuadratic() {
        Rng rng = Rng.seed(31);
        double[] spec = {3, -1, 0.25, 7, -2, 1.5};
        double[][] a = MeasureFixtures.symmetricWithSpectrum(rng, spec);
        var loss = MeasureFixtures.quadratic(a, rng);
        Params p = MeasureFixtures.point(rng, spec.length);
        Spectrum viaHessian = Hessians.dense(loss, p);
        Spectrum viaOperator = Hessians.dense(LinearOperator.hessian(loss, p));
        double[] sorted = MeasureFixtures.descending(spec);
        assertEquals(spec.length, viaHessian.hvpCount());
        for (int i = 0; i < spec.length; i++) {
            assertEquals(sorted[i], viaHessian.eigenvalue(i), 1e-12);
            assertEquals(sorted[i], viaOperator.eigenvalue(i), 1e-12);
            Tensor v = viaHessian.eigenvectors().get(i).get("x");
            assertEquals(1.0, v.square().sum().item(), 1e-12);
        }
    }

    @Test
    void refusesLargeModels() {
        Params big = Params.of("w", Tensor.zeros(MeasureFixtures.F64, Hessians.DENSE_LIMIT + 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Hessians.dense(q -> q.get("w").square().sum(), big));
        assertTrue(e.getMessage().contains("lanczos"), e.getMessage());
    }
}
