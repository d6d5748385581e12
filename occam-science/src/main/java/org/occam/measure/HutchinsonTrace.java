package org.occam.measure;

import org.occam.tensor.Rng;

/**
 * Hutchinson's trace estimator tr(A) = E_z[zᵀ A z] with Rademacher probes z ∈ {±1}^m (METHODS
 * §0.1 and §7.2: the same estimator gives the Gauss-Newton trace that bounds GC). Unbiased; the
 * variance per probe is 2(‖A‖²_F − Σ A_ii²), the smallest among the usual probe distributions.
 */
public final class HutchinsonTrace {
    private HutchinsonTrace() {
    }

    /**
     * Mean of {@code probes} samples zᵀ A z with its standard error; costs one HVP per probe.
     *
     * @param op a symmetric operator
     * @param probes the number of probes
     * @param rng the generator of the probes
     * @return the estimate
     */
    public static Estimate estimate(LinearOperator op, int probes, Rng rng) {
        if (probes < 1) {
            throw new IllegalArgumentException("Hutchinson needs at least one probe, got " + probes);
        }
        long before = op.applications();
        double[] samples = new double[probes];
        for (int i = 0; i < probes; i++) {
            samples[i] = sample(op, rng);
        }
        return Estimate.of(samples, op.applications() - before);
    }

    /**
     * Probes until the standard error is at most {@code target.relative()}·|mean| (checked from
     * {@link SequentialEstimate#MIN_PROBES} probes on) or {@code target.cap()} probes are drawn
     * (docs/curvature.md). The probes are the same as {@link #estimate}'s for the same rng, in order.
     *
     * @param op a symmetric operator
     * @param target the relative standard error and probe cap
     * @param rng the generator of the probes
     * @return the estimate
     */
    public static SequentialEstimate estimate(LinearOperator op, Tolerance target, Rng rng) {
        long before = op.applications();
        Sequential.Draw d = Sequential.draw(target, () -> sample(op, rng));
        return new SequentialEstimate(Estimate.of(d.samples(), op.applications() - before), target, d.converged());
    }

    private static double sample(LinearOperator op, Rng rng) {
        double[] z = Vectors.rademacher(rng, op.dim());
        return Vectors.dot(z, op.apply(z));
    }
}
