package org.occam.sam;

import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/**
 * Sharpness-aware minimization as an objective (Foret et al. 2021, arXiv 2010.01412; ASAM: Kwon
 * et al. 2021, arXiv 2102.11600; docs/sam.md): the value is the ascent-point loss E(θ + ε̂) and
 * the gradient
 * <ul>
 *   <li>{@link Gradient#FIRST_ORDER}: ∇E evaluated at θ + ε̂, with ε̂ held constant (the papers'
 *       update, no Hessian term) — {@code loss} is E(θ + sg(ε̂)), whose backprop gradient is exactly that;</li>
 *   <li>{@link Gradient#FULL}: d/dθ E(θ + ε̂(θ)), differentiating through ε̂ = ρT²∇E/‖T∇E‖ by double backprop.</li>
 * </ul>
 * Any optimizer then applies the SAM step (with SGD: θ ← θ − h·∇E(θ + ε̂)). The ascent uses the
 * gradient of the batch it is given, so it is not decomposable into chunks. Evaluate with {@link #base()}.
 *
 * @param inner the objective E
 * @param ascent the ascent step ε̂
 * @param gradient which derivative to return
 */
public record Sam(Objective inner, AscentStep ascent, Gradient gradient) implements Objective {

    /** Which derivative of E(θ + ε̂(θ)) the objective returns. */
    public enum Gradient {
        /** ∇E(θ + ε̂) with ε̂ constant (SAM and ASAM as published). */
        FIRST_ORDER,
        /** The total derivative through ε̂(θ) (adds the Hessian term). */
        FULL
    }

    /** Refuses a missing part. */
    public Sam {
        if (inner == null || ascent == null || gradient == null) {
            throw new IllegalArgumentException("SAM needs a base objective, an ascent step and a gradient kind");
        }
    }

    /**
     * SAM with radius ρ, first-order gradient.
     *
     * @param base E
     * @param rho ρ
     * @return the objective
     */
    public static Sam of(Objective base, double rho) {
        return new Sam(base, AscentStep.sam(rho), Gradient.FIRST_ORDER);
    }

    /**
     * ASAM with radius ρ and T_θ = |θ| + η, first-order gradient.
     *
     * @param base E
     * @param rho ρ
     * @param eta η
     * @return the objective
     */
    public static Sam adaptive(Objective base, double rho, double eta) {
        return new Sam(base, AscentStep.adaptive(rho, eta), Gradient.FIRST_ORDER);
    }

    /**
     * The same method with another gradient kind.
     *
     * @param g the gradient kind
     * @return the objective
     */
    public Sam with(Gradient g) {
        return new Sam(inner, ascent, g);
    }

    /**
     * The ascent point θ + ε̂ on a batch (constants: no graph is kept).
     *
     * @param params θ
     * @param batch a batch of examples
     * @return θ + ε̂
     */
    public Params ascentPoint(Params params, Batch batch) {
        Params at = params.detach();
        Params g = Autodiff.grad((Params q) -> inner.loss(q, batch)).apply(at).detach();
        return at.add(ascent.at(at, g).detach());
    }

    @Override
    public Tensor loss(Params params, Batch batch) {
        if (gradient == Gradient.FULL) {
            return full(batch).apply(params);
        }
        Params eps = ascentPoint(params, batch).sub(params.detach());
        return inner.loss(params.add(eps), batch);
    }

    @Override
    public Autodiff.ValueAndGrad valueAndGrad(Params params, Batch batch) {
        if (gradient == Gradient.FULL) {
            return Autodiff.valueAndGrad(full(batch)).apply(params);
        }
        return Autodiff.valueAndGrad((Params q) -> inner.loss(q, batch)).apply(ascentPoint(params, batch));
    }

    /** θ ↦ E(θ + ε̂(θ)) with ε̂ differentiable in θ. */
    private Function<Params, Tensor> full(Batch batch) {
        Function<Params, Tensor> e = q -> inner.loss(q, batch);
        Function<Params, Params> grad = Autodiff.grad(e);
        return q -> e.apply(q.add(ascent.at(q, grad.apply(q))));
    }

    @Override
    public boolean decomposable() {
        return false;
    }

    @Override
    public Objective base() {
        return inner.base();
    }
}
