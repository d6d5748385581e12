package org.occam.regularize;

import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/**
 * Backward error analysis of gradient descent θ_{n+1} = θ_n − h∇E(θ_n) (Barrett &amp; Dherin 2021;
 * METHODS §1.1). With g = ∇E and H = ∇²E:
 * <ul>
 *   <li>gradient flow θ̇ = −g: local error O(h²) per step;</li>
 *   <li>modified loss Ẽ = E + (h/4)‖g‖² and its flow θ̇ = −∇Ẽ = −g − (h/2)Hg: O(h³);</li>
 *   <li>third-order flow θ̇ = −g − (h/2)Hg − h²[(1/3)H²g + (1/12)D³E[g, g]]: O(h⁴), where
 *       D³E[g, g] = ∇_θ(sg(g)ᵀ H(θ) sg(g)).</li>
 * </ul>
 * The paper writes Ẽ = E + λ R_IG with R_IG = ‖g‖²/m and λ = hm/4 (m parameters). Every
 * coefficient refers to the gradient of exactly the function passed in (METHODS §10.1).
 * Vector fields are functions Params → Params returning θ̇.
 */
public final class ImplicitGradientRegularization {
    private ImplicitGradientRegularization() {
    }

    /**
     * Ẽ = E + (h/4)‖∇E‖².
     *
     * @param loss E
     * @param h the learning rate
     * @return Ẽ
     */
    public static Function<Params, Tensor> modifiedLoss(Function<Params, Tensor> loss, double h) {
        return Terms.plusGradNorm(loss, h / 4);
    }

    /**
     * The GD modified loss as an objective: exactly EGR with μ = h/4.
     *
     * @param base E
     * @param h the learning rate
     * @return Ẽ as an objective
     */
    public static Objective modifiedObjective(Objective base, double h) {
        return ExplicitGradientRegularization.exact(base, h / 4);
    }

    /**
     * R_IG = ‖∇E‖²/m, m the number of parameters (differentiable).
     *
     * @param loss E
     * @return R_IG
     */
    public static Function<Params, Tensor> implicitRegularizer(Function<Params, Tensor> loss) {
        Function<Params, Tensor> r = Terms.gradNormSquared(loss);
        return p -> r.apply(p).div(p.numel());
    }

    /**
     * λ = hm/4, the paper's coefficient of R_IG.
     *
     * @param h the learning rate
     * @param parameters m
     * @return λ
     */
    public static double lambda(double h, int parameters) {
        return h * parameters / 4;
    }

    /**
     * Gradient flow θ̇ = −∇E (local error O(h²) against one GD step).
     *
     * @param loss E
     * @return the vector field
     */
    public static Function<Params, Params> gradientFlow(Function<Params, Tensor> loss) {
        Function<Params, Params> g = Autodiff.grad(loss);
        return p -> g.apply(p).scale(-1);
    }

    /**
     * θ̇ = −g − (h/2)Hg = −∇Ẽ (local error O(h³)).
     *
     * @param loss E
     * @param h the learning rate
     * @return the vector field
     */
    public static Function<Params, Params> firstOrderFlow(Function<Params, Tensor> loss, double h) {
        return p -> {
            Params g = Terms.grad(loss, p).detach();
            Params hg = Terms.hvp(loss, p, g);
            return g.scale(-1).addScaled(hg, -h / 2);
        };
    }

    /**
     * θ̇ = −g − (h/2)Hg − h²[(1/3)H²g + (1/12)∇_θ(sg(g)ᵀH(θ)sg(g))] (local error O(h⁴)).
     *
     * @param loss E
     * @param h the learning rate
     * @return the vector field
     */
    public static Function<Params, Params> thirdOrderFlow(Function<Params, Tensor> loss, double h) {
        return p -> {
            Params g = Terms.grad(loss, p).detach();
            Params hg = Terms.hvp(loss, p, g).detach();
            Params h2g = Terms.hvp(loss, p, hg);
            Params d3 = Autodiff.grad((Params q) -> Terms.hvp(loss, q, g).dot(g)).apply(p);
            return g.scale(-1).addScaled(hg, -h / 2).addScaled(h2g, -h * h / 3).addScaled(d3, -h * h / 12);
        };
    }

    /**
     * One GD step θ − h∇E(θ).
     *
     * @param loss E
     * @param p θ
     * @param h the learning rate
     * @return the next iterate
     */
    public static Params gdStep(Function<Params, Tensor> loss, Params p, double h) {
        return p.addScaled(Terms.grad(loss, p), -h);
    }
}
