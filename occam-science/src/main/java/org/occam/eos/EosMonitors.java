package org.occam.eos;

import java.util.Map;
import org.occam.data.Batch;
import org.occam.measure.TrainingSubset;
import org.occam.tensor.Rng;
import org.occam.train.Monitor;

/** Training-loop monitors of the edge-of-stability diagnostics (docs/eos-diagnostics.md). */
public final class EosMonitors {
    private EosMonitors() {
    }

    /**
     * grad_top_fraction = ‖P_k g‖²/‖g‖² on a fixed subset, top-k eigenvectors by {@code steps} Lanczos steps.
     *
     * @param every period in steps
     * @param examples the size of the fixed training subset
     * @param k the number of top eigenvectors
     * @param steps Lanczos steps
     * @return the monitor
     */
    public static Monitor gradientInTopSubspace(int every, int examples, int k, int steps) {
        if (k < 1 || steps < k) {
            throw new IllegalArgumentException("grad_top_fraction needs k >= 1 and Lanczos steps >= k, got k=" + k
                    + ", steps=" + steps);
        }
        TrainingSubset subset = new TrainingSubset(examples, 0);
        return Monitor.of(every, ctx -> {
            Batch b = subset.batch(ctx.train());
            double f = TopSubspaceGradient.fraction(q -> ctx.objective().loss(q, b), ctx.params(), k, steps,
                    Rng.seed(ctx.step()));
            return Map.of("grad_top_fraction", f);
        });
    }
}
