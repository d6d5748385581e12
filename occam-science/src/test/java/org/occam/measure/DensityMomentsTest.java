package org.occam.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.occam.tensor.Rng;

/**
 * The SLQ density integrates to 1 and its first two moments are tr H/m and tr H²/m (plus σ² from
 * the broadening): exactly with an orthonormal probe set, within the standard error with random
 * probes; Hutchinson stops on its relative standard error (issue 15, must-show 1).
 */
class DensityMomentsTest {
    private static final double SIGMA = 0.02;

    @Test
    void orthonormalProbesGiveExactMoments() {
        MeasureFixtures.Problem pr = MeasureFixtures.mlp(7);
        LinearOperator op = LinearOperator.hessian(pr.loss(), pr.p());
        double[][] h = Hessians.denseMatrix(op);
        int m = h.length;
        double tr = MeasureFixtures.trace(h) / m;
        double tr2 = frobenius2(h) / m;
        double[][] basis = new double[m][m];
        for (int i = 0; i < m; i++) {
            basis[i][i] = 1;
        }
        SpectralDensity d = SpectralDensity.estimate(op, basis, 3);
        assertEquals(tr, d.expectation(t -> t).mean(), 1e-12 * Math.abs(tr));
        assertEquals(tr2, d.expectation(t -> t * t).mean(), 1e-12 * tr2);
        double[] mom = integrate(d);
        assertEquals(1, mom[0], 1e-9);
        assertEquals(tr, mom[1], 1e-9 * Math.max(1, Math.abs(tr)));
        assertEquals(tr2 + SIGMA * SIGMA, mom[2], 1e-9 * tr2);
    }

    @Test
    void randomProbesMatchTracesWithinStandardError() {
        MeasureFixtures.Problem pr = MeasureFixtures.mlp(7);
        LinearOperator op = LinearOperator.hessian(pr.loss(), pr.p());
        double[][] h = Hessians.denseMatrix(op);
        int m = h.length;
        double trace = MeasureFixtures.trace(h);
        double tr2 = frobenius2(h) / m;
        Tolerance steps = new Tolerance(1e-6, 40);
        DensityRun run = Hessians.spectralDensity(op, steps, new Tolerance(0.2, 400), Rng.seed(5));
        SequentialEstimate t = run.trace();
        assertTrue(run.converged(), run.warning());
        assertTrue(t.estimate().samples() >= SequentialEstimate.MIN_PROBES);
        assertTrue(t.relativeStderr() <= 0.2);
        assertTrue(Math.abs(t.estimate().mean() - trace) <= 4 * t.estimate().stderr(),
                t.estimate().mean() + " vs exact " + trace + " se " + t.estimate().stderr());
        Estimate second = run.density().expectation(x -> x * x);
        assertTrue(Math.abs(second.mean() - tr2) <= 4 * second.stderr(), second.mean() + " vs " + tr2);
        double[] mom = integrate(run.density());
        assertEquals(1, mom[0], 1e-9);
        assertEquals(t.estimate().mean() / m, mom[1], 1e-9 * Math.max(1, Math.abs(trace / m)));
        assertEquals(second.mean() + SIGMA * SIGMA, mom[2], 1e-9 * tr2);
        // a per-probe step cap too small for the extremes is reported
        DensityRun capped = Hessians.spectralDensity(op, new Tolerance(1e-6, 4), new Tolerance(0.2, 400), Rng.seed(5));
        assertFalse(capped.converged());
        assertTrue(capped.warning().contains("stopped at the 4-step cap"), capped.warning());
    }

    @Test
    void hutchinsonStopsOnRelativeStandardError() {
        MeasureFixtures.Problem pr = MeasureFixtures.mlp(7);
        LinearOperator op = LinearOperator.hessian(pr.loss(), pr.p());
        double exact = MeasureFixtures.trace(Hessians.denseMatrix(op));
        long before = op.applications();
        SequentialEstimate e = Hessians.hutchinsonTrace(op, new Tolerance(0.1, 2000), Rng.seed(2));
        assertTrue(e.converged());
        assertEquals("", e.warning());
        assertTrue(e.relativeStderr() <= 0.1);
        assertEquals(op.applications() - before, e.estimate().samples());
        assertTrue(Math.abs(e.estimate().mean() - exact) <= 4 * e.estimate().stderr(), e.estimate().mean() + " vs " + exact);
        // the same probes as the fixed-count estimator
        Estimate fixed = HutchinsonTrace.estimate(op, e.estimate().samples(), Rng.seed(2));
        assertEquals(fixed.mean(), e.estimate().mean(), 0.0);
        // a cap below what the target needs: stopped at the cap, with a warning
        SequentialEstimate c = Hessians.hutchinsonTrace(op, new Tolerance(1e-4, 12), Rng.seed(2));
        assertFalse(c.converged());
        assertEquals(12, c.estimate().samples());
        assertTrue(c.warning().contains("within 12 probes (the cap)"), c.warning());
    }

    /** ∫φ, ∫tφ, ∫t²φ of the broadened density by the trapezoid rule on a fine grid. */
    private static double[] integrate(SpectralDensity d) {
        double[] grid = d.grid(4001, 12 * SIGMA);
        double[] phi = d.density(grid, SIGMA);
        double step = grid[1] - grid[0];
        double[] mom = new double[3];
        for (int i = 0; i < grid.length; i++) {
            double w = (i == 0 || i == grid.length - 1 ? 0.5 : 1) * phi[i] * step;
            mom[0] += w;
            mom[1] += w * grid[i];
            mom[2] += w * grid[i] * grid[i];
        }
        return mom;
    }

    private static double frobenius2(double[][] a) {
        double s = 0;
        for (double[] row : a) {
            for (double v : row) {
                s += v * v;
            }
        }
        return s;
    }
}
