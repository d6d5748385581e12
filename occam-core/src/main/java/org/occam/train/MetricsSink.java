package org.occam.train;

import java.util.Map;

/** Receives one metrics row (step, loss, lr, evaluations, monitor values) at a time. */
@FunctionalInterface
public interface MetricsSink {
    /**
     * Receives one row; keys are metric names, values numbers, strings or booleans.
     *
     * @param row the metrics of one step
     */
    void accept(Map<String, Object> row);

    /** A sink that discards every row. */
    MetricsSink NONE = row -> { };
}
