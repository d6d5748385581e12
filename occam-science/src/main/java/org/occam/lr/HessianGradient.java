package org.occam.lr;

import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/**
 * The Hessian-gradient product Hg behind DAL's drift proxy (METHODS §4.2, oracles in §0.1):
 * exactly, by a Hessian-vector product with v = sg(g), or by the one-sided finite difference of
 * the reference code, Hg ≈ (∇E(θ + εg) − ∇E(θ))/ε with ε = ℓ/‖g‖, so that the parameter step
 * εg has length ℓ (ℓ = 0.01 in the reference, after arXiv 2109.14119). The finite difference has
 * an O(ε) truncation error (METHODS §10, pitfall 7): fine for a learning-rate heuristic, not for
 * order-of-accuracy checks.
 */
public interface HessianGradient {

    /** The reference code's parameter-step length ℓ = 0.01. */
    double REFERENCE_STEP_LENGTH = 0.01;

    /**
     * Hg at {@code p}, where {@code g} is ∇loss(p) (the finite difference relies on that: it
     * reuses g as ∇E(θ)).
     *
     * @param loss the loss E
     * @param p θ
     * @param g ∇E(θ)
     * @return Hg
     */
    Params apply(Function<Params, Tensor> loss, Params p, Params g);

    /**
     * A short name for logs and reports: "exact" or "fd(0.01)".
     *
     * @return the name
     */
    String describe();

    /**
     * Hg by a Hessian-vector product (reverse over reverse), with g held constant.
     *
     * @return the exact method
     */
    static HessianGradient exact() {
        return new HessianGradient() {
            @Override
            public Params apply(Function<Params, Tensor> loss, Params p, Params g) {
                return Autodiff.hvp(loss, p, g.detach());
            }

            @Override
            public String describe() {
                return "exact";
            }
        };
    }

    /**
     * The reference one-sided difference with a parameter step of length {@value #REFERENCE_STEP_LENGTH}.
     *
     * @return the method
     */
    static HessianGradient finiteDifference() {
        return finiteDifference(REFERENCE_STEP_LENGTH);
    }

    /**
     * One-sided difference (∇E(θ + εg) − g)/ε with ε = stepLength/‖g‖; one extra gradient.
     * At a critical point (g = 0) it returns zero, which is what Hg is there.
     *
     * @param stepLength the length of the parameter step εg
     * @return the method
     */
    static HessianGradient finiteDifference(double stepLength) {
        if (!(stepLength > 0) || !Double.isFinite(stepLength)) {
            throw new IllegalArgumentException("finite-difference step length must be positive and finite, got " + stepLength);
        }
        return new HessianGradient() {
            @Override
            public Params apply(Function<Params, Tensor> loss, Params p, Params g) {
                double norm = Math.sqrt(g.normSquared().item());
                if (norm == 0) {
                    return g.scale(0);
                }
                double eps = stepLength / norm;
                Params shifted = Autodiff.grad(loss).apply(p.addScaled(g, eps));
                return shifted.sub(g).scale(1 / eps);
            }

            @Override
            public String describe() {
                return "fd(" + java.math.BigDecimal.valueOf(stepLength).stripTrailingZeros().toPlainString() + ")";
            }
        };
    }
}
