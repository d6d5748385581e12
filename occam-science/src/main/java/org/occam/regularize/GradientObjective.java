package org.occam.regularize;

import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.train.Objective;

/**
 * An objective that supplies its own value and gradient, for regularizers whose gradient is not
 * (or not cheaply) the backprop of their value, such as the finite-difference form of explicit
 * gradient regularization (METHODS §1.2: "two extra gradient evaluations with central
 * differences").
 *
 * <p>Contract: {@link #loss(Params, Batch)} must still return the same value, as a tensor whose
 * backprop gradient equals {@link #valueAndGrad(Params, Batch)}'s gradient (a surrogate built
 * with stop-gradients), so the objective also works in code that only knows {@link Objective},
 * including inside other regularizers. {@link #valueAndGrad(Params, Batch)} is the cheaper path
 * a training loop should prefer: use {@link #evaluate(Objective, Params, Batch)}.
 */
public interface GradientObjective extends Objective {

    /** The value and the gradient (constants) at p on this batch. */
    Autodiff.ValueAndGrad valueAndGrad(Params params, Batch batch);

    /**
     * The value and gradient of any objective: its own when it is a {@link GradientObjective},
     * else reverse-mode autodiff of {@link Objective#loss(Params, Batch)}.
     */
    static Autodiff.ValueAndGrad evaluate(Objective objective, Params params, Batch batch) {
        if (objective instanceof GradientObjective g) {
            return g.valueAndGrad(params, batch);
        }
        return Autodiff.valueAndGrad((Params q) -> objective.loss(q, batch)).apply(params);
    }
}
