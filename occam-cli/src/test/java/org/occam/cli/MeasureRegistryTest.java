package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.autodiff.Params;
import org.occam.cli.config.Metric;
import org.occam.cli.config.MetricRegistry;
import org.occam.cli.config.MonitorRegistry;
import org.occam.cli.measure.Measurement;
import org.occam.data.Datasets;
import org.occam.data.Split;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.train.Monitor;
import org.occam.train.Objective;
import picocli.CommandLine;

/**
 * {@code occam measure} is built from the metric registry: every key it prints is one the requested
 * metric declares (locally and sharded), and a metric added to a registry with one {@code register}
 * call is parsed, listed, measured and sharded with no other change.
 */
class MeasureRegistryTest {
    private static final String MODEL = "mlp:64-4-10:tanh";
    private static final String DATA = "digits:train[:40]";
    /** What measure prints besides the metrics' own keys. */
    private static final Set<String> FRAME = Set.of("model", "data", "mode", "parameters", "dtype", "sharded", "hvp_count",
            "warnings");

    /** The extra metric of the test: one class with a monitor form and a measure form, registered with one call. */
    static final class WeightNorm {
        static final Metric METRIC = new Metric("weight_norm", "‖θ‖ (test only)", List.of(MonitorRegistry.every(10)),
                List.of("weight_norm"), (c, ctx) -> Monitor.of(c.integer("every"), m -> Map.of("weight_norm", norm(m.params()))),
                Measurement.anywhere(List.of("weight_norm"), (run, k) -> run.put("weight_norm", norm(run.objective().params()))));

        static double norm(Params p) {
            double s = 0;
            for (String name : p.names()) {
                for (double x : p.get(name).toDoubleArray()) {
                    s += x * x;
                }
            }
            return Math.sqrt(s);
        }
    }

    @Test
    void everyPrintedKeyIsDeclaredByTheRequestedMetric(@TempDir Path dir) throws Exception {
        for (Metric m : MonitorRegistry.METRICS.measured()) {
            String arg = m.measurement().counted() ? m.name() + ":2" : m.name();
            Set<String> declared = new HashSet<>(m.measurement().keys());
            assertEquals(declared, printedKeys(arg, dir, List.of()), arg);
            if (m.measurement().sharded()) {
                assertEquals(declared, printedKeys(arg, dir, List.of("--chunk", "16")), arg + " --chunk 16");
            } else {
                CliRun.Result r = CliRun.run(args(arg, dir, List.of("--chunk", "16")));
                assertEquals(2, r.code(), arg + ": " + r.err());
                assertTrue(r.err().contains("--metrics " + arg + " is not measured on a sharded objective")
                        && r.err().contains("supported there: " + String.join(", ", MonitorRegistry.METRICS.shardedNames())), r.err());
            }
        }
    }

    @Test
    void aRegisteredMetricIsParsedListedMeasuredAndSharded() throws Exception {
        MetricRegistry r = MonitorRegistry.standard().register(WeightNorm.METRIC);
        assertEquals("weight_norm", MeasureCommand.parseMetrics("loss, Weight_Norm", r).get(1).metric().name());
        assertTrue(r.measureUsage().endsWith("ggn_top_eigenvalues:K, weight_norm"), r.measureUsage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MeasureCommand.parseMetrics("weight_norm", MonitorRegistry.METRICS));
        assertTrue(e.getMessage().contains("unknown or malformed metric 'weight_norm'"), e.getMessage());
        assertTrue(r.monitors().names().contains("weight_norm") && !MonitorRegistry.REGISTRY.names().contains("weight_norm"));
        assertTrue(r.emits("weight_norm") && !MonitorRegistry.METRICS.emits("weight_norm"));

        Sequential net = Models.parse(MODEL);
        Params w = net.init(Rng.seed(0), DType.FLOAT64);
        Monitor monitor = r.monitors().create(r.monitors().defaults("weight_norm"), null);
        var train = Datasets.digits(Split.TRAIN).asType(DType.FLOAT64).slice(0, 40);
        assertEquals(Map.of("weight_norm", WeightNorm.norm(w)), monitor.measure(new Monitor.Context(0, w, net,
                Objective.crossEntropy(net), train, 0.1)));

        MeasureCommand cmd = new MeasureCommand();
        cmd.registry = r;
        CommandLine cl = new CommandLine(cmd);
        MeasureCommand.listMetrics(cl);
        assertTrue(cl.getUsageMessage().replaceAll("\\s+", " ").contains("ggn_top_eigenvalues:K, weight_norm"),
                cl.getUsageMessage());
        for (List<String> extra : List.of(List.<String>of(), List.of("--chunk", "16"))) {
            JsonNode j = execute(cl, extra);
            assertEquals(WeightNorm.norm(w), j.get("weight_norm").asDouble(), 0.0, extra.toString());
            assertTrue(j.has("loss"), j.toString());
        }
    }

    private static JsonNode execute(CommandLine cl, List<String> extra) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        try {
            List<String> a = new ArrayList<>(List.of("--model", MODEL, "--data", DATA, "--dtype", "float64",
                    "--metrics", "loss,weight_norm", "--json"));
            a.addAll(extra);
            assertEquals(0, cl.execute(a.toArray(String[]::new)));
        } finally {
            System.setOut(out);
        }
        return new ObjectMapper().readTree(o.toString(StandardCharsets.UTF_8));
    }

    private static String[] args(String metric, Path dir, List<String> extra) {
        List<String> a = new ArrayList<>(List.of("measure", "--model", MODEL, "--data", DATA, "--dtype", "float64",
                "--metrics", metric, "--max-steps", "60", "--probes", "4", "--density-out", dir.resolve("d").toString(), "--json"));
        a.addAll(extra);
        return a.toArray(String[]::new);
    }

    private static Set<String> printedKeys(String metric, Path dir, List<String> extra) throws Exception {
        CliRun.Result r = CliRun.run(args(metric, dir, extra));
        assertEquals(0, r.code(), metric + ": " + r.err());
        Set<String> keys = new HashSet<>();
        new ObjectMapper().readTree(r.out()).fieldNames().forEachRemaining(keys::add);
        keys.removeAll(FRAME);
        assertFalse(keys.isEmpty(), metric);
        return keys;
    }
}
