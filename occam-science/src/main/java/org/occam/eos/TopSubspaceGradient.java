package org.occam.eos;

import java.util.List;
import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.measure.Hessians;
import org.occam.measure.Spectrum;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * The fraction of the gradient in the top-k Hessian eigenspace, ‖P_k g‖²/‖g‖² with P_k the orthogonal
 * projector on the eigenvectors of the k largest eigenvalues (Gur-Ari, Roberts &amp; Dyer 2018;
 * docs/eos-diagnostics.md). It is 1 when g is a top eigenvector and about k/m for a random direction.
 */
public final class TopSubspaceGradient {
    private TopSubspaceGradient() {
    }

    /**
     * Σ_{i&lt;k} (v_iᵀg)²/‖g‖² for orthonormal eigenvectors v_i (NaN when g = 0).
     *
     * @param g the gradient
     * @param eigenvectors orthonormal eigenvectors, largest eigenvalue first
     * @param k how many of them span the subspace
     * @return the fraction in [0, 1]
     */
    public static double fraction(Params g, List<Params> eigenvectors, int k) {
        if (k < 1 || k > eigenvectors.size()) {
            throw new IllegalArgumentException("k must be in [1, " + eigenvectors.size() + "], got " + k);
        }
        double g2 = g.normSquared().item();
        if (g2 == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (int i = 0; i < k; i++) {
            double c = eigenvectors.get(i).dot(g).item();
            s += c * c;
        }
        return s / g2;
    }

    /**
     * The fraction at p with the top-k eigenvectors from {@code steps} Lanczos steps (exact when steps = m).
     *
     * @param loss the training loss
     * @param p the parameters
     * @param k the dimension of the top subspace
     * @param steps Lanczos steps
     * @param rng the generator of Lanczos's start vector
     * @return the fraction in [0, 1]
     */
    public static double fraction(Function<Params, Tensor> loss, Params p, int k, int steps, Rng rng) {
        Spectrum s = Hessians.lanczos(loss, p, k, Math.max(k, steps), rng);
        return fraction(Autodiff.grad(loss).apply(p), s.eigenvectors(), k);
    }
}
