package org.occam.cli.config;

import java.util.List;
import org.occam.measure.Monitors;
import org.occam.train.Monitor;

/**
 * The {@code monitors:} list: measurements taken every {@code every} steps during training, whose
 * values join that step's metrics row. Every entry has an {@code every} parameter.
 *
 * <p>To add one: a {@code register(name, doc, params, factory)} call in the chain below, its
 * params starting with {@link #every(long)} (see {@link RegularizerRegistry} for a worked example).
 */
public final class MonitorRegistry {
    private MonitorRegistry() {
    }

    /** The {@code every} parameter, with a default period. */
    public static Param every(long def) {
        return Param.positiveInt("every", def, "measure every this many steps (and at the end)");
    }

    /** The training-loop monitors of org.occam.measure. */
    public static final Registry<BuildContext, Monitor> REGISTRY = new Registry<BuildContext, Monitor>("monitor")
            .register("grad_norm", "grad_norm ‖∇L‖, r_ig = ‖∇L‖²/m and drift_ratio ‖Hg‖/‖g‖ on a fixed subset",
                    List.of(every(100), samples()),
                    (c, ctx) -> Monitors.gradients(c.integer("every"), c.integer("samples")))
            .register("sharpness", "sharpness λ_max of the loss Hessian by Lanczos, with two_over_lr = 2/h",
                    List.of(every(100), samples(), Param.positiveInt("steps", 20L, "Lanczos steps (HVPs)")),
                    (c, ctx) -> Monitors.sharpness(c.integer("every"), c.integer("samples"), c.integer("steps")))
            .register("hessian_trace", "hessian_trace by Hutchinson, with hessian_trace_stderr",
                    List.of(every(100), samples(), Param.positiveInt("probes", 10L, "Rademacher probes (HVPs)")),
                    (c, ctx) -> Monitors.hessianTrace(c.integer("every"), c.integer("samples"), c.integer("probes")))
            .register("gc", "gc: geometric complexity mean‖∇ₓf(x)‖²_F of the logits (METHODS §7.2)",
                    List.of(every(100), samples()),
                    (c, ctx) -> Monitors.geometricComplexity(c.integer("every"), c.integer("samples")));

    private static Param samples() {
        return Param.positiveInt("samples", 1024L, "training rows it is measured on (a fixed seeded subset)");
    }
}
