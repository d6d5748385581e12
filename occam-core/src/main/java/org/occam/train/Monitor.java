package org.occam.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.occam.autodiff.Params;
import org.occam.data.Dataset;
import org.occam.nn.Forward;
import org.occam.nn.Mode;
import org.occam.nn.Model;
import org.occam.nn.ModelState;

/**
 * A measurement taken every {@link #every()} steps during training (sharpness, gradient norms,
 * geometric complexity, ...). It may be expensive: that is what the period is for.
 */
public interface Monitor {

    /** What a monitor may look at, including the model's buffers (read only). */
    record Context(long step, Params params, Model model, Objective objective, Dataset train, double lr, ModelState state) {
        public Context {
            state = state == null ? ModelState.empty() : state;
        }

        /** A context for a stateless model. */
        public Context(long step, Params params, Model model, Objective objective, Dataset train, double lr) {
            this(step, params, model, objective, train, lr, null);
        }
    }

    /** Measure every this many steps (and at the last step). */
    int every();

    /** Named values to add to this step's metrics row. */
    Map<String, Double> measure(Context ctx);

    /** A monitor from its period and its measurement. */
    static Monitor of(int every, java.util.function.Function<Context, Map<String, Double>> measure) {
        if (every <= 0) {
            throw new IllegalArgumentException("monitor period 'every' must be positive, got " + every);
        }
        return new Monitor() {
            @Override
            public int every() {
                return every;
            }

            @Override
            public Map<String, Double> measure(Context ctx) {
                return measure.apply(ctx);
            }
        };
    }

    /**
     * {@code monitor} measuring in {@code mode}: the training loop runs monitors in eval mode (the
     * running buffers); TRAIN measures with batch statistics (as PyHessian does) and its buffer
     * updates are dropped. In TRAIN mode every value's name gets the suffix {@code _train}.
     */
    static Monitor inMode(Mode mode, Monitor monitor) {
        return of(monitor.every(), ctx -> {
            Map<String, Double> m = Forward.of(ctx.state(), mode, 0).run(() -> monitor.measure(ctx));
            if (mode == Mode.EVAL) {
                return m;
            }
            Map<String, Double> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k + "_train", v));
            return out;
        });
    }
}
