package org.occam.ntk;

import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/**
 * Chizat, Oyallon &amp; Bach's output scale (docs/ntk.md): the model f_α(θ, x) = α(f(θ, x) − f(θ₀, x)),
 * trained on the loss (1/α²) ℓ(f_α, y). At θ₀ its function-space dynamics does not depend on α
 * (its NTK is α²Θ and the loss gradient scales by 1/α²), while the parameters move O(1/α): large α
 * is lazy training (Θ stays at Θ₀), α = 1 the rich regime.
 */
public final class LazyScaling {
    private LazyScaling() {
    }

    /**
     * f_α(θ) = α(f(θ) − f(θ₀)); f(θ₀) is evaluated once.
     *
     * @param f the network's outputs as a function of the parameters
     * @param theta0 the initial parameters θ₀
     * @param alpha the output scale α (large α: the lazy regime)
     * @return f_α
     */
    public static Function<Params, Tensor> outputs(Function<Params, Tensor> f, Params theta0, double alpha) {
        check(alpha);
        Tensor f0 = f.apply(theta0).detach();
        return q -> f.apply(q).sub(f0).mul(alpha);
    }

    /**
     * θ ↦ (1/α²) ℓ(f_α(θ)) for an output loss ℓ.
     *
     * @param f the network's outputs as a function of the parameters
     * @param theta0 the initial parameters θ₀
     * @param alpha the output scale α
     * @param outputLoss ℓ, a function of the outputs
     * @return the scaled loss
     */
    public static Function<Params, Tensor> loss(Function<Params, Tensor> f, Params theta0, double alpha,
                                                Function<Tensor, Tensor> outputLoss) {
        Function<Params, Tensor> fa = outputs(f, theta0, alpha);
        double s = 1 / (alpha * alpha);
        return q -> outputLoss.apply(fa.apply(q)).mul(s);
    }

    private static void check(double alpha) {
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("output scale alpha must be a finite positive number, got " + alpha);
        }
    }
}
