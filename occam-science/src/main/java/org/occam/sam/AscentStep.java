package org.occam.sam;

import java.util.function.UnaryOperator;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/**
 * The ascent step of SAM and ASAM (docs/sam.md): ε̂ = ρ·T²g/‖Tg‖ with T an element-wise scaling of
 * the parameters; T = I gives SAM's ε̂ = ρ·g/‖g‖ (Foret et al. 2021), T = |θ| + η gives ASAM's
 * (Kwon et al. 2021). Differentiable in θ and g when they are (the full SAM gradient uses that).
 *
 * @param rho     the neighbourhood radius ρ (&gt; 0)
 * @param scaling θ ↦ T_θ as a {@link Params} of the same shape (null: T = I)
 */
public record AscentStep(double rho, UnaryOperator<Params> scaling) {

    /** Checks that ρ is positive and finite. */
    public AscentStep {
        if (!(rho > 0) || Double.isInfinite(rho)) {
            throw new IllegalArgumentException("SAM radius rho must be positive and finite, got " + rho);
        }
    }

    /**
     * SAM's step ρ·g/‖g‖.
     *
     * @param rho the radius ρ
     * @return the step
     */
    public static AscentStep sam(double rho) {
        return new AscentStep(rho, null);
    }

    /**
     * ASAM's step with T_θ = |θ| + η element-wise (Kwon et al. 2021, η = 0.01 there).
     *
     * @param rho the radius ρ
     * @param eta η in T_θ = |θ| + η
     * @return the step
     */
    public static AscentStep adaptive(double rho, double eta) {
        if (!(eta >= 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("ASAM eta must be a finite non-negative number, got " + eta);
        }
        return new AscentStep(rho, p -> p.map(t -> t.abs().add(eta)));
    }

    /**
     * ε̂ at θ for the gradient g: ρ·T²g/‖Tg‖, or zero when Tg = 0 (no ascent direction). Keeps the
     * autodiff graph of θ and g (so the full SAM gradient can differentiate through it).
     *
     * @param theta θ
     * @param g the gradient at θ
     * @return ε̂
     */
    public Params at(Params theta, Params g) {
        Params t = scaling == null ? null : scaling.apply(theta);
        Params tg = t == null ? g : t.zip(g, Tensor::mul);
        Tensor norm = tg.normSquared().sqrt();
        if (norm.item() == 0) {
            return g.scale(0);
        }
        Tensor factor = Tensor.scalar(rho, norm.dtype()).div(norm);
        Params t2g = t == null ? g : t.zip(tg, Tensor::mul);
        return t2g.map(x -> x.mul(factor));
    }
}
