package org.occam.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.occam.measure.MeasureFixtures.relErr;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/** Lanczos with full reorthogonalization against dense eigendecompositions and known spectra. */
class LanczosTest {

    /** Top-3 and bottom-3 Ritz values of a 59-parameter MLP loss match the dense Hessian to 1e-8. */
    @Test
    void mlpExtremesMatchDenseHessian() {
        MeasureFixtures.Problem pr = MeasureFixtures.mlp(7);
        Spectrum dense = Hessians.dense(pr.loss(), pr.p());
        int m = pr.p().numel();
        assertEquals(m, dense.size());
        assertTrue(dense.eigenvalue(m - 1) < -1e-3 * dense.eigenvalue(0), "fixture must have a negative direction");

        LinearOperator op = LinearOperator.hessian(pr.loss(), pr.p());
        int steps = 30;
        Lanczos.Run run = Lanczos.run(op, steps, Rng.seed(1));
        assertEquals(steps, run.hvpCount());
        assertEquals(steps, op.applications());
        Spectrum top = run.top(3);
        Spectrum bottom = run.bottom(3);
        for (int i = 0; i < 3; i++) {
            assertTrue(relErr(dense.eigenvalue(i), top.eigenvalue(i)) <= 1e-8,
                    "top " + i + ": dense " + dense.eigenvalue(i) + " lanczos " + top.eigenvalue(i));
            assertTrue(relErr(dense.eigenvalue(m - 1 - i), bottom.eigenvalue(i)) <= 1e-8,
                    "bottom " + i + ": dense " + dense.eigenvalue(m - 1 - i) + " lanczos " + bottom.eigenvalue(i));
        }
        checkResiduals(op, top, dense.eigenvalue(0));
        checkResiduals(op, bottom, dense.eigenvalue(0));
        // the Ritz vector of λ_max is the dense eigenvector up to sign
        double cos = top.eigenvectors().get(0).dot(dense.eigenvectors().get(0)).item();
        assertEquals(1.0, Math.abs(cos), 1e-8);
    }

    /** The facade gives the same top eigenvalue from the loss directly. */
    @Test
    void facadeFromLoss() {
        MeasureFixtures.Problem pr = MeasureFixtures.mlp(8);
        double lmax = Hessians.dense(pr.loss(), pr.p()).eigenvalue(0);
        Spectrum s = Hessians.lanczos(pr.loss(), pr.p(), 1, 40, Rng.seed(3));
        assertEquals(40, s.hvpCount());
        assertTrue(relErr(lmax, s.eigenvalue(0)) <= 1e-8, lmax + " vs " + s.eigenvalue(0));
    }

    /** A random symmetric quadratic with a known spectrum: extremes converge well before n = m. */
    @Test
    void quadraticWithKnownSpectrum() {
        Rng rng = Rng.seed(11);
        int m = 60;
        double[] spec = new double[m];
        spec[0] = 10;
        spec[1] = 7;
        spec[2] = 5.5;
        spec[3] = -4;
        spec[4] = -3;
        spec[5] = -2.5;
        for (int i = 6; i < m; i++) {
            spec[i] = -1 + 4 * rng.nextDouble();
        }
        double[][] a = MeasureFixtures.symmetricWithSpectrum(rng, spec);
        Function<Params, Tensor> loss = MeasureFixtures.quadratic(a, rng);
        Params p = MeasureFixtures.point(rng, m);
        LinearOperator op = LinearOperator.hessian(loss, p);
        Lanczos.Run run = Lanczos.run(op, 40, Rng.seed(5));
        Spectrum top = run.top(3);
        Spectrum bottom = run.bottom(3);
        double[] sorted = MeasureFixtures.descending(spec);
        for (int i = 0; i < 3; i++) {
            assertTrue(relErr(sorted[i], top.eigenvalue(i)) <= 1e-8, "top " + i + ": " + top.eigenvalue(i));
            assertTrue(relErr(sorted[m - 1 - i], bottom.eigenvalue(i)) <= 1e-8, "bottom " + i + ": " + bottom.eigenvalue(i));
        }
        checkResiduals(op, top, 10);
        checkResiduals(op, bottom, 10);
    }

    /**
     * A triple top eigenvalue: the Krylov space of one start vector holds a single copy, so the
     * run must restart at breakdown to report the multiplicity.
     */
    @Test
    void restartRecoversMultiplicity() {
        Rng rng = Rng.seed(4);
        double[] spec = {5, 5, 5, 2, 1, 0.5, -1, -1};
        LinearOperator op = LinearOperator.matrix(MeasureFixtures.symmetricWithSpectrum(rng, spec));
        Lanczos.Run run = Lanczos.run(op, 8, Rng.seed(2));
        assertEquals(8, run.steps());
        double[] top = run.top(3).eigenvalues();
        for (double v : top) {
            assertEquals(5, v, 1e-10);
        }
        double[] bottom = run.bottom(2).eigenvalues();
        assertEquals(-1, bottom[0], 1e-10);
        assertEquals(-1, bottom[1], 1e-10);
        // without restarts the run stops at the invariant subspace: one copy of each eigenvalue
        Lanczos.Run plain = Lanczos.run(op, rng.normal(MeasureFixtures.F64, 0, 1, 8).toDoubleArray(), 8, false, rng);
        assertEquals(5, plain.steps());
    }

    /** ‖H y − θ y‖ computed with one more HVP is small, and the free Lanczos estimate agrees with it. */
    private static void checkResiduals(LinearOperator op, Spectrum s, double scale) {
        for (int i = 0; i < s.size(); i++) {
            Params y = s.eigenvectors().get(i);
            assertEquals(1.0, y.normSquared().item(), 1e-10);
            Params r = op.apply(y).addScaled(y, -s.eigenvalue(i));
            double actual = Math.sqrt(r.normSquared().item());
            assertTrue(actual <= 1e-6 * Math.abs(scale), "residual " + i + " = " + actual);
            assertEquals(actual, s.residualNorms()[i], 1e-9 * Math.abs(scale), "Lanczos residual estimate " + i);
        }
    }
}
