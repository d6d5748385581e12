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

    /** Mean of {@code probes} samples zᵀ A z with its standard error; costs one HVP per probe. */
    public static Estimate estimate(LinearOperator op, int probes, Rng rng) {
        if (probes < 1) {
            throw new IllegalArgumentException("Hutchinson needs at least one probe, got " + probes);
        }
        long before = op.applications();
        double[] samples = new double[probes];
        for (int i = 0; i < probes; i++) {
            double[] z = Vectors.rademacher(rng, op.dim());
            samples[i] = Vectors.dot(z, op.apply(z));
        }
        return Estimate.of(samples, op.applications() - before);
    }
}
