package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep run flagged "did not learn" in its status.json shows so in the console line, the sweep's
 * summary and the report's state column; results.csv keeps status.json's state and message.
 */
class SweepDidNotLearnTest {
    @Test
    void aFlatRunShowsAsDidNotLearnNotCompleted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("flat.yaml");
        Files.writeString(file, """
                base: {model: mlp:64-16-10:tanh, data: "digits:train[:256]", loss: cross_entropy, optimizer: sgd, lr: 0.5,
                       seed: 2, train: {batch_size: 64, steps: 60, eval_every: 20}}
                grid: {lr: [1e-7, 0.5]}
                """);
        Path out = dir.resolve("out");
        // Before: "[1/2] 000-lr_1e-07: completed 60 steps in ..." and "2 runs: 2 completed", the report's state "completed".
        CliRun.Result r = CliRun.run("sweep", file.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        String flat = lines.stream().filter(l -> l.contains("000-lr_1e-07:")).findFirst().orElseThrow();
        assertTrue(flat.contains(": completed 60 steps but did not learn: final train accuracy"), flat);
        String learns = lines.stream().filter(l -> l.contains("001-lr_0.5:")).findFirst().orElseThrow();
        assertTrue(learns.contains(": completed 60 steps in ") && !learns.contains("did not learn"), learns);
        String summary = lines.stream().filter(l -> l.startsWith("sweep flat: 2 runs: ")).findFirst().orElseThrow();
        assertTrue(summary.startsWith("sweep flat: 2 runs: 1 completed, 1 did not learn (ran 2) in "), summary);

        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertTrue(csv.get(1).contains(",completed,did not learn: final train accuracy"), "results.csv keeps the state: " + csv.get(1));
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<td>did not learn</td>"), "the state column of the report");
        assertTrue(html.contains("1 completed, 1 did not learn"), "the report's summary line");

        // rebuilt from the run folders (no results.csv), the state column says the same
        Files.delete(out.resolve("results.csv"));
        assertEquals(0, CliRun.run("report", out.toString()).code());
        String rebuilt = Files.readString(out.resolve("report.html"));
        assertTrue(rebuilt.contains("<td>did not learn</td>") && rebuilt.contains("1 completed, 1 did not learn"), "from the run folders");
    }
}
