package org.occam.optim;

import org.occam.autodiff.Params;

/**
 * An update rule θ ← update(θ, ∇, state, h). Pure: returns new parameters and state, so a
 * training run can checkpoint both and resume bit-identically.
 */
public interface Optimizer {

    /**
     * The result of one update.
     *
     * @param params the parameters after the update
     * @param state the optimizer's state after the update
     */
    record Update(Params params, OptState state) {
    }

    /**
     * Applies one update with learning rate lr.
     *
     * @param params the parameters before the update
     * @param grad the gradient at {@code params}
     * @param state the optimizer's state before the update
     * @param lr the learning rate h of this step
     * @return the new parameters and state (the inputs are not changed)
     */
    Update update(Params params, Params grad, OptState state, double lr);

    /**
     * A short name for logs and configs, e.g. "sgd", "momentum(0.9)".
     *
     * @return the name
     */
    String describe();
}
