package org.occam.train;

import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.nn.Losses;
import org.occam.nn.Model;
import org.occam.tensor.Tensor;

/**
 * The scalar a training step differentiates: a function of parameters and a batch. Explicit
 * regularizers are objectives that wrap another objective.
 */
@FunctionalInterface
public interface Objective {

    Tensor loss(Params params, Batch batch);

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
