package org.occam.flow;

import java.util.List;
import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.regularize.ImplicitGradientRegularization;
import org.occam.regularize.MomentumModifiedLoss;
import org.occam.regularize.SgdModifiedLoss;
import org.occam.tensor.Tensor;

/**
 * The continuous models of gradient methods as named {@link Flow}s on the flattened parameters
 * (float64), for side-by-side comparison with the iterates ({@link SideBySide}). The vector fields
 * are those of {@code org.occam.regularize}; this class only names them and puts them on flat
 * states. Every coefficient refers to exactly the loss passed in (METHODS §10.1).
 */
public final class Flows {
    private Flows() {
    }

    /**
     * "gf": θ̇ = −g (METHODS §1.1; local error O(h²) against one GD step).
     *
     * @param loss E
     * @param template the tree's names and shapes
     * @return the flow
     */
    public static Flow gradient(Function<Params, Tensor> loss, Params template) {
        return Flow.of("gf", ImplicitGradientRegularization.gradientFlow(loss), template);
    }

    /**
     * "igr": θ̇ = −g − (h/2)Hg = −∇(E + (h/4)‖g‖²) (METHODS §1.1; O(h³)).
     *
     * @param loss E
     * @param template the tree's names and shapes
     * @param h the learning rate
     * @return the flow
     */
    public static Flow igr(Function<Params, Tensor> loss, Params template, double h) {
        return Flow.of("igr", ImplicitGradientRegularization.firstOrderFlow(loss, h), template);
    }

    /**
     * "igr3": θ̇ = −g − (h/2)Hg − h²[(1/3)H²g + (1/12)D³E[g, g]] (METHODS §1.1; O(h⁴)).
     *
     * @param loss E
     * @param template the tree's names and shapes
     * @param h the learning rate
     * @return the flow
     */
    public static Flow igr3(Function<Params, Tensor> loss, Params template, double h) {
        return Flow.of("igr3", ImplicitGradientRegularization.thirdOrderFlow(loss, h), template);
    }

    /**
     * "mom": heavy-ball momentum, θ̇ = −∇Ẽ_β/(1−β) with Ẽ_β = E + [h(1+β)/(4(1−β)²)]‖g‖²
     * (METHODS §1.4; O(h³) after the O(1/(1−β)) transient, so compare with heavy-ball iterates).
     *
     * @param loss E
     * @param template the tree's names and shapes
     * @param h the learning rate
     * @param beta β
     * @return the flow
     */
    public static Flow momentum(Function<Params, Tensor> loss, Params template, double h, double beta) {
        return Flow.of("mom", MomentumModifiedLoss.flow(loss, h, beta), template);
    }

    /**
     * "sgd": θ̇ = −∇C̃_SGD with C̃_SGD = C + (ε/(4m))Σ_k‖∇Ĉ_k‖² (METHODS §2.1). It models the mean
     * iterate over an epoch of m random-order minibatch steps, at times that are multiples of mε.
     *
     * @param full the full loss C
     * @param batchLosses the minibatch losses Ĉ_k
     * @param template the tree's names and shapes
     * @param eps the learning rate ε
     * @return the flow
     */
    public static Flow sgd(Function<Params, Tensor> full, List<Function<Params, Tensor>> batchLosses, Params template,
            double eps) {
        return Flow.of("sgd", SgdModifiedLoss.flow(SgdModifiedLoss.modifiedLoss(full, batchLosses, eps)), template);
    }

    /**
     * "pf": the complex principal flow, first-order continuation ({@link ComplexPrincipalFlow}).
     *
     * @param loss E
     * @param template the tree's names and shapes
     * @param h the learning rate
     * @return the flow
     */
    public static ComplexPrincipalFlow principal(Function<Params, Tensor> loss, Params template, double h) {
        return ComplexPrincipalFlow.of(loss, template, h);
    }

    /**
     * "pf-re": the real-part principal flow ({@link PrincipalFlow#realPart}).
     *
     * @param loss E
     * @param template the tree's names and shapes
     * @param h the learning rate
     * @return the flow
     */
    public static Flow principalRealPart(Function<Params, Tensor> loss, Params template, double h) {
        return PrincipalFlow.realPartFlow(loss, template, h);
    }

    /**
     * "pf-top{k}": the top-k principal flow ({@link TopKPrincipalFlow}).
     *
     * @param loss E
     * @param template the tree's names and shapes
     * @param h the learning rate
     * @param k the eigenpairs treated exactly
     * @param lanczosSteps Lanczos steps per evaluation
     * @param seed the seed of the Lanczos start vector
     * @return the flow
     */
    public static Flow principalTopK(Function<Params, Tensor> loss, Params template, double h, int k, int lanczosSteps,
            long seed) {
        return new TopKPrincipalFlow(loss, h, k, lanczosSteps, seed).flow(template);
    }
}
