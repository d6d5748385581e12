package org.occam.cli.config;

import java.util.List;
import org.occam.multitask.ConflictRegularizer;
import org.occam.nn.Sequential;
import org.occam.regularize.ExplicitGradientRegularization;
import org.occam.regularize.GeometricComplexityPenalty;
import org.occam.regularize.InputNoise;
import org.occam.regularize.L2Penalty;
import org.occam.regularize.MicroBatchGradientRegularization;
import org.occam.regularize.SpectralNormPenalty;
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
 *           (c, ctx) -> ExplicitGradientRegularization.exact(ctx.objective(), c.num("coef")))
 * }</pre>
 * A config then says {@code regularizers: [{name: egr, coef: 0.02}]}. {@link MonitorRegistry},
 * {@link OptimizerRegistry}, {@link LearningRateRegistry} and {@link SyntheticDataRegistry} work
 * the same way ({@code ctx.model()}, {@code ctx.train()}, {@code ctx.steps()} are there for
 * factories that need them). Registration runs when the class loads; names are unique.
 */
public final class RegularizerRegistry {
    private RegularizerRegistry() {
    }

    /** The explicit regularizers of org.occam.regularize (METHODS §§1.1, 2.2, 7.2). */
    public static final Registry<BuildContext, Objective> REGISTRY = new Registry<BuildContext, Objective>("regularizer")
            .register("l2", "coef/2 · ‖θ‖² added to the loss (the gradient gains coef·θ, as SGD weight decay)",
                    List.of(Param.positive("coef", null, "penalty weight")),
                    (c, ctx) -> L2Penalty.of(ctx.objective(), c.num("coef")))
            .register("egr", "explicit gradient regularization L + coef·‖∇L‖² by double backprop (METHODS §1.1)",
                    List.of(Param.positive("coef", null, "penalty weight μ (GD at rate h adds about h/4)")),
                    (c, ctx) -> ExplicitGradientRegularization.exact(ctx.objective(), c.num("coef")))
            .register("egr_fd", "explicit gradient regularization with the finite-difference Hessian-gradient product",
                    List.of(Param.positive("coef", null, "penalty weight μ")),
                    (c, ctx) -> ExplicitGradientRegularization.finiteDifference(ctx.objective(), c.num("coef")))
            .register("micro_batch", "SGD's implicit regularizer (coef/4m)·Σ_k‖∇Ĉ_k‖² over m micro-batches (METHODS §2.2)",
                    List.of(Param.positive("coef", null, "coefficient λ (about the small-batch learning rate)"),
                        Param.positiveInt("micro_batches", 4L, "number m of micro-batches per batch")),
                    (c, ctx) -> MicroBatchGradientRegularization.of(ctx.objective(), c.num("coef"), c.integer("micro_batches")))
            .register("gc", "geometric complexity penalty coef·mean‖∇ₓf(x)‖²_F on the logits, or on the output of the"
                    + " first `layer` layers (METHODS §7.2, §7.4)",
                    List.of(Param.positive("coef", null, "penalty weight α"), Param.nonNegativeInt("layer", 0L,
                            "0: the logits; k: the output of the first k layers (e.g. the penultimate embedding)")),
                    RegularizerRegistry::geometricComplexity)
            .register("spectral", "spectral-norm penalty coef·Σ_l‖W_l‖²_op by power iteration (METHODS §7.2)",
                    List.of(Param.positive("coef", null, "penalty weight κ")),
                    (c, ctx) -> SpectralNormPenalty.of(ctx.objective(), c.num("coef")))
            .register("input_noise", "Gaussian input noise of standard deviation sigma (≈ sigma²·GC for MSE, METHODS §7.2)",
                    List.of(Param.positive("sigma", null, "noise standard deviation"),
                        Param.nonNegativeInt("seed", 0L, "noise seed")),
                    (c, ctx) -> InputNoise.of(ctx.objective(), c.num("sigma"), c.integer("seed")))
            .register("task_conflict", "multitask conflict term multiplier·(lr/2)·Σ_{i<j}⟨∇ℓ_i, ∇ℓ_j⟩ over the target"
                    + " columns (loss mse, ℓ_k = L_k/K): multiplier −1 cancels GD's implicit conflict term at rate lr, +1"
                    + " doubles it (METHODS §6)",
                    List.of(Param.positive("lr", null, "the rate h whose implicit conflict term (h/2)Σ⟨∇ℓ_i, ∇ℓ_j⟩ is matched"),
                            Param.numberIn("multiplier", -1.0, -1000, 1000,
                                    "−1 cancels, +1 doubles, h_big/lr − 1 adds what rate h_big would")),
                    (c, ctx) -> ConflictRegularizer.columns(ctx.objective(), ctx.model(), c.num("lr"),
                            c.num("multiplier")));

    static { ImplicitBiasEntries.regularizers(REGISTRY); } // SAM, gradient-norm penalties, label noise (docs/sam.md)

    /** The gc penalty: on the logits (layer 0) or on a prefix of a Sequential model. */
    private static Objective geometricComplexity(ComponentConfig c, BuildContext ctx) {
        int layer = c.integer("layer");
        if (layer == 0) {
            return GeometricComplexityPenalty.of(ctx.objective(), ctx.model(), c.num("coef"));
        }
        if (!(ctx.model() instanceof Sequential seq)) {
            throw new ConfigException("regularizers: gc: layer needs a layered model (mlp, cnn, resnet), got "
                    + ctx.model().describe());
        }
        if (layer > seq.layers().size()) {
            throw new ConfigException("regularizers: gc: layer must be in 0.." + seq.layers().size() + " for "
                    + seq.describe() + ", got " + layer);
        }
        return GeometricComplexityPenalty.onLayer(ctx.objective(), seq, layer, c.num("coef"));
    }
}
