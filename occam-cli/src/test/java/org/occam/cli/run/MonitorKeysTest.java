package org.occam.cli.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.occam.cli.config.Configs;
import org.occam.cli.config.Metric;
import org.occam.cli.config.MonitorRegistry;
import org.occam.train.Trainer;

/** Every key a training monitor adds to the metrics rows is one its registry entry declares. */
class MonitorKeysTest {
    private static final String CLASSIFICATION = """
            model: mlp:64-6-10:relu:nobias
            data: {train: "digits:train[:40]", test: none}
            lr: 0.1
            train: {batch_size: full, steps: 2, eval_every: 0}
            dtype: float64
            """;
    private static final String TASKS = """
            model: mlp:4-6-2:tanh
            data: {train: {name: multitask_regression, n: 40, inputs: 4, hidden: 5, tasks: 2}, test: none}
            loss: mse
            lr: 0.3
            train: {batch_size: full, steps: 2, eval_every: 0}
            dtype: float64
            """;

    @Test
    void everyMonitorRowKeyIsDeclared() {
        for (String config : List.of(CLASSIFICATION, TASKS)) {
            Set<String> base = keys(config, "");
            for (Metric m : MonitorRegistry.METRICS.all()) {
                if (m.monitor() == null || (config.equals(TASKS) != m.name().equals("task_conflict"))) {
                    continue;
                }
                Set<String> added = keys(config, "monitors: [{name: " + m.name() + ", every: 1}]\n");
                added.removeAll(base);
                assertFalse(added.isEmpty(), m.name() + " added no keys");
                for (String k : added) {
                    assertTrue(m.emits(k), m.name() + " emits " + k + ", not declared in " + m.keys());
                }
            }
        }
    }

    private static Set<String> keys(String config, String monitors) {
        Experiment ex = Experiment.build(Configs.parse(config + monitors, "t", "t", Path.of("."), List.of()));
        List<Map<String, Object>> rows = new ArrayList<>();
        Trainer.run(ex.setup(rows::add, null));
        Set<String> keys = new LinkedHashSet<>();
        rows.forEach(r -> keys.addAll(r.keySet()));
        return keys;
    }
}
