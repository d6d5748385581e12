package org.occam.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.tensor.Rng;

/** Lanczos under the residual stopping rule against dense eigendecompositions (issue 15, must-show 1). */
class LanczosToleranceTest {
    private static final double TOL = 1e-6;

    /** Random symmetric (GOE-like) matrices: top 5 and bottom 2 reach the dense eigenvalues to the tolerance. */
    @Test
    void randomSymmetricMatricesReachDenseEigenvalues() {
        for (long seed = 1; seed <= 4; seed++) {
            Rng rng = Rng.seed(seed);
            int m = 120;
            double[][] a = new double[m][m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j <= i; j++) {
                    a[i][j] = rng.normal(MeasureFixtures.F64, 0, 1, 1).toDoubleArray()[0] / Math.sqrt(m);
                    a[j][i] = a[i][j];
                }
            }
            double[] dense = SymmetricEigen.of(a).values();
            LinearOperator op = LinearOperator.matrix(a);
            Eigenpairs e = Lanczos.eigenpairs(op, 5, 2, new Tolerance(TOL, m), Rng.seed(100 + seed));
            assertAgrees(op, e, dense, "seed " + seed);
            assertTrue(e.steps() < m, "converged before exhausting the space: " + e.steps() + " steps");
        }
    }

    /** The 59-parameter MLP's Hessian: top 5 and bottom 2 (negative) eigenvalues to the tolerance. */
    @Test
    void smallNetworkHessianReachesDenseEigenvalues() {
        MeasureFixtures.Problem pr = MeasureFixtures.mlp(7);
        double[] dense = Hessians.dense(pr.loss(), pr.p()).eigenvalues();
        LinearOperator op = LinearOperator.hessian(pr.loss(), pr.p());
        Eigenpairs e = Hessians.eigenpairs(op, 5, 2, new Tolerance(TOL, 200), Rng.seed(3));
        assertTrue(dense[dense.length - 1] < 0 && dense[dense.length - 2] < 0, "fixture has two negative eigenvalues");
        assertAgrees(op, e, dense, "mlp");
    }

    /** A cap below what convergence needs: the run stops at the cap, flags the pairs and warns. */
    @Test
    void capHitGivesWarning() {
        MeasureFixtures.Problem pr = MeasureFixtures.mlp(7);
        LinearOperator op = LinearOperator.hessian(pr.loss(), pr.p());
        Eigenpairs e = Hessians.eigenpairs(op, 5, 2, new Tolerance(TOL, 8), Rng.seed(3));
        assertEquals(8, e.steps());
        assertTrue(e.capped());
        assertFalse(e.converged());
        assertTrue(e.unconverged() > 0);
        assertTrue(e.warning().contains("did not reach the relative residual 1.0e-06 within 8 Lanczos steps"),
                e.warning());
        assertFlagsHonest(op, e.top(), TOL);
        assertFlagsHonest(op, e.bottom(), TOL);
    }

    /** Power iteration under a Tolerance: the residual rule holds at the stop, or the cap is reported. */
    @Test
    void powerIterationUnderTolerance() {
        Rng rng = Rng.seed(6);
        double[] spec = new double[30];
        for (int i = 0; i < spec.length; i++) {
            spec[i] = 0.5 * (i % 7) - 1;
        }
        spec[0] = 8;
        LinearOperator op = LinearOperator.matrix(MeasureFixtures.symmetricWithSpectrum(rng, spec));
        PowerIteration.Result r = PowerIteration.run(op, new Tolerance(TOL, 500), Rng.seed(1));
        assertTrue(r.converged() && r.residualNorm() <= TOL * Math.abs(r.eigenvalue()));
        assertTrue(MeasureFixtures.relErr(8, r.eigenvalue()) <= TOL, "λ = " + r.eigenvalue());
        assertEquals(r.iterations(), r.hvpCount());
        PowerIteration.Result capped = PowerIteration.run(op, new Tolerance(TOL, 3), Rng.seed(1));
        assertFalse(capped.converged());
        assertEquals(3, capped.iterations());
    }

    /** The tolerance run is the fixed-step run stopped early: same seed, same Ritz values at that step count. */
    @Test
    void stoppedRunIsPrefixOfFixedRun() {
        MeasureFixtures.Problem pr = MeasureFixtures.mlp(8);
        LinearOperator op = LinearOperator.hessian(pr.loss(), pr.p());
        Lanczos.Run stopped = Lanczos.run(op, new Tolerance(TOL, 100), 1, 0, Rng.seed(9));
        Lanczos.Run fixed = Lanczos.run(op, stopped.steps(), Rng.seed(9));
        assertEquals(fixed.top(1).eigenvalue(0), stopped.top(1).eigenvalue(0), 0.0);
        assertTrue(stopped.top(1).allConverged());
        assertTrue(stopped.steps() < 59);
    }

    private static void assertAgrees(LinearOperator op, Eigenpairs e, double[] dense, String what) {
        int m = dense.length;
        assertTrue(e.converged(), what + ": " + e.warning());
        assertEquals("", e.warning());
        assertEquals(e.steps() + 7, e.hvpCount(), what + ": one HVP per step and per explicit residual");
        for (int i = 0; i < 5; i++) {
            assertTrue(MeasureFixtures.relErr(dense[i], e.top().eigenvalue(i)) <= TOL,
                    what + " top " + i + ": dense " + dense[i] + " lanczos " + e.top().eigenvalue(i));
        }
        for (int i = 0; i < 2; i++) {
            assertTrue(MeasureFixtures.relErr(dense[m - 1 - i], e.bottom().eigenvalue(i)) <= TOL,
                    what + " bottom " + i + ": dense " + dense[m - 1 - i] + " lanczos " + e.bottom().eigenvalue(i));
        }
        assertFlagsHonest(op, e.top(), TOL);
        assertFlagsHonest(op, e.bottom(), TOL);
    }

    /** Each reported residual is ‖A y − θ y‖ recomputed here, and the flag is exactly residual ≤ tol·|θ|. */
    private static void assertFlagsHonest(LinearOperator op, Spectrum s, double tol) {
        for (int i = 0; i < s.size(); i++) {
            Params y = s.eigenvectors().get(i);
            double r = Math.sqrt(op.apply(y).addScaled(y, -s.eigenvalue(i)).normSquared().item());
            assertEquals(r, s.residualNorms()[i], 1e-12 * Math.max(1, Math.abs(s.eigenvalue(i))), "residual " + i);
            assertEquals(r <= tol * Math.abs(s.eigenvalue(i)), s.converged()[i], "flag " + i);
        }
    }
}
