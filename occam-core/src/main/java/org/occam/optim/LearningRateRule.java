package org.occam.optim;

import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/**
 * Chooses the learning rate of each step; adaptive rules (drift-adaptive DAL, corridor CLR,
 * METHODS §§4-5) plug in here and may use the current loss, gradient and parameters.
 */
public interface LearningRateRule {

    /**
     * What a rule may look at when choosing the step size.
     *
     * @param step the 0-based step about to be taken
     * @param params the parameters before the step
     * @param grad the gradient of the training objective at {@code params}
     * @param loss the objective's value at {@code params}
     */
    record Context(long step, Params params, Params grad, Tensor loss) {
    }

    /**
     * The learning rate for this step.
     *
     * @param ctx the step, parameters, gradient and loss
     * @return the step size h for this step
     */
    double learningRate(Context ctx);

    /**
     * A rule that follows a fixed schedule.
     *
     * @param schedule the learning rate as a function of the step
     * @return a rule that ignores everything but the step
     */
    static LearningRateRule of(Schedule schedule) {
        return ctx -> schedule.at(ctx.step());
    }
}
