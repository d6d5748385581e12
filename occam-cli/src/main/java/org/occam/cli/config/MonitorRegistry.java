package org.occam.cli.config;

import java.util.List;
import java.util.Map;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
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

    /** grad_norm. */
    public static final Registry<BuildContext, Monitor> REGISTRY = new Registry<BuildContext, Monitor>("monitor")
            .register("grad_norm", "‖∇L(θ)‖ of the objective on the first `samples` training rows (key grad_norm)",
                    List.of(every(100), Param.positiveInt("samples", 1024L, "training rows the gradient is taken on")),
                    (c, ctx) -> gradNorm(c.integer("every"), c.integer("samples")));

    /** The gradient norm of the run's objective on the first {@code samples} training rows. */
    static Monitor gradNorm(int every, int samples) {
        return new Monitor() {
            @Override
            public int every() {
                return every;
            }

            @Override
            public Map<String, Double> measure(Context ctx) {
                Batch b = ctx.train().slice(0, Math.min(samples, ctx.train().size())).all();
                Params g = Autodiff.grad((Params p) -> ctx.objective().loss(p, b)).apply(ctx.params());
                return Map.of("grad_norm", Math.sqrt(g.normSquared().item()));
            }
        };
    }
}
