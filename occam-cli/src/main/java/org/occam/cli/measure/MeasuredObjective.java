package org.occam.cli.measure;

import org.occam.autodiff.Params;
import org.occam.measure.LinearOperator;

/**
 * The objective {@code occam measure} evaluates at fixed parameters: on this JVM's batch
 * ({@link LocalObjective}) or reduced over the chunks of a sharded objective ({@link ShardedView};
 * docs/sharded-objective.md). A metric that needs only these quantities runs on both.
 */
public interface MeasuredObjective {
    /** The parameters it is measured at. */
    Params params();

    /** The loss L(θ). */
    double loss();

    /** The classification accuracy. */
    double accuracy();

    /** ‖∇L(θ)‖². */
    double gradNormSquared();

    /** The exact geometric complexity of the logits (METHODS §7.2). */
    double geometricComplexity();

    /** A new operator for the loss Hessian at θ; it counts its applications. */
    LinearOperator hessian();

    /** Whether it is reduced over chunks (--spark or --chunk). */
    boolean sharded();
}
