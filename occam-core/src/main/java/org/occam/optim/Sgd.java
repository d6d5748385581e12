package org.occam.optim;

import org.occam.autodiff.Params;

/**
 * Plain (stochastic) gradient descent θ ← θ − h(∇ + λθ), the update whose implicit bias the
 * modified-loss results describe (METHODS §1.1); λ is L2 weight decay added to the gradient.
 *
 * @param weightDecay L2 weight decay λ, added to the gradient
 */
public record Sgd(double weightDecay) implements Optimizer {

    /** Plain gradient descent without weight decay. */
    public Sgd() {
        this(0);
    }

    @Override
    public Update update(Params params, Params grad, OptState state, double lr) {
        Params g = weightDecay == 0 ? grad : grad.addScaled(params, weightDecay);
        return new Update(params.addScaled(g, -lr), new OptState(state.step() + 1, state.buffers()));
    }

    @Override
    public String describe() {
        return weightDecay == 0 ? "sgd" : "sgd(weight_decay=" + weightDecay + ")";
    }
}
