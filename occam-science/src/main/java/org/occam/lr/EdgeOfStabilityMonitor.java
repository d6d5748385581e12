package org.occam.lr;

import java.util.LinkedHashMap;
import java.util.Map;
import org.occam.measure.Monitors;
import org.occam.train.Monitor;

/**
 * The edge-of-stability tracker (METHODS §4.1, §11 EOS-1): every k steps, the sharpness λ_max
 * of the training loss by Lanczos ({@link Monitors#sharpness}) next to the stability line 2/h of
 * the step's learning rate, and their ratio {@code edge_ratio} = λ_max·h/2 (1 at the edge; above 1
 * the top direction is unstable for GD). Keys: {@code sharpness}, {@code two_over_lr},
 * {@code edge_ratio}. With an adaptive rule (DAL, CLR) 2/h is the current step's.
 */
public final class EdgeOfStabilityMonitor implements Monitor {
    private final Monitor sharpness;

    /**
     * A monitor of λ_max next to 2/h by Lanczos on the first {@code examples} training rows.
     *
     * @param every        measure every this many steps (and at step 0)
     * @param examples     rows of the training set the loss is measured on (all rows when ≥ N:
     *                     the full-batch loss, as in full-batch GD)
     * @param lanczosSteps Lanczos iterations (one HVP each; 20 is plenty for λ_max)
     */
    public EdgeOfStabilityMonitor(int every, int examples, int lanczosSteps) {
        this.sharpness = Monitors.sharpness(every, examples, lanczosSteps);
    }

    @Override
    public int every() {
        return sharpness.every();
    }

    @Override
    public Map<String, Double> measure(Context ctx) {
        Map<String, Double> m = new LinkedHashMap<>(sharpness.measure(ctx));
        Double lambda = m.get("sharpness");
        Double two = m.get("two_over_lr");
        if (lambda != null && two != null) {
            m.put("edge_ratio", lambda / two);
        }
        return m;
    }
}
