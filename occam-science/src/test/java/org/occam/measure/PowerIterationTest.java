package org.occam.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.occam.measure.MeasureFixtures.relErr;

import org.junit.jupiter.api.Test;
import org.occam.tensor.Rng;

/** Power iteration against the dense Hessian. */
class PowerIterationTest {

    @Test
    void mlpTopEigenvalueMatchesDense() {
        MeasureFixtures.Problem pr = MeasureFixtures.mlp(7);
        Spectrum dense = Hessians.dense(pr.loss(), pr.p());
        double[] e = dense.eigenvalues();
        double expected = Math.abs(e[0]) >= Math.abs(e[e.length - 1]) ? e[0] : e[e.length - 1];
        PowerIteration.Result r = Hessians.powerIteration(pr.loss(), pr.p(), 2000, 1e-10, Rng.seed(2));
        assertTrue(r.converged());
        assertEquals(r.iterations(), r.hvpCount());
        assertTrue(relErr(expected, r.eigenvalue()) <= 1e-10, expected + " vs " + r.eigenvalue());
        assertTrue(r.residualNorm() <= 1e-10 * Math.abs(expected));
        double cos = r.eigenvector().dot(dense.eigenvectors().get(0)).item();
        assertEquals(1.0, Math.abs(cos), 1e-8);
    }

    /** The largest magnitude wins, sign kept: a dominant negative eigenvalue is found as negative. */
    @Test
    void dominantNegativeEigenvalue() {
        Rng rng = Rng.seed(3);
        double[] spec = {4, 3, 1, 0.5, -0.2, -2, -6};
        LinearOperator op = LinearOperator.matrix(MeasureFixtures.symmetricWithSpectrum(rng, spec));
        PowerIteration.Result r = Hessians.powerIteration(op, 1000, 1e-12, Rng.seed(9));
        assertTrue(r.converged());
        assertEquals(-6, r.eigenvalue(), 1e-12 * 6);
    }

    /** A budget too small to converge is reported as such. */
    @Test
    void reportsNonConvergence() {
        MeasureFixtures.Problem pr = MeasureFixtures.mlp(7);
        PowerIteration.Result r = Hessians.powerIteration(pr.loss(), pr.p(), 3, 1e-12, Rng.seed(2));
        assertFalse(r.converged());
        assertEquals(3, r.iterations());
        assertEquals(3, r.hvpCount());
    }
}
