package org.occam.optim;

import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/**
 * Chooses the learning rate of each step; adaptive rules (drift-adaptive DAL, corridor CLR,
 * METHODS §§4-5) plug in here and may use the current loss, gradient and parameters.
 */
public interface LearningRateRule {

    /** What a rule may look at when choosing the step size. */
    record Context(long step, Params params, Params grad, Tensor loss) {
    }

    /** The learning rate for this step. */
    double learningRate(Context ctx);

    /** A rule that follows a fixed schedule. */
    static LearningRateRule of(Schedule schedule) {
        return ctx -> schedule.at(ctx.step());
    }
}
