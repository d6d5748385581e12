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

    Tensor loss(Params params, Batch batch);

    /**
     * Value and gradient at p on a batch: reverse-mode autodiff of {@link #loss} unless the
     * objective supplies a cheaper exact path (e.g. finite-difference gradient regularization).
     */
    default Autodiff.ValueAndGrad valueAndGrad(Params params, Batch batch) {
        return Autodiff.valueAndGrad((Params q) -> loss(q, batch)).apply(params);
    }

    /**
     * True when the loss of a batch is the size-weighted mean of the losses of its parts, so the
     * training loop may process a large batch in chunks. Gradient-norm penalties are not.
     */
    default boolean decomposable() {
        return true;
    }

    /** The unregularized objective underneath, used to report train/test loss. */
    default Objective base() {
        return this;
    }

    /** A regularized objective: {@code loss} on top of {@code base}, with its decomposability. */
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

    /** Mean cross-entropy of the model's logits. */
    static Objective crossEntropy(Model model) {
        return (p, b) -> Losses.crossEntropy(model.apply(p, b.x()), b.y());
    }

    /** Mean squared error against the batch's regression targets. */
    static Objective mse(Model model) {
        return (p, b) -> Losses.mse(model.apply(p, b.x()), b.targets());
    }

    /** Parses cross_entropy, mse, logistic, exponential (the CLI's --loss names). */
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
