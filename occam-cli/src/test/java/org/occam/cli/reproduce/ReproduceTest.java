package org.occam.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproduceTest {
    @Test
    void spearmanHandlesTiesAndSigns() {
        assertEquals(1.0, Trend.spearman(new double[] {1, 2, 3}, new double[] {10, 20, 30}), 1e-15);
        assertEquals(-1.0, Trend.spearman(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-15);
        // ranks with a tie: (1, 2.5, 2.5, 4) vs (1, 2, 3, 4)
        assertEquals(0.9486832980505138, Trend.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 2, 3, 4}), 1e-12);
        assertTrue(new Trend("h", "gc", -0.5, -1, "falls").consistent());
        assertTrue(!new Trend("h", "gc", 0.0, -1, "falls").consistent());
    }

    /** A tiny sweep runs end to end: every run measured, trends computed, a report with charts written. */
    @Test
    void tinySweepWritesReport(@TempDir Path dir) throws Exception {
        IgrLrSweep.Settings s = new IgrLrSweep.Settings("mlp:64-16-10:tanh", new double[] {0.2, 0.6}, 0.05, 15, 5, 0);
        List<String> log = new ArrayList<>();
        IgrLrSweep.Result r = IgrLrSweep.run(s, log::add);
        assertEquals(3, r.runs().size(), "two rates and the EGR run");
        assertEquals(5, r.trends().size());
        assertEquals(3, log.size());
        for (IgrLrSweep.Run run : r.runs()) {
            assertEquals(15, run.steps());
            assertTrue(run.sharpness() > 0 && run.gc() > 0 && run.testAccuracy() > 0.1, run.toString());
        }
        Path html = IgrReport.write(r, dir);
        String page = Files.readString(html);
        assertTrue(page.contains("Observed trends") && page.contains("data:image/png;base64"), "report content");
        assertTrue(Files.readString(dir.resolve("results.csv")).lines().count() == 4);
    }
}
