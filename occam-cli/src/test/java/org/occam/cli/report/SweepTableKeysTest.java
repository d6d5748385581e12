package org.occam.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.cli.config.Metric;
import org.occam.cli.config.MetricRegistry;
import org.occam.cli.config.MonitorRegistry;
import org.occam.train.Monitor;

/** The sweep table's metric columns are the keys the metric registry declares, plus the training rows' own. */
class SweepTableKeysTest {

    @Test
    void everyDeclaredKeyIsAMetricColumn() {
        for (Metric m : MonitorRegistry.METRICS.all()) {
            for (String k : m.keys()) {
                String key = k.endsWith("*") ? k.substring(0, k.length() - 1) + "3" : k;
                assertTrue(SweepTable.isMetricName(key), m.name() + " emits " + key);
                if (m.monitor() != null) {
                    assertTrue(SweepTable.isMetricName(key + "_train"), key + "_train");
                }
            }
        }
        // the columns the table knew before it read the registry
        for (String k : List.of("loss", "train_loss", "train_accuracy", "test_loss", "test_accuracy", "grad_norm", "r_ig",
                "drift_ratio", "sharpness", "two_over_lr", "hessian_trace", "hessian_trace_stderr", "gc", "step", "steps",
                "epoch", "final_step")) {
            assertTrue(SweepTable.isMetricName(k), k);
        }
        assertFalse(SweepTable.isMetricName("lr"));
        assertFalse(SweepTable.isMetricName("ntk"));
        assertFalse(SweepTable.isMetricName("lr_train"));
    }

    @Test
    void aMetricRegisteredInATestRegistryIsAColumnOfItsTable() {
        MetricRegistry r = MonitorRegistry.standard().register("weight_norm", "‖θ‖ (test only)",
                List.of(MonitorRegistry.every(10)), List.of("weight_norm"), (c, ctx) -> Monitor.of(1, m -> Map.of()));
        assertTrue(SweepTable.isMetricName("weight_norm", r));
        assertTrue(SweepTable.isMetricName("weight_norm_train", r));
        assertFalse(SweepTable.isMetricName("weight_norm"));
    }

    @Test
    void aRegistryKeyEndsTheParameterColumns(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("results.csv");
        Files.writeString(csv, "run,lr,ntk_distance,margin_q10,state\na,0.1,0.5,0.2,done\nb,0.2,0.7,0.3,done\n");
        SweepTable t = SweepTable.fromCsv(csv);
        assertEquals(List.of(1), t.params);
        assertEquals(List.of(2, 3), t.metrics);
    }
}
