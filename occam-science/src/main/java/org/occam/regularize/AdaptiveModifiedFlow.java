package org.occam.regularize;

import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/**
 * Backward error analysis of full-batch Adam and RMSProp (docs/adaptive-modified-equations.md; Ma,
 * Wu &amp; E 2022; Cattaneo, Klusowski &amp; Shigida 2023): after the transient (bias corrections equal
 * to 1, moments on their slow manifold, β₁, β₂, ε fixed as h → 0) the iterates
 * m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − h m/(√v + ε) follow, to O(h³) per step,
 * θ̇ = −s + h·[(a₁ + ½)ε + (a₁ − a₂)|g|] ⊙ (−H s) / (|g| + ε)², with s = g/(|g| + ε),
 * a₁ = β₁/(1−β₁), a₂ = β₂/(1−β₂) (all operations elementwise, H = ∇²E). RMSProp is β₁ = 0.
 * Valid where no gradient entry vanishes (|g| is not smooth at 0).
 */
public final class AdaptiveModifiedFlow {
    private AdaptiveModifiedFlow() {
    }

    /**
     * The leading flow θ̇ = −g/(|g| + ε) (local error O(h²)).
     *
     * @param loss the loss E
     * @param eps ε
     * @return the vector field
     */
    public static Function<Params, Params> plainFlow(Function<Params, Tensor> loss, double eps) {
        checkEps(eps);
        Function<Params, Params> grad = Autodiff.grad(loss);
        return p -> grad.apply(p).map(g -> g.div(g.abs().add(eps)).neg());
    }

    /**
     * Adam's modified flow with its O(h) correction (local error O(h³) after the transient).
     *
     * @param loss the loss E
     * @param h the learning rate
     * @param beta1 β₁
     * @param beta2 β₂
     * @param eps ε
     * @return the vector field
     */
    public static Function<Params, Params> adam(Function<Params, Tensor> loss, double h, double beta1, double beta2,
                                                double eps) {
        return corrected(loss, h, memory(beta1, "beta1"), memory(beta2, "beta2"), eps);
    }

    /**
     * RMSProp's modified flow: Adam's with β₁ = 0.
     *
     * @param loss the loss E
     * @param h the learning rate
     * @param beta2 β₂
     * @param eps ε
     * @return the vector field
     */
    public static Function<Params, Params> rmsProp(Function<Params, Tensor> loss, double h, double beta2, double eps) {
        return adam(loss, h, 0, beta2, eps);
    }

    /**
     * The flow θ̇ = −s + h[(a₁ + ½)ε + (a₁ − a₂)|g|] ⊙ (−Hs)/(|g|+ε)² for given memory lengths
     * a₁, a₂ (a = β/(1−β), the mean age of an EMA's contents in steps).
     */
    static Function<Params, Params> corrected(Function<Params, Tensor> loss, double h, double a1, double a2, double eps) {
        checkEps(eps);
        Terms.requireNonNegative("h", h);
        Function<Params, Params> grad = Autodiff.grad(loss);
        return p -> {
            Params g = grad.apply(p);
            Params s = g.map(t -> t.div(t.abs().add(eps)));
            Params hs = Autodiff.hvp(loss, p, s);
            return g.zip(hs, (gi, hsi) -> {
                Tensor d = gi.abs().add(eps);
                Tensor coef = gi.abs().mul(a1 - a2).add((a1 + 0.5) * eps);
                return gi.div(d).neg().sub(coef.mul(hsi).div(d.square()).mul(h));
            });
        };
    }

    /**
     * a = β/(1−β): the memory of an exponential moving average, in steps.
     *
     * @param beta β in [0, 1)
     * @param name the parameter's name, for the error message
     * @return a
     */
    public static double memory(double beta, String name) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + beta);
        }
        return beta / (1 - beta);
    }

    private static void checkEps(double eps) {
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("eps must be a finite positive number, got " + eps
                    + " (the modified flow needs ε > 0; ε → 0 is sign descent, see SignDescent)");
        }
    }
}
