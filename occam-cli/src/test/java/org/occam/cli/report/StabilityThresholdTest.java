package org.occam.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.lab.plot.Series;

/** The threshold line on sharpness charts follows the run's optimizer. */
class StabilityThresholdTest {

    @Test
    void gdMomentumNesterovAndAdam() {
        assertEquals(2, StabilityThreshold.of(Map.of("optimizer.name", "sgd")).orElseThrow().factor());
        // Heavy ball with β = 0.9: (2 + 2β)/h = 3.8/h, not 2/h.
        assertEquals(3.8, StabilityThreshold.of(Map.of("optimizer.name", "momentum", "optimizer.momentum", "0.9"))
                .orElseThrow().factor(), 1e-12);
        assertEquals(3.8 / 2.8, StabilityThreshold.of(Map.of("optimizer.name", "nesterov", "optimizer.momentum", "0.9"))
                .orElseThrow().factor(), 1e-12);
        assertTrue(StabilityThreshold.of(Map.of("optimizer.name", "adam")).isEmpty());
        assertTrue(StabilityThreshold.of(Map.of("optimizer.name", "adamw")).isEmpty());
    }

    @Test
    void theChartLineIsTheOptimizersThresholdAndAdamGetsNone(@TempDir Path dir) throws Exception {
        Path run = FakeRuns.run(dir.resolve("r"), 0.1, 32, -1);
        Metrics m = Metrics.read(run.resolve("metrics.jsonl"));
        // Before: every run got 2/h = 20 at h = 0.1, whatever its optimizer.
        Series gd = MetricGroups.stabilityLine(m, StabilityThreshold.of(Map.of("optimizer.name", "sgd")).orElseThrow(), true)
                .orElseThrow();
        assertEquals(20, gd.y()[0], 1e-9);
        Series hb = MetricGroups.stabilityLine(m, StabilityThreshold.of(Map.of("optimizer.name", "momentum",
                "optimizer.momentum", "0.9")).orElseThrow(), true).orElseThrow();
        assertEquals(38, hb.y()[0], 1e-9);
        assertTrue(hb.name().startsWith("(2+2β)/h"), hb.name());
        // A report of an Adam run: no line, and a sentence saying why.
        Files.writeString(run.resolve("config.yaml"), "optimizer: {name: adam}\n");
        ReportResult r = RunReport.write(run, null, null);
        String html = Files.readString(r.html());
        assertTrue(html.contains("no stability line: adam"), "the report says why no line is drawn");
        assertEquals(Optional.empty(), StabilityThreshold.of(FlatConfig.read(run.resolve("config.yaml"))));
    }
}
