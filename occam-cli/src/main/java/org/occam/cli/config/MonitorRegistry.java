package org.occam.cli.config;

import java.util.List;
import org.occam.cli.measure.FirstOrderMeasurements;
import org.occam.cli.measure.SpectralMeasurements;
import org.occam.eos.EosMonitors;
import org.occam.measure.HessianBlocks;
import org.occam.measure.Monitors;
import org.occam.measure.Tolerance;
import org.occam.measure.margin.Homogeneity;
import org.occam.measure.margin.MarginGc;
import org.occam.measure.margin.MarginLoss;
import org.occam.measure.margin.MarginMonitors;
import org.occam.multitask.TaskConflictMonitor;
import org.occam.nn.Mode;
import org.occam.ntk.NtkMonitor;
import org.occam.train.Monitor;

/**
 * The metrics: the {@code monitors:} list (measurements taken every {@code every} steps during
 * training, whose values join that step's metrics row; every entry has an {@code every} parameter)
 * and the metrics of {@code occam measure}.
 *
 * <p>Every metric is registered once in {@link #standard()} ({@link MetricRegistry}): a monitor with
 * the keys of its rows, an {@code occam measure} metric with its {@code Measurement} (cli measure),
 * or both. To add one: a class with its computation, and one {@code register} call in the chain
 * below (a monitor's params start with {@link #every(long)}; see {@link RegularizerRegistry} for a
 * worked example).
 */
public final class MonitorRegistry {
    private MonitorRegistry() {
    }

    /** The {@code mode} parameter of curvature monitors: BatchNorm/dropout in eval (default) or train mode. */
    static Param mode() {
        return Param.choice("mode", "eval", "BatchNorm/dropout mode: eval (running statistics) or train (batch statistics;"
                + " values named NAME_train)", "eval", "train");
    }

    private static Monitor inMode(ComponentConfig c, Monitor m) {
        return Monitor.inMode(Mode.parse(c.str("mode")), m);
    }

    /** The {@code every} parameter, with a default period. */
    public static Param every(long def) {
        return Param.positiveInt("every", def, "measure every this many steps (and at the end)");
    }

    /** The project's metrics, each registered once: training monitors and {@code occam measure}'s metrics. */
    public static final MetricRegistry METRICS = standard();

    /** The training monitors ({@code monitors:} in configs): a view of {@link #METRICS}. */
    public static final Registry<BuildContext, Monitor> REGISTRY = METRICS.monitors();

    /**
     * A new registry of the project's metrics (tests add their own to a copy). The order is that of
     * {@code occam measure --help} among the measured ones and of the monitors' lists among monitors.
     */
    public static MetricRegistry standard() {
        MetricRegistry r = new MetricRegistry()
            .register(Metric.measured("loss", "the loss L(θ) on the data set", FirstOrderMeasurements.LOSS))
            .register(Metric.measured("accuracy", "the classification accuracy on the data set", FirstOrderMeasurements.ACCURACY))
            .register("grad_top_fraction", "grad_top_fraction ‖P_k g‖²/‖g‖²: the gradient in the top-k Hessian eigenspace (docs/eos-diagnostics.md)", List.of(every(100), samples(), Param.positiveInt("k", 10L, "eigenvectors"), Param.positiveInt("steps", 30L, "Lanczos steps (HVPs)")), List.of("grad_top_fraction"), (c, ctx) -> EosMonitors.gradientInTopSubspace(c.integer("every"), c.integer("samples"), c.integer("k"), c.integer("steps")))
            .register("ntk", "ntk_distance ‖Θ_t − Θ_0‖_F/‖Θ_0‖_F of the empirical NTK on a subset, ntk_trace, ntk_top_i (docs/ntk.md)", List.of(every(100), Param.positiveInt("samples", 32L, "training rows of the kernel (n·outputs ≤ 4096)"), Param.positiveInt("top", 5L, "eigenvalues of the trace kernel")), List.of("ntk_distance", "ntk_reference_step", "ntk_trace", "ntk_top_*"), (c, ctx) -> new NtkMonitor(c.integer("every"), c.integer("samples"), c.integer("top"), null))
            .register(Metric.monitor("grad_norm", "grad_norm ‖∇L‖, r_ig = ‖∇L‖²/m and drift_ratio ‖Hg‖/‖g‖ on a fixed subset",
                    List.of(every(100), samples()), List.of("grad_norm", "r_ig", "drift_ratio"),
                    (c, ctx) -> Monitors.gradients(c.integer("every"), c.integer("samples")))
                    .alsoMeasured(FirstOrderMeasurements.GRAD_NORM))
            .register(Metric.measured("drift_ratio", "drift_ratio ‖Hg‖/‖g‖ (one HVP)", FirstOrderMeasurements.DRIFT_RATIO))
            .register(Metric.monitor("sharpness", "sharpness λ_max of the loss Hessian by Lanczos run to a relative residual, with"
                    + " sharpness_residual, sharpness_converged (0: the step cap stopped it first), sharpness_steps and"
                    + " two_over_lr = 2/h (docs/curvature.md)",
                    List.of(every(100), samples(), Param.positiveInt("steps", 20L, "Lanczos step cap (HVPs)"),
                            Param.belowOne("tol", 0.0, "relative residual ‖Hv − λv‖/|λ| to stop at (0: 1e-6 in float64,"
                                    + " 1e-4 in float32)"), mode()),
                    List.of("sharpness", "sharpness_residual", "sharpness_converged", "sharpness_steps", "two_over_lr"),
                    (c, ctx) -> inMode(c, Monitors.sharpness(c.integer("every"), c.integer("samples"), c.integer("steps"),
                            c.num("tol"))))
                    .alsoMeasured(SpectralMeasurements.SHARPNESS))
            .register(Metric.measured("top_eigenvalues", "the K largest Hessian eigenvalues with residuals and flags",
                    SpectralMeasurements.TOP_EIGENVALUES))
            .register(Metric.measured("bottom_eigenvalues", "the K smallest Hessian eigenvalues with residuals and flags",
                    SpectralMeasurements.BOTTOM_EIGENVALUES))
            .register(Metric.monitor("hessian_trace", "hessian_trace by Hutchinson, with hessian_trace_stderr; with rel_se > 0 it stops"
                    + " at that relative standard error and adds hessian_trace_probes and hessian_trace_converged",
                    List.of(every(100), samples(), Param.positiveInt("probes", 10L, "Rademacher probes (HVPs; the cap"
                            + " when rel_se > 0)"), Param.belowOne("rel_se", 0.0, "relative standard error to stop at"
                            + " (0: exactly `probes` probes)"), mode()),
                    List.of("hessian_trace", "hessian_trace_stderr", "hessian_trace_probes", "hessian_trace_converged"),
                    (c, ctx) -> inMode(c, c.num("rel_se") > 0
                            ? Monitors.hessianTrace(c.integer("every"), c.integer("samples"), c.integer("probes"), c.num("rel_se"))
                            : Monitors.hessianTrace(c.integer("every"), c.integer("samples"), c.integer("probes"))))
                    .alsoMeasured(SpectralMeasurements.HESSIAN_TRACE))
            .register("hessian_blocks", "block_trace_L, block_lmax_L and block_converged_L of every diagonal Hessian block"
                    + " H_LL (per layer or per named parameter; exact when small; docs/curvature.md)",
                    List.of(every(100), samples(), Param.choice("blocks", "layers", "grouping", "layers", "params"),
                            Param.nonNegativeInt("dense_limit", 200L, "blocks up to this size are measured densely"),
                            Param.positiveInt("steps", 100L, "Lanczos step cap per block"),
                            Param.belowOne("tol", 1e-6, "relative residual of block λ_max"),
                            Param.positiveInt("probes", 30L, "Hutchinson probe cap per block"),
                            Param.belowOne("rel_se", 0.05, "relative standard error of block traces"), mode()),
                    List.of("block_trace_*", "block_lmax_*", "block_converged_*"),
                    (c, ctx) -> inMode(c, Monitors.blocks(c.integer("every"), c.integer("samples"),
                            HessianBlocks.Grouping.parse(c.str("blocks"), "blocks"), c.integer("dense_limit"),
                            tolerance(c, "tol", "steps"), tolerance(c, "rel_se", "probes"))))
            .register(Metric.monitor("gc", "gc: geometric complexity mean‖∇ₓf(x)‖²_F of the logits (METHODS §7.2)",
                    List.of(every(100), samples(), mode()), List.of("gc"),
                    (c, ctx) -> inMode(c, Monitors.geometricComplexity(c.integer("every"), c.integer("samples"))))
                    .alsoMeasured(FirstOrderMeasurements.GC))
            .register(Metric.measured("gc_hutchinson", "geometric complexity by Hutchinson (--probes probes), with its"
                    + " standard error", FirstOrderMeasurements.GC_HUTCHINSON))
            .register(Metric.measured("density", "the SLQ spectral density of the Hessian, written as JSON, PNG and SVG",
                    SpectralMeasurements.DENSITY))
            .register(Metric.measured("ggn_sharpness", "λ_max of the Gauss-Newton matrix", SpectralMeasurements.GGN_SHARPNESS))
            .register(Metric.measured("ggn_top_eigenvalues", "the K largest Gauss-Newton eigenvalues with residuals and flags",
                    SpectralMeasurements.GGN_TOP_EIGENVALUES))
            .register("margins", "margin_min, margin_qNN, margin_median, margin_positive_frac, param_norm, log_sum_loss"
                    + " over the training set; normalized_margin and smoothed_margin of a homogeneous model (METHODS §9)",
                    List.of(every(100), Param.choice("loss", "auto", "loss of the smoothed margin (auto: the"
                            + " config's loss)", "auto", "logistic", "exponential", "cross_entropy"),
                            quantile(), Param.bool("normalize", true, "normalized and smoothed margins (needs a bias-free"
                                    + " ReLU model)")),
                    List.of("margin_min", "margin_q*", "margin_median", "margin_positive_frac", "param_norm", "log_sum_loss",
                            "normalized_margin", "smoothed_margin"),
                    MonitorRegistry::margins)
            .register("direction", "align_cos = cos(θ, −∇L) and dir_cos = cos(θ_t/2, θ_t): directional convergence (METHODS §9)",
                    List.of(every(100), samples(), Param.bool("log_spaced", true, "measure at steps 0 and every·2^k only")),
                    List.of("align_cos", "dir_cos"),
                    (c, ctx) -> MarginMonitors.direction(c.integer("every"), c.integer("samples"), c.bool("log_spaced")))
            .register("gc_margin", "gc, margin_gamma (training-margin quantile) and gc_over_gamma2 = GC/γ² (METHODS §7.3)",
                    List.of(every(100), samples(), quantile()), List.of("gc", "margin_gamma", "gc_over_gamma2"),
                    (c, ctx) -> MarginMonitors.gcMargin(c.integer("every"), c.integer("samples"), c.num("quantile")))
            .register("collapse", NcMonitorConfig.DOC, NcMonitorConfig.params(), NcMonitorConfig.KEYS,
                    NcMonitorConfig::create)
            .register("task_conflict", "for an [N, K] target with loss mse, each column a task (METHODS §6): task_loss_k,"
                    + " task_grad_norm_k, task_cos_i_j, task_cos (mean over pairs), task_dot = Σ⟨∇ℓ_i, ∇ℓ_j⟩ and the conflict"
                    + " term task_conflict = (h/2)·task_dot of the parts ℓ_k = L_k/K of the loss",
                    List.of(every(100), samples(), Param.bool("brackets", false,
                            "also task_bracket_i_j = ‖[∇ℓ_i, ∇ℓ_j]‖, the Lie bracket of continual learning (2 HVPs per pair)")),
                    List.of("task_loss_*", "task_grad_norm_*", "task_cos", "task_cos_*", "task_dot", "task_conflict",
                            "task_bracket_*"),
                    (c, ctx) -> new TaskConflictMonitor(c.integer("every"), c.integer("samples"),
                            c.bool("brackets")));
        ImplicitBiasEntries.monitors(r); // SAM, gradient-norm penalties, label noise (docs/sam.md)
        return r;
    }

    /** The margins monitor: the loss by name (auto: the config's loss) and the homogeneity degree of the model when normalizing. */
    private static Monitor margins(ComponentConfig c, BuildContext ctx) {
        String name = c.str("loss").equals("auto") ? ctx.loss() : c.str("loss");
        if (name.equals("mse")) {
            throw new ConfigException("monitors: margins: the training loss is mse; margins need a classification loss"
                    + " (cross_entropy, logistic, exponential), or set the monitor's loss explicitly");
        }
        MarginLoss loss = MarginLoss.parse(name);
        int degree = 0;
        if (c.bool("normalize")) {
            try {
                degree = Homogeneity.degree(ctx.model());
            } catch (IllegalArgumentException e) {
                throw new ConfigException("monitors: margins: " + e.getMessage() + "; set normalize: false to skip"
                        + " normalized_margin and smoothed_margin", e);
            }
        }
        return MarginMonitors.margins(c.integer("every"), loss, c.num("quantile"), degree);
    }

    /** A stopping rule from a relative-error parameter in (0, 1) and a cap parameter of hessian_blocks. */
    private static Tolerance tolerance(ComponentConfig c, String relative, String cap) {
        if (!(c.num(relative) > 0)) {
            throw new ConfigException("monitors: hessian_blocks: " + relative + " must lie in (0, 1), got " + c.num(relative));
        }
        return new Tolerance(c.num(relative), c.integer(cap));
    }

    private static Param quantile() {
        return Param.numberIn("quantile", MarginGc.DEFAULT_LEVEL, 0, 1, "level of the training-margin quantile (type 7)");
    }

    private static Param samples() {
        return Param.positiveInt("samples", 1024L, "training rows it is measured on (a fixed seeded subset)");
    }
}
