package org.occam.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/** Stochastic Lanczos quadrature: normalization, unbiased first moment, exactness at full steps. */
class SpectralDensityTest {
    private static final int M = 40;

    private static double[] spectrum(Rng rng) {
        double[] s = new double[M];
        for (int i = 0; i < M; i++) {
            s[i] = -2 + 7 * rng.nextDouble();
        }
        return s;
    }

    @Test
    void weightsSumToOneAndDensityIntegratesToOne() {
        MeasureFixtures.Problem pr = MeasureFixtures.mlp(7);
        SpectralDensity d = Hessians.spectralDensity(pr.loss(), pr.p(), 15, 4, Rng.seed(3));
        assertEquals(4, d.probes());
        assertEquals(60, d.hvpCount());
        for (double[] w : d.weights()) {
            double s = 0;
            for (double v : w) {
                assertTrue(v >= 0);
                s += v;
            }
            assertEquals(1.0, s, 1e-12);
        }
        double sigma = 0.02;
        double[] grid = d.grid(4001, 10 * sigma);
        double[] phi = d.density(grid, sigma);
        double h = grid[1] - grid[0];
        double integral = 0;
        for (int i = 0; i < phi.length; i++) {
            integral += (i == 0 || i == phi.length - 1 ? 0.5 : 1) * phi[i] * h;
        }
        assertEquals(1.0, integral, 1e-6);
    }

    /** Σ w θ = vᵀHv for every probe, so the average estimates tr(H)/m without bias. */
    @Test
    void firstMomentEstimatesNormalizedTrace() {
        Rng rng = Rng.seed(21);
        double[] spec = spectrum(rng);
        LinearOperator op = LinearOperator.matrix(MeasureFixtures.symmetricWithSpectrum(rng, spec));
        double exact = 0;
        for (double s : spec) {
            exact += s;
        }
        exact /= M;
        SpectralDensity d = SpectralDensity.estimate(op, 8, 300, Rng.seed(4));
        Estimate e = d.expectation(t -> t);
        assertTrue(Math.abs(e.mean() - exact) <= 4 * e.stderr(), e.mean() + " vs " + exact + " se " + e.stderr());
        assertTrue(e.stderr() > 0);
    }

    /** With steps = m a probe's quadrature is exact for every f: nodes are the spectrum, Σ w f(θ) = vᵀ f(A) v. */
    @Test
    void fullStepsAreExact() {
        Rng rng = Rng.seed(22);
        double[] spec = spectrum(rng);
        double[][] a = MeasureFixtures.symmetricWithSpectrum(rng, spec);
        Function<Params, Tensor> loss = MeasureFixtures.quadratic(a, rng);
        LinearOperator op = LinearOperator.hessian(loss, MeasureFixtures.point(rng, M));
        double[] sorted = MeasureFixtures.descending(spec);

        double[] v = Vectors.normal(rng, M);
        Vectors.normalize(v);
        Lanczos.Quadrature q = Lanczos.run(op, v, M, false, rng).quadrature();
        assertEquals(M, q.nodes().length);
        for (int j = 0; j <= 6; j++) {
            double quad = 0;
            for (int i = 0; i < M; i++) {
                quad += q.weights()[i] * Math.pow(q.nodes()[i], j);
            }
            // vᵀ A^j v from the dense matrix
            double exact = moment(a, v, j);
            assertEquals(exact, quad, 1e-9 * Math.max(1, Math.abs(exact)), "moment " + j);
        }

        SpectralDensity d = SpectralDensity.estimate(op, M, 20, Rng.seed(6));
        for (double[] nodes : d.nodes()) {
            assertEquals(M, nodes.length);
            for (int i = 0; i < M; i++) {
                assertEquals(sorted[i], nodes[i], 1e-9);
            }
        }
        // averaged moments estimate tr(A^j)/m
        for (int j = 2; j <= 3; j++) {
            int jj = j;
            double exact = 0;
            for (double s : spec) {
                exact += Math.pow(s, jj);
            }
            exact /= M;
            Estimate e = d.expectation(t -> Math.pow(t, jj));
            assertTrue(Math.abs(e.mean() - exact) <= 4 * e.stderr(), "moment " + j + ": " + e.mean() + " vs " + exact);
        }
    }

    private static double moment(double[][] a, double[] v, int j) {
        double[] w = v.clone();
        for (int k = 0; k < j; k++) {
            double[] n = new double[w.length];
            for (int r = 0; r < w.length; r++) {
                n[r] = Vectors.dot(a[r], w);
            }
            w = n;
        }
        return Vectors.dot(v, w);
    }
}
