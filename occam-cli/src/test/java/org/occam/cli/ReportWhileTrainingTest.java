package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.io.FaultPoints;
import org.occam.io.FolderLock;

/**
 * {@code occam report} reads a run folder without its lock (docs/robust-runs.md): a run being
 * trained by another process is reported as running, the page is written atomically beside it, and
 * the training run neither notices nor loses a row.
 */
class ReportWhileTrainingTest {
    private static final long WAIT = 240;
    private static final int STEPS = 100_000;

    @Test
    void aRunBeingTrainedIsReportedWithoutTakingItsLock(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("c.yaml");
        Files.writeString(cfg, """
                model: mlp:64-8-10:tanh
                data: {train: "digits:train[:64]", test: none}
                lr: 0.1
                train: {batch_size: full, steps: %d, eval_every: 0}
                """.formatted(STEPS));
        Path run = dir.resolve("run");
        Path metrics = run.resolve("metrics.jsonl");
        Process p = Jvm.start(dir.resolve("train.log"), List.of(FaultPoints.PROPERTY + "=" + FaultPoints.METRICS_ROW + ":slow"),
                Map.of(), "train", cfg.toString(), "--out", run.toString(), "--quiet");
        try {
            assertTrue(Jvm.await(p, () -> FolderLock.isHeld(run) && Jvm.lines(metrics) >= 5, WAIT), Jvm.text(dir.resolve("train.log")));
            String holder = Files.readString(run.resolve(FolderLock.FILE));
            for (int i = 0; i < 2; i++) {
                CliRun.Result r = CliRun.run("report", run.toString());
                assertEquals(0, r.code(), r.err());
                assertTrue(Files.readString(run.resolve("report.html")).contains("badge running"), "report " + i);
            }
            assertTrue(p.isAlive(), "the run was still training while it was reported");
            assertTrue(FolderLock.isHeld(run), "the trainer still holds its lock");
            assertEquals(holder, Files.readString(run.resolve(FolderLock.FILE)), "the report did not touch the lock file");
            p.destroy(); // SIGTERM: the run flushes its rows and says interrupted
            assertEquals(143, Jvm.exit(p, WAIT), Jvm.text(dir.resolve("train.log")));
        } finally {
            p.destroyForcibly();
        }
        List<String> rows = Files.readAllLines(metrics);
        for (int i = 0; i < rows.size(); i++) {
            assertTrue(rows.get(i).startsWith("{\"step\":" + i + ","), "row " + i + ": " + rows.get(i));
        }
        CliRun.Result after = CliRun.run("report", run.toString());
        assertEquals(0, after.code(), after.err());
        assertTrue(Files.readString(run.resolve("report.html")).contains("badge interrupted"));
        try (Stream<Path> files = Files.list(run)) {
            assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList());
        }
    }
}
