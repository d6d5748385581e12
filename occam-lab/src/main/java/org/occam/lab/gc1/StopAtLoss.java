package org.occam.lab.gc1;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.occam.train.MetricsSink;

/**
 * A metrics sink that keeps the monitored rows of a run and ends the run, by throwing
 * {@link Reached}, at the first row whose monitored training loss is at most the target: the
 * {@code Trainer} has no stopping rule, and GC-1 compares runs at equal training loss.
 */
final class StopAtLoss implements MetricsSink {
    /** Thrown to end a run once the target is reached; the rows so far are kept. */
    static final class Reached extends RuntimeException {
        Reached() {
            super("training loss target reached", null, false, false);
        }
    }

    private final String key;
    private final double target;
    private final List<Map<String, Object>> rows = new ArrayList<>();

    StopAtLoss(String key, double target) {
        this.key = key;
        this.target = target;
    }

    @Override
    public void accept(Map<String, Object> row) {
        if (row.get(key) instanceof Number n) {
            rows.add(row);
            if (n.doubleValue() <= target) {
                throw new Reached();
            }
        }
    }

    /** The monitored rows, in step order. */
    List<Map<String, Object>> rows() {
        return rows;
    }
}
