package org.occam.train;

import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.nn.Losses;
import org.occam.nn.Model;
import org.occam.tensor.Tensor;

/**
 * The scalar a training step differentiates: a function of parameters and a batch. Explicit
 * regularizers are objectives that wrap another objective (see {@link #regularized}).
 */
@FunctionalInterface
public interface Objective {

    /**
     * The scalar loss at {@code params} on {@code batch}, recorded for autodiff.
     *
     * @param params the parameters
     * @param batch a batch of examples
     * @return a scalar tensor
     */
    Tensor loss(Params params, Batch batch);

    /**
     * Value and gradient at p on a batch: reverse-mode autodiff of {@link #loss} unless the
     * objective supplies a cheaper exact path (e.g. finite-difference gradient regularization).
     *
     * @param params the parameters
     * @param batch a batch of examples
     * @return the loss and its gradient with respect to {@code params}
     */
    default Autodiff.ValueAndGrad valueAndGrad(Params params, Batch batch) {
        return Autodiff.valueAndGrad((Params q) -> loss(q, batch)).apply(params);
    }

    /**
     * True when the loss of a batch is the size-weighted mean of the losses of its parts, so the
     * training loop may process a large batch in chunks. Gradient-norm penalties are not.
     *
     * @return whether chunked evaluation gives the same loss and gradient
     */
    default boolean decomposable() {
        return true;
    }

    /**
     * The unregularized objective underneath, used to report train/test loss.
     *
     * @return the base objective (this one when unregularized)
     */
    default Objective base() {
        return this;
    }

    /**
     * A regularized objective: {@code loss} on top of {@code base}, with its decomposability.
     *
     * @param base the data loss underneath
     * @param decomposable whether the regularized loss may be computed in chunks
     * @param loss the whole regularized objective
     * @return the objective
     */
    static Objective regularized(Objective base, boolean decomposable, Objective loss) {
        return new Objective() {
            @Override
            public Tensor loss(Params params, Batch batch) {
                return loss.loss(params, batch);
            }

            @Override
            public boolean decomposable() {
                return decomposable && base.decomposable();
            }

            @Override
            public Objective base() {
                return base.base();
            }
        };
    }

    /**
     * Mean cross-entropy of the model's logits.
     *
     * @param model the network giving the logits
     * @return the objective
     */
    static Objective crossEntropy(Model model) {
        return (p, b) -> Losses.crossEntropy(model.apply(p, b.x()), b.y());
    }

    /**
     * Mean squared error against the batch's regression targets.
     *
     * @param model the network giving the predictions
     * @return the objective
     */
    static Objective mse(Model model) {
        return (p, b) -> Losses.mse(model.apply(p, b.x()), b.targets());
    }

    /**
     * Parses cross_entropy, mse, logistic, exponential (the CLI's --loss names).
     *
     * @param name the loss's name
     * @param model the network
     * @return the objective
     */
    static Objective parse(String name, Model model) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "cross_entropy", "ce" -> crossEntropy(model);
            case "mse" -> mse(model);
            case "logistic", "binary_logistic" -> (p, b) -> Losses.binaryLogistic(model.apply(p, b.x()), b.y());
            case "exponential" -> (p, b) -> Losses.exponential(model.apply(p, b.x()), b.y());
            default -> throw new IllegalArgumentException("unknown loss '" + name
                    + "': allowed values are cross_entropy, mse, logistic, exponential");
        };
    }
}
