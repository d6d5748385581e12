package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./occam sweep}: the example sweep at a tiny size, the report, bad files, and --spark without occam-spark. */
class SweepCommandTest {

    static Path sweeps() {
        return TrainCommandTest.examples().resolve("sweeps");
    }

    @Test
    void theExampleSweepRunsAtATinySize(@TempDir Path dir) throws IOException {
        Path file = sweeps().resolve("digits_lr_batch.yaml");
        Path out = dir.resolve("lr-bs");
        CliRun.Result r = CliRun.run("sweep", file.toString(), "--out", out.toString(), "--parallel", "2", "--no-report",
                "--set", "train.steps=3", "--set", "train.eval_every=0", "--set", "train.checkpoint_every=0");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("sweep digits_lr_batch: 12 runs on local pool of 2 (1 thread per run) -> " + out, lines.getFirst());
        assertEquals(14, lines.size(), r.out());
        assertTrue(lines.get(1).matches("\\[ 1/12] 0\\d\\d-lr_0\\.\\d+-batch_size_\\d+-seed_\\d: completed 3 steps in .*"), lines.get(1));
        assertTrue(lines.getLast().startsWith("sweep digits_lr_batch: 12 runs: 12 completed (ran 12) in "), lines.getLast());
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals("run,lr,train.batch_size,seed,final_step,final_loss,final_train_loss,final_train_accuracy,final_test_loss,"
                + "final_test_accuracy,state,message", csv.getFirst());
        assertEquals(13, csv.size());
        assertTrue(csv.get(12).startsWith("011-lr_0.2-batch_size_64-seed_1,0.2,64,1,3,"), csv.get(12));
        assertTrue(csv.get(12).endsWith(",completed,"), csv.get(12));
        assertTrue(Files.readString(out.resolve("011-lr_0.2-batch_size_64-seed_1/config.yaml")).contains("  steps: 3\n"));
        assertFalse(Files.exists(out.resolve("results.parquet")), "the local pool writes results.csv only");
    }

    @Test
    void aSmallSweepWithItsReportAndAQuietRerun(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, """
                base: {model: mlp:64-8-10:tanh, data: digits, lr: 0.1, train: {batch_size: 64, steps: 2}}
                grid: {lr: [0.1, 0.3]}
                """);
        Path out = dir.resolve("out");
        CliRun.Result r = CliRun.run("sweep", file.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.out().lines().count(), "quiet: the summary only: " + r.out());
        assertTrue(r.out().startsWith("sweep s: 2 runs: 2 completed (ran 2) in "), r.out());
        assertTrue(r.out().strip().endsWith(out.resolve("results.csv") + ", report.html"), r.out());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("000-lr_0.1") && html.contains("001-lr_0.3"), "the report lists the runs");
        assertTrue(Files.isRegularFile(out.resolve("000-lr_0.1/report.html")));

        CliRun.Result again = CliRun.run("sweep", file.toString(), "--out", out.toString(), "--quiet", "--no-report");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().startsWith("sweep s: 2 runs: 2 completed (skipped 2) in "), again.out());
    }

    @Test
    void aBadSweepFileStopsBeforeAnyWork(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "base: ../digits_mlp_sgd.yaml\ngrid: {lr: [0.1, -1]}\n");
        Files.copy(TrainCommandTest.examples().resolve("digits_mlp_sgd.yaml"), dir.getParent().resolve("digits_mlp_sgd.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path out = dir.resolve("never");
        CliRun.Result r = CliRun.run("sweep", file.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertEquals("occam: " + file + ": grid.lr[1]: lr: must be a positive number, got -1\n", r.err());
        assertFalse(Files.exists(out), "nothing was created");

        Files.writeString(file, "base: ../digits_mlp_sgd.yaml\ngrid: {lr: [0.1]}\n");
        CliRun.Result zero = CliRun.run("sweep", file.toString(), "--out", out.toString(), "--parallel", "0");
        assertEquals(2, zero.code());
        assertEquals("occam: --parallel must be at least 1, got 0\n", zero.err());
        CliRun.Result both = CliRun.run("sweep", file.toString(), "--out", out.toString(), "--parallel", "2", "--spark", "local[2]");
        assertEquals(2, both.code());
        assertEquals("occam: --parallel is for the local pool; with --spark the master sets how many runs go at a time"
                + " (local[N]: N)\n", both.err());
        assertFalse(Files.exists(out), "nothing was created");

        CliRun.Result missing = CliRun.run("sweep", dir.resolve("nope.yaml").toString());
        assertEquals(2, missing.code());
        assertEquals("occam: " + dir.resolve("nope.yaml") + ": no such sweep file\n", missing.err());
    }

    @Test
    void sparkWithoutTheSparkModuleSaysHowToGetIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "base: {model: mlp:64-8-10:tanh, data: digits, lr: 0.1, train: {batch_size: 64, steps: 2}}\n");
        CliRun.Result r = CliRun.run("sweep", file.toString(), "--out", dir.resolve("o").toString(), "--spark", "local[2]");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("occam: --spark needs the occam-spark module, which is not built here"), r.err());
        assertFalse(Files.exists(dir.resolve("o")));
    }
}
