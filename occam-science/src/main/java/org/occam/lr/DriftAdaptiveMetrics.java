package org.occam.lr;

import java.util.LinkedHashMap;
import java.util.Map;
import org.occam.train.Monitor;

/**
 * Puts a {@link DriftAdaptiveLearningRate}'s choice into every metrics row: {@code dal_lr} (h_t),
 * {@code drift_ratio} (v_t = ‖Hg‖/‖g‖), {@code dal_scaled} (1 inside the window) and, where the
 * DAL rate applies, {@code dal_two_over_drift} (2/v_t, which equals h_t for p = 1 below the cap;
 * METHODS §4.2). It reads what the rule measured at the same step, so it costs nothing; it
 * reports nothing for steps the rule has not seen (e.g. the trainer's final row).
 */
public final class DriftAdaptiveMetrics implements Monitor {
    private final DriftAdaptiveLearningRate rule;

    /**
     * A monitor reporting what {@code rule} measured.
     *
     * @param rule the DAL rule of the run
     */
    public DriftAdaptiveMetrics(DriftAdaptiveLearningRate rule) {
        this.rule = rule;
    }

    @Override
    public int every() {
        return 1;
    }

    @Override
    public Map<String, Double> measure(Context ctx) {
        DriftAdaptiveLearningRate.Observation o = rule.last();
        Map<String, Double> m = new LinkedHashMap<>();
        if (o == null || o.step() != ctx.step()) {
            return m;
        }
        m.put("dal_lr", o.learningRate());
        if (!Double.isNaN(o.driftRatio())) {
            m.put("drift_ratio", o.driftRatio());
            if (o.scaled()) {
                m.put("dal_two_over_drift", 2 / o.driftRatio());
            }
        }
        m.put("dal_scaled", o.scaled() ? 1.0 : 0.0);
        return m;
    }
}
