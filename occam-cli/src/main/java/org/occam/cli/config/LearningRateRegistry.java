package org.occam.cli.config;

import java.util.List;
import org.occam.optim.LearningRateRule;
import org.occam.optim.Schedule;

/**
 * The {@code lr:} section: learning-rate rules by name. Schedules (constant, step, cosine, each
 * with linear warm-up) are here; adaptive rules (drift-adaptive, corridor) are registered the same
 * way, with a factory that returns a {@link LearningRateRule} reading the step's loss and gradient.
 * A bare number ({@code lr: 0.1}) means a constant rate.
 *
 * <p>To add one: a {@code register(name, doc, params, factory)} call in the chain below (see
 * {@link RegularizerRegistry} for a worked example).
 */
public final class LearningRateRegistry {
    private LearningRateRegistry() {
    }

    private static final Param BASE = Param.positive("base", null, "the (peak) learning rate h");
    private static final Param WARMUP = Param.nonNegativeInt("warmup", 0L, "linear warm-up steps from h/warmup to h");

    /** constant, step, cosine. */
    public static final Registry<BuildContext, LearningRateRule> REGISTRY =
            new Registry<BuildContext, LearningRateRule>("learning-rate rule")
            .register("constant", "h at every step (after warm-up)", List.of(BASE, WARMUP),
                    (c, ctx) -> LearningRateRule.of(Schedule.constant(c.num("base")).withWarmup(c.integer("warmup"))))
            .register("step", "h · gamma^(⌊step / every⌋)",
                    List.of(BASE, Param.positiveInt("every", null, "decay period in steps"),
                            Param.positive("gamma", 0.1, "decay factor"), WARMUP),
                    (c, ctx) -> LearningRateRule.of(Schedule.step(c.num("base"), c.integer("every"), c.num("gamma"))
                            .withWarmup(c.integer("warmup"))))
            .register("cosine", "cosine decay from h to min over total_steps",
                    List.of(BASE, Param.nonNegative("min", 0.0, "final learning rate"),
                            Param.nonNegativeInt("total_steps", 0L, "length of the decay; 0: the run's steps"), WARMUP),
                    (c, ctx) -> LearningRateRule.of(Schedule.cosine(c.num("base"),
                            c.integer("total_steps") > 0 ? c.integer("total_steps") : Math.toIntExact(ctx.steps()), c.num("min"))
                            .withWarmup(c.integer("warmup"))));
}
