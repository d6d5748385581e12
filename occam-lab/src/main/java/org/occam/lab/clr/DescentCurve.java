package org.occam.lab.clr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.occam.lr.CorridorLearningRate;
import org.occam.optim.LearningRateRule;
import org.occam.train.MetricsSink;

/**
 * The update rows of a CLR-1 run, (step, loss, lr), with the largest rate and the number of steps
 * at which CLR's cap was active; the trainer's stopped, diverged and final rows are not updates.
 */
final class DescentCurve implements MetricsSink {
    private final LearningRateRule rule;
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private double maxRate;
    private int capped;

    DescentCurve(LearningRateRule rule) {
        this.rule = rule;
    }

    @Override
    public void accept(Map<String, Object> row) {
        if (!(row.get("lr") instanceof Number lr) || row.containsKey("status")) {
            return;
        }
        if (rule instanceof CorridorLearningRate c && c.last().capped()) {
            capped++;
        }
        maxRate = Math.max(maxRate, lr.doubleValue());
        Map<String, Object> point = point(((Number) row.get("step")).intValue(), ((Number) row.get("loss")).doubleValue());
        point.put("lr", lr.doubleValue());
        rows.add(point);
    }

    /** A curve row (step, loss). */
    static Map<String, Object> point(int step, double loss) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("step", step);
        row.put("loss", loss);
        return row;
    }

    List<Map<String, Object>> rows() {
        return rows;
    }

    double maxRate() {
        return maxRate;
    }

    int capped() {
        return capped;
    }
}
