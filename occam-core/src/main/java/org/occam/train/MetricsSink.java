package org.occam.train;

import java.util.Map;

/** Receives one metrics row (step, loss, lr, evaluations, monitor values) at a time. */
@FunctionalInterface
public interface MetricsSink {
    void accept(Map<String, Object> row);

    MetricsSink NONE = row -> { };
}
