package org.occam.cli.config;

import java.util.List;
import org.occam.lr.CorridorLearningRate;
import org.occam.lr.DriftAdaptiveLearningRate;
import org.occam.lr.HessianGradient;
import org.occam.lr.StepLoss;
import org.occam.optim.LearningRateRule;
import org.occam.optim.Schedule;

/**
 * The {@code lr:} section: learning-rate rules by name. Schedules (constant, step, cosine, each
 * with linear warm-up) and the adaptive rules of org.occam.lr: {@code dal} (drift-adjusted,
 * METHODS §4.2; measures the drift on the whole training set, so it is meant for full-batch runs or
 * {@code full_batch: false}), {@code clr} and its alias {@code polyak} (corridor / Polyak step,
 * METHODS §5; uses the step's loss and gradient, so it works with mini-batches).
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

    private static final Param MAX_LR = Param.positive("max_lr", 10.0,
            "cap h_max (METHODS §10 pitfall 9: E/‖g‖² explodes as ‖g‖ → 0 with E > 0)");
    private static final Param DELTA = Param.nonNegative("delta", CorridorLearningRate.DEFAULT_DELTA,
            "δ added to ‖g‖² in the denominator");

    /** constant, step, cosine; dal (drift-adjusted), clr and polyak (corridor / Polyak step). */
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
                            .withWarmup(c.integer("warmup"))))
            .register("dal", "DAL-p: h = clip(2/v^p, 0, max_lr) with v = ‖Hg‖/‖g‖ on the training set, inside the"
                            + " window (start, stop), else base (METHODS §4.2)",
                    List.of(Param.nonNegative("power", 1.0, "p; 0 means plain GD at the base rate"),
                            Param.positive("base", 0.01, "the rate outside the window (and for p = 0)"),
                            Param.positive("max_lr", DriftAdaptiveLearningRate.DEFAULT_MAX_LR, "cap h_max (reference: 5)"),
                            Param.intIn("start", -1L, -1, Long.MAX_VALUE - 2, "scale only for steps > start (-1: from step 0)"),
                            Param.nonNegativeInt("stop", 0L, "scale only for steps < stop (0: no end)"),
                            Param.choice("hvp", "exact", "how Hg is computed", "exact", "finite_difference"),
                            Param.positive("fd_step", HessianGradient.REFERENCE_STEP_LENGTH,
                                    "length of the finite-difference parameter step (ε = fd_step/‖g‖)"),
                            Param.bool("full_batch", true, "true: training is full-batch, reuse its gradient; false:"
                                    + " compute the full-batch gradient for v (one more gradient per step)"),
                            Param.bool("normalized", false, "true: scale-free h = clip(base/(v/v_0)^p, 0, max_lr), v_0"
                                    + " at the first scaled step; false: the reference 2/v^p")),
                    (c, ctx) -> {
                        long stop = c.longValue("stop") == 0 ? Long.MAX_VALUE : c.longValue("stop");
                        if (stop <= c.longValue("start") + 1) {
                            throw new ConfigException("lr: dal window (start, stop) = (" + c.longValue("start") + ", "
                                    + stop + ") holds no step; use stop > start + 1, or stop: 0 for no end");
                        }
                        DriftAdaptiveLearningRate.Settings s = DriftAdaptiveLearningRate.Settings.of(c.num("power"))
                                .withMaxLr(c.num("max_lr")).withWindow(c.longValue("start"), stop)
                                .withNormalized(c.bool("normalized"));
                        HessianGradient hg = c.str("hvp").equals("exact") ? HessianGradient.exact()
                                : HessianGradient.finiteDifference(c.num("fd_step"));
                        StepLoss loss = c.bool("full_batch") ? StepLoss.fullBatch(ctx.objective(), ctx.train())
                                : StepLoss.fixed(ctx.objective(), ctx.train().all());
                        return DriftAdaptiveLearningRate.driftAdaptiveLearningRate(
                                LearningRateRule.of(Schedule.constant(c.num("base"))), s, loss, hg);
                    })
            .register("clr", "corridor learning rate h = E/(‖g‖² + delta) on the step's batch, capped (METHODS §5)",
                    List.of(MAX_LR, DELTA),
                    (c, ctx) -> CorridorLearningRate.corridorLearningRate(c.num("max_lr"), c.num("delta")))
            .register("polyak", "Polyak step (E − min_loss)/(‖g‖² + delta), capped; min_loss = 0 is clr (METHODS §5)",
                    List.of(MAX_LR, DELTA, Param.numberIn("min_loss", 0.0, -1e300, 1e300, "E*, the optimal loss")),
                    (c, ctx) -> CorridorLearningRate.polyak(c.num("min_loss"), c.num("max_lr"), c.num("delta")));
}
