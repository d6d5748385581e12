package org.occam.measure;

import org.occam.autodiff.Params;
import org.occam.tensor.Rng;

/**
 * Power iteration v ← A v/‖A v‖ for the eigenvalue of largest magnitude (the sharpness λ_max when
 * the Hessian's top eigenvalue dominates its most negative one; METHODS §0.1 and check EOS-1).
 * The eigenvalue is the Rayleigh quotient vᵀA v, so its sign is kept.
 */
public final class PowerIteration {
    private PowerIteration() {
    }

    /**
     * The outcome of a power iteration.
     *
     * @param eigenvalue the Rayleigh quotient of the final vector
     * @param eigenvector the final unit vector
     * @param residualNorm ‖A v − λ v‖, an upper bound on the distance from λ to the spectrum
     * @param iterations   iterations run
     * @param converged    whether the residual reached tol·|λ| within the iteration budget
     * @param hvpCount     operator applications spent (one per iteration)
     */
    public record Result(double eigenvalue, Params eigenvector, double residualNorm, int iterations, boolean converged,
            long hvpCount) {
    }

    /**
     * Power iteration under a stopping rule: at most {@code tol.cap()} iterations, stopping at ‖A v − λ v‖ ≤ tol·|λ|.
     *
     * @param op a symmetric operator
     * @param tol the relative residual and iteration cap
     * @param rng the generator of the start vector
     * @return the result
     */
    public static Result run(LinearOperator op, Tolerance tol, Rng rng) {
        return run(op, tol.cap(), tol.relative(), rng);
    }

    /**
     * At most {@code iters} iterations from a standard normal start; stops once
     * ‖A v − λ v‖ ≤ tol·|λ|. The residual test is computed explicitly (not as √(‖Av‖² − λ²), which
     * loses half the digits), so tolerances down to ~1e-13 in float64 are reachable.
     *
     * @param op a symmetric operator
     * @param iters the most iterations
     * @param tol the relative residual
     * @param rng the generator of the start vector
     * @return the result
     */
    public static Result run(LinearOperator op, int iters, double tol, Rng rng) {
        if (iters < 1) {
            throw new IllegalArgumentException("power iteration needs at least one iteration, got " + iters);
        }
        long before = op.applications();
        double[] v = Vectors.normal(rng, op.dim());
        Vectors.normalize(v);
        double lambda = 0;
        double residual = Double.NaN;
        boolean converged = false;
        int it = 0;
        while (it < iters) {
            it++;
            double[] w = op.apply(v);
            lambda = Vectors.dot(v, w);
            double[] r = w.clone();
            Vectors.axpy(-lambda, v, r);
            residual = Vectors.norm(r);
            if (residual <= tol * Math.abs(lambda)) {
                converged = true;
                break;
            }
            if (Vectors.normalize(w) == 0) {
                // v lies in the null space: λ = 0 exactly is an eigenvalue and v its vector
                converged = true;
                break;
            }
            if (it < iters) {
                v = w;
            }
        }
        return new Result(lambda, Vectors.params(op.template(), v), residual, it, converged, op.applications() - before);
    }
}
