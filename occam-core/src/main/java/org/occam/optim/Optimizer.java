package org.occam.optim;

import org.occam.autodiff.Params;

/**
 * An update rule θ ← update(θ, ∇, state, h). Pure: returns new parameters and state, so a
 * training run can checkpoint both and resume bit-identically.
 */
public interface Optimizer {

    /** The result of one update. */
    record Update(Params params, OptState state) {
    }

    /** Applies one update with learning rate lr. */
    Update update(Params params, Params grad, OptState state, double lr);

    /** A short name for logs and configs, e.g. "sgd", "momentum(0.9)". */
    String describe();
}
