package org.occam.cli.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.occam.cli.measure.Measurement;
import org.occam.train.Monitor;

/**
 * The metrics, each registered once ({@link Metric}): the training monitors of configs
 * ({@link #monitors()}) and the metrics of {@code occam measure} ({@link #measured()}) are views of
 * it, and tables read the keys it declares ({@link #emits(String)}). {@link MonitorRegistry#standard()}
 * holds the project's; adding a metric is one class and one {@link #register(Metric)} call there.
 */
public final class MetricRegistry {
    private final Map<String, Metric> metrics = new LinkedHashMap<>();
    private final Registry<BuildContext, Monitor> monitors = new Registry<>("monitor");

    /** Adds a metric; a name can be registered once. Returns this registry, for chaining. */
    public synchronized MetricRegistry register(Metric m) {
        if (metrics.containsKey(m.name())) {
            throw new IllegalStateException("metric '" + m.name() + "' is registered twice");
        }
        if (m.monitor() != null) {
            monitors.register(m.name(), m.doc(), m.params(), m.monitor());
        }
        metrics.put(m.name(), m);
        return this;
    }

    /** A training monitor with the keys of its rows (shorthand for {@link Metric#monitor}). */
    public MetricRegistry register(String name, String doc, List<Param> params, List<String> keys,
            Registry.Factory<BuildContext, Monitor> factory) {
        return register(Metric.monitor(name, doc, params, keys, factory));
    }

    /** Every metric, in registration order. */
    public synchronized List<Metric> all() {
        return List.copyOf(metrics.values());
    }

    /** The training monitors, for {@code monitors:} in configs. */
    public Registry<BuildContext, Monitor> monitors() {
        return monitors;
    }

    /** The metrics {@code occam measure} takes, in registration order. */
    public synchronized List<Metric> measured() {
        return metrics.values().stream().filter(m -> m.measurement() != null).toList();
    }

    /** The measure metric of a name, or null when there is none. */
    public synchronized Metric measured(String name) {
        Metric m = metrics.get(name);
        return m != null && m.measurement() != null ? m : null;
    }

    /** How {@code --metrics} names them, e.g. "loss, accuracy, ..., top_eigenvalues:K, ...". */
    public String measureUsage() {
        List<String> names = new ArrayList<>();
        measured().forEach(m -> names.add(m.measurement().usage(m.name())));
        return String.join(", ", names);
    }

    /** The measure metrics that also run on a sharded objective, in registration order. */
    public List<String> shardedNames() {
        return measured().stream().filter(m -> m.measurement().sharded()).map(Metric::name).toList();
    }

    /** Whether some metric emits this key. */
    public synchronized boolean emits(String key) {
        return metrics.values().stream().anyMatch(m -> m.emits(key));
    }
}
