package org.occam.regularize;

import org.occam.autodiff.Params;
import org.occam.measure.GeometricComplexity;
import org.occam.nn.Model;
import org.occam.nn.Sequential;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/**
 * Explicit geometric-complexity regularization (Dherin, Munn, Rosca &amp; Barrett 2022;
 * METHODS §7.2): loss + α·GC(batch) with GC = (1/B) Σ_{x∈batch} ‖∇_x f(x)‖²_F, f the model's
 * logits (before any softmax), differentiated exactly in the parameters by double backprop.
 *
 * <p>GC is {@link GeometricComplexity#exact(Model, Params, Tensor)}: one batched backward pass
 * for [B, d] inputs, k pullbacks otherwise. Use the model in eval mode, consistently on logits
 * (METHODS §10.8).
 */
public final class GeometricComplexityPenalty {
    private GeometricComplexityPenalty() {
    }

    /**
     * base + α·GC on each batch.
     *
     * @param base the objective
     * @param model the network whose input-output Jacobian GC measures
     * @param alpha α
     * @return the penalized objective
     */
    public static Objective of(Objective base, Model model, double alpha) {
        Terms.requireNonNegative("GC coefficient alpha", alpha);
        return Objective.regularized(base, true, (p, b) -> base.loss(p, b).add(gc(model, p, b.x()).mul(alpha)));
    }

    /**
     * base + α·GC of the output of the first {@code upTo} layers on each batch: the embedding's
     * GC that METHODS §7.4 lowers during pre-training (upTo = layers − 1: the penultimate layer).
     *
     * @param base the objective
     * @param model the network
     * @param upTo the number of leading layers giving the embedding
     * @param alpha α
     * @return the penalized objective
     */
    public static Objective onLayer(Objective base, Sequential model, int upTo, double alpha) {
        Terms.requireNonNegative("GC coefficient alpha", alpha);
        if (upTo < 1 || upTo > model.layers().size()) {
            throw new IllegalArgumentException("GC penalty layer must be in 1.." + model.layers().size() + " for "
                    + model.describe() + ", got " + upTo);
        }
        return Objective.regularized(base, true,
                (p, b) -> base.loss(p, b).add(GeometricComplexity.exactLayer(model, p, b.x(), upTo).mul(alpha)));
    }

    /**
     * GC(f, x) = (1/B) Σ_b ‖∂f(x_b)/∂x_b‖²_F, differentiable in the parameters.
     *
     * @param model the network f
     * @param p the parameters
     * @param x the batch's inputs
     * @return GC, a scalar tensor
     */
    public static Tensor gc(Model model, Params p, Tensor x) {
        return GeometricComplexity.exact(model, p, x);
    }
}
