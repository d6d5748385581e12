package org.occam.cli.config;

import java.util.List;
import org.occam.train.Objective;

/**
 * The {@code regularizers:} list: explicit penalties, each an {@link Objective} that wraps the one
 * before it (the loss first, then the entries in list order).
 *
 * <p><b>Adding one</b> (the science module's penalties) is one {@code register} call appended to
 * the chain below: a name, one line of doc, the parameter schema (names, kinds, defaults, ranges;
 * unknown or bad parameters are then rejected with the usual messages), and a factory from the
 * checked parameters and the {@link BuildContext} to the wrapped objective. For example:
 * <pre>{@code
 *   .register("egr", "explicit gradient regularization: L + λ‖∇L‖²",
 *           List.of(Param.positive("coef", 0.01, "penalty weight λ")),
 *           (c, ctx) -> ExplicitGradientRegularization.of(ctx.objective(), c.num("coef")))
 * }</pre>
 * A config then says {@code regularizers: [{name: egr, coef: 0.02}]}. {@link MonitorRegistry},
 * {@link OptimizerRegistry}, {@link LearningRateRegistry} and {@link SyntheticDataRegistry} work
 * the same way ({@code ctx.model()}, {@code ctx.train()}, {@code ctx.steps()} are there for
 * factories that need them). Registration runs when the class loads; names are unique.
 */
public final class RegularizerRegistry {
    private RegularizerRegistry() {
    }

    /** l2. */
    public static final Registry<BuildContext, Objective> REGISTRY = new Registry<BuildContext, Objective>("regularizer")
            .register("l2", "coef/2 · ‖θ‖² added to the loss (the gradient gains coef·θ, as SGD weight decay)",
                    List.of(Param.positive("coef", null, "penalty weight")),
                    (c, ctx) -> l2(ctx.objective(), c.num("coef")));

    /**
     * {@code base + coef/2 · ‖θ‖²}, written here while org.occam.regularize was being written; its
     * {@code L2Penalty.of(base, coef)} is the same term and can replace this.
     */
    static Objective l2(Objective base, double coef) {
        return (p, b) -> base.loss(p, b).add(p.normSquared().mul(coef / 2));
    }
}
