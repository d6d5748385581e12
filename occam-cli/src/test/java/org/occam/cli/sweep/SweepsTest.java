package org.occam.cli.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.cli.run.StatusFile;
import org.occam.train.RunStatus;

/**
 * Sweeps end to end on the local pool: the table, a diverged and a failed run recorded while the
 * sweep goes on, re-runs that skip finished runs, and a killed sweep resumed to the same bits.
 */
class SweepsTest {

    /** 2 x 2 runs of 6 steps; lr 1e4 diverges (loss above the bound of 100). */
    static final String TINY = """
            name: tiny
            base:
              model: mlp:64-16-10:tanh
              data: digits
              lr: 0.1
              train: {batch_size: 32, steps: 6, eval_every: 3, checkpoint_every: 2, divergence_bound: 100}
            grid:
              lr: [0.1, 1.0e4]
              train.batch_size: [16, 64]
            seeds: [0]
            """;

    static final String HEADER = "run,lr,train.batch_size,seed,final_step,final_loss,final_train_loss,final_train_accuracy,"
            + "final_test_loss,final_test_accuracy,state,message";

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private Sweeps.Outcome run(String yaml, Path dir, int parallel) {
        PrintStream p = new PrintStream(console, true, StandardCharsets.UTF_8);
        Sweep s = SweepFile.parse(yaml, "tiny.yaml", "tiny", Path.of("."), List.of());
        try (LocalPool pool = new LocalPool(parallel, 0)) {
            return Sweeps.run(s, dir, pool, new Sweeps.Options(true, false, p, p));
        }
    }

    static List<String> lines(Path csv) throws IOException {
        return Files.readAllLines(csv);
    }

    @Test
    void aTinySweepGivesOneRowPerRunAndRecordsTheDivergedOnes(@TempDir Path dir) throws IOException {
        Sweeps.Outcome o = run(TINY, dir, 2);
        List<String> csv = lines(dir.resolve("results.csv"));
        assertEquals(HEADER, csv.getFirst());
        assertEquals(5, csv.size());
        List<String> ids = List.of("000-lr_0.1-batch_size_16-seed_0", "001-lr_0.1-batch_size_64-seed_0",
                "002-lr_10000-batch_size_16-seed_0", "003-lr_10000-batch_size_64-seed_0");
        for (int i = 0; i < 4; i++) {
            String[] cells = csv.get(i + 1).split(",", -1);
            assertEquals(12, cells.length, csv.get(i + 1));
            assertEquals(ids.get(i), cells[0]);
            assertEquals(i < 2 ? "0.1" : "10000.0", cells[1]);
            assertEquals(i % 2 == 0 ? "16" : "64", cells[2]);
            assertEquals("0", cells[3]);
            if (i < 2) {
                assertEquals("6", cells[4]);
                assertEquals("completed", cells[10]);
                assertEquals("", cells[11]);
                double acc = Double.parseDouble(cells[9]);
                assertTrue(acc > 0 && acc <= 1, cells[9]);
            } else {
                assertTrue(Long.parseLong(cells[4]) < 6, "diverged early: " + cells[4]);
                assertEquals("", cells[9], "no final evaluation");
                assertEquals("diverged", cells[10]);
                assertTrue(cells[11].contains("exceeds the divergence bound 100.0"), cells[11]);
            }
            assertTrue(Files.isRegularFile(dir.resolve(ids.get(i)).resolve("status.json")));
        }
        assertEquals(Map.of("completed", 2L, "diverged", 2L), o.states());
        assertEquals(Map.of("ran", 4L), o.actions());
        assertFalse(o.anyFailed());
        assertTrue(Files.readString(dir.resolve("sweep.yaml")).contains("id: 003-lr_10000-batch_size_64-seed_0"));
        assertTrue(console.toString(StandardCharsets.UTF_8).startsWith("sweep tiny: 4 runs: 2 completed, 2 diverged (ran 4) in "),
                console.toString(StandardCharsets.UTF_8));

        // Re-running skips every finished run: nothing in the run folders changes, the table is the same.
        String before = Files.readString(dir.resolve("results.csv"));
        List<FileTime> times = new ArrayList<>();
        for (String id : ids) {
            times.add(Files.getLastModifiedTime(dir.resolve(id).resolve("status.json")));
            times.add(Files.getLastModifiedTime(dir.resolve(id).resolve("metrics.jsonl")));
        }
        Sweeps.Outcome again = run(TINY, dir, 1);
        assertEquals(Map.of("skipped", 4L), again.actions());
        assertEquals(before, Files.readString(dir.resolve("results.csv")));
        List<FileTime> after = new ArrayList<>();
        for (String id : ids) {
            after.add(Files.getLastModifiedTime(dir.resolve(id).resolve("status.json")));
            after.add(Files.getLastModifiedTime(dir.resolve(id).resolve("metrics.jsonl")));
        }
        assertEquals(times, after);
    }

    @Test
    void aKilledSweepResumesToTheSameBitsAsAnUninterruptedOne(@TempDir Path dir) throws IOException {
        Path whole = dir.resolve("whole");
        run(TINY, whole, 1);

        Path killed = dir.resolve("killed");
        SweepRuns.tapForTests = id -> id.startsWith("000-") ? row -> {
            if (((Number) row.get("step")).longValue() == 3) {
                throw new IllegalStateException("simulated kill");
            }
        } : null;
        try {
            Sweeps.Outcome first = run(TINY, killed, 2);
            assertEquals("failed", first.results().getFirst().state());
            assertTrue(first.anyFailed());
        } finally {
            SweepRuns.tapForTests = null;
        }
        // As a killed process leaves it: run 000 "running" with rows past its checkpoint at step 2,
        // run 001 never started, run 003 killed while starting (a folder without config.yaml), no table.
        Path r0 = killed.resolve("000-lr_0.1-batch_size_16-seed_0");
        StatusFile.write(r0.resolve("status.json"), RunStatus.running(3), 6, "000");
        assertEquals(4, Files.readAllLines(r0.resolve("metrics.jsonl")).size(), "rows of steps 0..3");
        delete(killed.resolve("001-lr_0.1-batch_size_64-seed_0"));
        Path r3 = killed.resolve("003-lr_10000-batch_size_64-seed_0");
        delete(r3);
        Files.createDirectories(r3);
        Files.writeString(r3.resolve("status.json"), "{\"state\":\"running\",\"step\":0,\"total_steps\":6}\n");
        Files.delete(killed.resolve("results.csv"));

        Sweeps.Outcome resumed = run(TINY, killed, 2);
        assertEquals(List.of("resumed", "ran", "skipped", "ran"), resumed.results().stream().map(RunResult::action).toList());
        assertEquals(Files.readString(whole.resolve("results.csv")), Files.readString(killed.resolve("results.csv")));
        for (String id : List.of("000-lr_0.1-batch_size_16-seed_0", "001-lr_0.1-batch_size_64-seed_0",
                "002-lr_10000-batch_size_16-seed_0", "003-lr_10000-batch_size_64-seed_0")) {
            Path a = whole.resolve(id).resolve("checkpoints");
            Path b = killed.resolve(id).resolve("checkpoints");
            assertEquals(files(a), files(b), id);
            for (String f : files(a)) {
                assertEquals(-1L, Files.mismatch(a.resolve(f), b.resolve(f)), id + "/" + f);
            }
            assertEquals(Files.readString(whole.resolve(id).resolve("metrics.csv")),
                    Files.readString(killed.resolve(id).resolve("metrics.csv")), id);
        }
    }

    @Test
    void aRunThatCannotStartIsRecordedAsFailedAndTheSweepGoesOn(@TempDir Path dir) throws IOException {
        String yaml = TINY.replace("lr: [0.1, 1.0e4]\n  train.batch_size: [16, 64]", "model.spec: [mlp:64-16-10:tanh, mlp:32-16-10:tanh]");
        Sweeps.Outcome o = run(yaml, dir, 1);
        assertEquals(List.of("completed", "failed"), o.results().stream().map(RunResult::state).toList());
        assertTrue(o.anyFailed());
        String row = lines(dir.resolve("results.csv")).get(2);
        assertTrue(row.startsWith("001-spec_mlp_32-16-10_tanh-seed_0,mlp:32-16-10:tanh,0,0,,,,,,failed,"), row);
        assertTrue(row.contains("does not fit the data"), row);
        // a failed run is tried again on the next run of the sweep
        assertEquals(List.of("skipped", "failed"), run(yaml, dir, 1).results().stream().map(RunResult::action).toList());
    }

    @Test
    void aChangedSweepStopsBeforeTouchingTheFolder(@TempDir Path dir) {
        String small = TINY.replace("train.batch_size: [16, 64]", "train.batch_size: [16]");
        run(small, dir, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(small.replace("steps: 6", "steps: 7"), dir, 1));
        assertEquals("run 000-lr_0.1-batch_size_16-seed_0 in " + dir.toAbsolutePath().normalize() + " was made with a different"
                + " config (train.steps: 6 then, 7 now): the sweep changed since; choose a new --out, or remove that run folder",
                e.getMessage());
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class,
                () -> run(small.replace("lr: [0.1, 1.0e4]", "lr: [0.1]"), dir, 1));
        assertEquals(dir.toAbsolutePath().normalize() + " holds run folders that are not runs of this sweep"
                + " (001-lr_10000-batch_size_16-seed_0): the sweep changed since; choose a new --out", f.getMessage());
    }

    static List<String> files(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    static void delete(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
