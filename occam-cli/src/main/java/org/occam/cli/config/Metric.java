package org.occam.cli.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.occam.cli.measure.Measurement;
import org.occam.train.Monitor;

/**
 * One entry of the metric registry ({@link MetricRegistry}): its name, a one-line doc, and the forms
 * it is measured in — a training monitor ({@code monitors:} in a config: its parameters, the keys
 * its rows carry and its factory) and an {@code occam measure} metric ({@link Measurement}, which
 * declares its own keys and whether it runs sharded). A key ending in {@code *} names a family
 * ({@code ntk_top_*}: ntk_top_1, ntk_top_2, ...).
 *
 * @param name        the name in configs and in {@code --metrics}
 * @param doc         one line for help texts
 * @param params      the monitor's parameters (empty without a monitor)
 * @param monitorKeys the keys of the monitor's rows (a monitor in train mode adds {@code _train} to each)
 * @param monitor     the monitor's factory, or null when it is not a training monitor
 * @param measurement the measure form, or null when {@code occam measure} does not take it
 */
public record Metric(String name, String doc, List<Param> params, List<String> monitorKeys,
                     Registry.Factory<BuildContext, Monitor> monitor, Measurement measurement) {

    public Metric {
        params = List.copyOf(params);
        monitorKeys = List.copyOf(monitorKeys);
        if (monitor == null && measurement == null) {
            throw new IllegalStateException("metric '" + name + "' has neither a monitor nor a measure form");
        }
    }

    /** A training monitor only. */
    public static Metric monitor(String name, String doc, List<Param> params, List<String> keys,
            Registry.Factory<BuildContext, Monitor> factory) {
        return new Metric(name, doc, params, keys, factory, null);
    }

    /** An {@code occam measure} metric only. */
    public static Metric measured(String name, String doc, Measurement measurement) {
        return new Metric(name, doc, List.of(), List.of(), null, measurement);
    }

    /** This monitor, also measured by {@code occam measure}. */
    public Metric alsoMeasured(Measurement m) {
        return new Metric(name, doc, params, monitorKeys, monitor, m);
    }

    /** Every key it emits in either form, monitor keys first. */
    public List<String> keys() {
        Set<String> all = new LinkedHashSet<>(monitorKeys);
        if (measurement != null) {
            all.addAll(measurement.keys());
        }
        return new ArrayList<>(all);
    }

    /** Whether it emits this key (exactly, as a member of a NAME_* family, or with a monitor's _train suffix). */
    public boolean emits(String key) {
        for (String k : keys()) {
            if (k.endsWith("*") ? key.startsWith(k.substring(0, k.length() - 1)) : key.equals(k)) {
                return true;
            }
        }
        return monitor != null && key.endsWith("_train") && emits(key.substring(0, key.length() - "_train".length()));
    }
}
