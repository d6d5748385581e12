package org.occam.cli.config;

import java.util.List;
import org.occam.labelnoise.LabelNoise;
import org.occam.sam.AscentStep;
import org.occam.sam.GradientNormPenalty;
import org.occam.sam.Sam;
import org.occam.sam.SamMonitor;
import org.occam.train.Objective;

/**
 * The config entries of SAM/ASAM, the gradient-norm penalties and label noise (docs/sam.md,
 * docs/label-noise.md), registered into {@link RegularizerRegistry} and {@link MonitorRegistry}
 * from one line each there.
 */
final class ImplicitBiasEntries {
    private ImplicitBiasEntries() {
    }

    private static Param gradient() {
        return Param.choice("gradient", "first_order", "first_order: ∇E(θ + ε̂) as published; full: differentiate"
                + " through ε̂ (adds the Hessian term, double backprop)", "first_order", "full");
    }

    private static Sam withGradient(Sam s, ComponentConfig c) {
        return c.str("gradient").equals("full") ? s.with(Sam.Gradient.FULL) : s;
    }

    /** sam, asam, grad_norm, egr_fgr, label_noise_sgd, label_flip_sgd. */
    static void regularizers(Registry<BuildContext, Objective> r) {
        r.register("sam", "sharpness-aware minimization (Foret et al. 2021): loss E(θ + ε̂), gradient ∇E(θ + ε̂),"
                        + " ε̂ = rho·g/‖g‖ on each batch (docs/sam.md)",
                List.of(Param.positive("rho", 0.05, "neighbourhood radius ρ"), gradient()),
                (c, ctx) -> withGradient(Sam.of(ctx.objective(), c.num("rho")), c));
        r.register("asam", "adaptive SAM (Kwon et al. 2021): ε̂ = rho·T²g/‖Tg‖ with T = |θ| + eta element-wise (docs/sam.md)",
                List.of(Param.positive("rho", 0.5, "neighbourhood radius ρ (ASAM's scale: 0.5 on CIFAR-10)"),
                        Param.nonNegative("eta", 0.01, "η added to |θ| in T"), gradient()),
                (c, ctx) -> withGradient(Sam.adaptive(ctx.objective(), c.num("rho"), c.num("eta")), c));
        r.register("grad_norm", "gradient-norm penalty E + coef·‖∇E‖, SAM's first-order penalty view; fd_step > 0 takes"
                        + " Hĝ by a forward difference (fd_step = coef: exactly SAM's gradient) (docs/sam.md)",
                List.of(Param.positive("coef", null, "penalty weight ρ"), Param.nonNegative("fd_step", 0.0,
                        "0: double backprop; r > 0: forward difference of step length r along ĝ")),
                (c, ctx) -> c.num("fd_step") == 0 ? GradientNormPenalty.exact(ctx.objective(), c.num("coef"))
                        : GradientNormPenalty.forwardDifference(ctx.objective(), c.num("coef"), c.num("fd_step")));
        r.register("egr_fgr", "E + coef·‖∇E‖² with Karakida et al.'s forward-difference (ascent then descent) Hg, step"
                        + " length `step` along ĝ (docs/sam.md; egr_fd is the central difference)",
                List.of(Param.positive("coef", null, "penalty weight μ"),
                        Param.positive("step", 0.01, "ascent step length r in parameter units")),
                (c, ctx) -> GradientNormPenalty.squaredForwardDifference(ctx.objective(), c.num("coef"), c.num("step")));
        r.register("label_noise_sgd", "label-noise SGD: Gaussian noise of std sigma on the regression targets, fresh every step"
                        + " from (seed, step, example) (docs/label-noise.md; needs a loss on targets, e.g. mse)",
                List.of(Param.positive("sigma", null, "noise standard deviation σ")),
                (c, ctx) -> LabelNoise.gaussian(ctx.objective(), c.num("sigma")));
        r.register("label_flip_sgd", "label-noise SGD for classification: each label replaced by a uniformly random class with"
                        + " probability p, fresh every step (docs/label-noise.md)",
                List.of(Param.numberIn("p", null, 0, 1, "flip probability")),
                (c, ctx) -> LabelNoise.flip(ctx.objective(), c.num("p"), requireClasses(ctx)));
    }

    /** sam_sharpness. */
    static void monitors(MetricRegistry r) {
        r.register("sam_sharpness", "sam_ascent_loss E(θ + ε̂) and sam_sharpness E(θ + ε̂) − E(θ) of the unregularized"
                        + " loss on a fixed subset (docs/sam.md); eta > 0: ASAM's ε̂",
                List.of(MonitorRegistry.every(100), Param.positiveInt("samples", 1024L, "training rows it is measured on"),
                        Param.positive("rho", 0.05, "radius ρ"),
                        Param.nonNegative("eta", 0.0, "0: SAM's ε̂; > 0: ASAM's with T = |θ| + eta")),
                List.of("sam_ascent_loss", "sam_sharpness"),
                (c, ctx) -> new SamMonitor(c.integer("every"), c.integer("samples"), c.num("eta") == 0
                        ? AscentStep.sam(c.num("rho")) : AscentStep.adaptive(c.num("rho"), c.num("eta"))));
    }

    private static int requireClasses(BuildContext ctx) {
        int k = ctx.train().numClasses();
        if (k < 2) {
            throw new ConfigException("regularizers: label_flip_sgd: the training set has no class labels (" + k
                    + " classes); use label_noise_sgd (Gaussian on targets) for regression");
        }
        return k;
    }
}
