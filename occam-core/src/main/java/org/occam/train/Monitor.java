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

    /**
     * What a monitor may look at, including the model's buffers (read only).
     *
     * @param step the step just taken
     * @param params the parameters at that step
     * @param model the network
     * @param objective the training objective
     * @param train the training set
     * @param lr the step size h of that step
     * @param state the model's buffers
     */
    record Context(long step, Params params, Model model, Objective objective, Dataset train, double lr, ModelState state) {
        /** An absent state reads as empty. */
        public Context {
            state = state == null ? ModelState.empty() : state;
        }

        /**
         * A context for a stateless model.
         *
         * @param step the step just taken
         * @param params the parameters at that step
         * @param model the network
         * @param objective the training objective
         * @param train the training set
         * @param lr the step size h of that step
         */
        public Context(long step, Params params, Model model, Objective objective, Dataset train, double lr) {
            this(step, params, model, objective, train, lr, null);
        }
    }

    /**
     * Measure every this many steps (and at the last step).
     *
     * @return the period in steps
     */
    int every();

    /**
     * Named values to add to this step's metrics row.
     *
     * @param ctx the step, parameters, model and data
     * @return the values by metric name
     */
    Map<String, Double> measure(Context ctx);

    /**
     * A monitor from its period and its measurement.
     *
     * @param every the period in steps
     * @param measure the measurement
     * @return the monitor
     */
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
     *
     * @param mode the mode the model runs in while measuring
     * @param monitor the monitor to wrap
     * @return the monitor in that mode
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
