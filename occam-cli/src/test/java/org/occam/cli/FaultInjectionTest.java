package org.occam.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.autodiff.Params;
import org.occam.io.FaultPoints;
import org.occam.io.FolderLock;
import org.occam.io.Safetensors;
import org.occam.train.CheckpointStore;

/**
 * Fault injection on real processes: {@code occam train} and {@code occam sweep} in separate JVMs,
 * killed with SIGKILL at random points (also during a resume and inside a checkpoint), stopped with
 * SIGTERM and SIGINT, raced by a second process on the same folder, and hit by a full disk during a
 * checkpoint. Every survivor must end with the bits of an uninterrupted run: the same final
 * parameters and optimizer state, and the same metrics.jsonl (no row lost, none twice).
 *
 * <p>Small by default (a few kills of a 160-step run); {@code -Doccam.faults=large} (or
 * {@code OCCAM_FAULTS=large}) runs many more trials of a longer run. Each test prints its line of
 * the fault table ({@code FAULT-TABLE | fault | trials | survived | rows lost}).
 */
class FaultInjectionTest {
    static final boolean LARGE = "large".equals(System.getProperty("occam.faults"))
            || "large".equals(System.getenv("OCCAM_FAULTS"));
    static final int STEPS = LARGE ? 600 : 160;
    static final int EVERY = 20;
    static final long WAIT = 240;
    static final String SLOW = FaultPoints.PROPERTY + "=" + FaultPoints.METRICS_ROW + ":slow";

    @TempDir
    static Path shared;
    static Path cfg;
    static Path straight;
    static final List<String> TABLE = new ArrayList<>();

    @BeforeAll
    static void uninterrupted() throws IOException {
        cfg = shared.resolve("faults.yaml");
        Files.writeString(cfg, """
                name: faults
                model: mlp:64-32-10:tanh
                data: digits
                optimizer: {name: adam}
                lr: {name: cosine, base: 0.003, warmup: 20}
                train: {batch_size: 32, steps: %d, eval_every: 50, checkpoint_every: %d}
                seed: 11
                """.formatted(STEPS, EVERY));
        straight = shared.resolve("straight");
        CliRun.Result r = CliRun.run("train", cfg.toString(), "--out", straight.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
    }

    @AfterAll
    static void table() {
        System.out.println("FAULT-TABLE | fault | trials | survived | rows lost   (" + (LARGE ? "large" : "small") + " mode, "
                + STEPS + " steps)");
        TABLE.forEach(System.out::println);
    }

    private static void record(String fault, int trials, int survived, long rowsLost) {
        synchronized (TABLE) {
            TABLE.add(String.format(Locale.ROOT, "FAULT-TABLE | %s | %d | %d | %d", fault, trials, survived, rowsLost));
        }
    }

    /** Rows of the uninterrupted run missing from {@code run}, plus rows of {@code run} it does not have. */
    static long rowsLostOrExtra(Path run) throws IOException {
        List<String> want = Files.readAllLines(straight.resolve("metrics.jsonl"));
        List<String> got = Files.exists(run.resolve("metrics.jsonl")) ? Files.readAllLines(run.resolve("metrics.jsonl")) : List.of();
        Map<String, Integer> count = new HashMap<>();
        want.forEach(l -> count.merge(l, 1, Integer::sum));
        got.forEach(l -> count.merge(l, -1, Integer::sum));
        return count.values().stream().mapToLong(Math::abs).sum();
    }

    /** The run ended as the uninterrupted one did: same metrics.jsonl, same final checkpoint bytes, completed. */
    static void assertSameAsUninterrupted(Path run) throws IOException {
        assertEquals(0, rowsLostOrExtra(run), "rows lost or duplicated in " + run);
        assertEquals(Files.readString(straight.resolve("metrics.jsonl")), Files.readString(run.resolve("metrics.jsonl")));
        String last = String.format("checkpoints/step-%09d/", STEPS);
        for (String f : List.of("model.safetensors", "optimizer.safetensors")) {
            assertArrayEquals(Files.readAllBytes(straight.resolve(last + f)), Files.readAllBytes(run.resolve(last + f)), f);
        }
        assertTrue(Files.readString(run.resolve("status.json")).startsWith("{\"state\":\"completed\",\"step\":" + STEPS),
                Files.readString(run.resolve("status.json")));
        try (Stream<Path> s = Files.list(run.resolve("checkpoints"))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".tmp-")), "no temporary checkpoint left");
        }
    }

    private static String[] trainOrResume(Path run) {
        return Files.isRegularFile(run.resolve("config.yaml"))
                ? new String[] {"train", "--resume", run.toString(), "--quiet"}
                : new String[] {"train", cfg.toString(), "--out", run.toString(), "--quiet"};
    }

    /** The lines a child printed, without the JVM's own notice about incubator modules. */
    private static List<String> said(Path log) {
        return Jvm.text(log).lines().filter(l -> !l.startsWith("WARNING: Using incubator modules")).toList();
    }

    @Test
    void sigkillAtRandomPointsAndInsideCheckpointsThenResumesBitIdentically(@TempDir Path dir) throws Exception {
        Random rnd = new Random(14);
        Path run = dir.resolve("killed");
        Path metrics = run.resolve("metrics.jsonl");
        int kills = LARGE ? 24 : 3;
        int midCheckpoint = 0;
        for (int trial = 0; trial < kills && !completed(run); trial++) {
            Path log = dir.resolve("child-" + trial + ".log");
            if (trial % 3 == 2) {
                // SIGKILL (a halt: no hook runs) inside the n-th checkpoint save of this process
                int n = 1 + rnd.nextInt(2);
                Process p = Jvm.start(log, List.of(FaultPoints.PROPERTY + "=" + FaultPoints.CHECKPOINT_MIDWAY + ":halt@" + n),
                        Map.of(), trainOrResume(run));
                int code = Jvm.exit(p, WAIT);
                assertTrue(code == 137 || code == 0, "exit " + code + ": " + Jvm.text(log));
                midCheckpoint += code == 137 ? 1 : 0;
                continue;
            }
            long before = Jvm.lines(metrics);
            long target = before + 1 + rnd.nextInt((int) Math.max(1, STEPS - before - 1));
            Process p = Jvm.start(log, List.of(), Map.of(), trainOrResume(run));
            if (LARGE && trial % 3 == 1) {
                Thread.sleep(rnd.nextInt(2500)); // any moment, JVM start and folder set-up included
            } else {
                Jvm.await(p, () -> Jvm.lines(metrics) >= target, WAIT);
            }
            p.destroyForcibly();
            Jvm.exit(p, WAIT);
        }
        Process last = Jvm.start(dir.resolve("last.log"), List.of(), Map.of(), trainOrResume(run));
        assertEquals(0, Jvm.exit(last, WAIT), Jvm.text(dir.resolve("last.log")));
        long lost = rowsLostOrExtra(run);
        record("SIGKILL at random points (" + midCheckpoint + " inside a checkpoint), then resume", kills, lost == 0 ? kills : 0, lost);
        assertSameAsUninterrupted(run);
        assertTrue(midCheckpoint >= 1 || LARGE, "at least one kill inside a checkpoint");
    }

    private static boolean completed(Path run) {
        return Jvm.text(run.resolve("status.json")).startsWith("{\"state\":\"completed\"");
    }

    @Test
    void sigtermAndSigintRecordInterruptedWithTheResumeCommand(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("signalled");
        Path metrics = run.resolve("metrics.jsonl");
        int trials = 0;
        // SIGINT only where the child can be given its default action (a background job's children ignore it)
        for (String signal : Jvm.DEFAULT_SIGNALS ? List.of("TERM", "INT") : List.of("TERM", "TERM")) {
            long before = Jvm.lines(metrics);
            Path log = dir.resolve(signal + ".log");
            Process p = Jvm.start(log, List.of(), Map.of(), trainOrResume(run));
            Jvm.await(p, () -> Jvm.lines(metrics) >= before + 60, WAIT);
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
            int code = Jvm.exit(p, WAIT);
            trials++;
            assertEquals(signal.equals("TERM") ? 143 : 130, code, Jvm.text(log));
            String status = Files.readString(run.resolve("status.json"));
            assertTrue(status.startsWith("{\"state\":\"interrupted\",\"step\":"), status);
            String msg = "resume with ./occam train --resume " + run;
            assertTrue(status.contains(msg), status);
            assertTrue(said(log).stream().anyMatch(l -> l.startsWith("occam: " + run + ": interrupted at step ")
                    && l.endsWith(msg)), Jvm.text(log));
            assertTrue(Files.readString(run.resolve("run.log")).contains("interrupted at step "));
            assertFalse(FolderLock.isHeld(run), "the lock is released");
        }
        CliRun.Result r = CliRun.run("train", "--resume", run.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        long lost = rowsLostOrExtra(run);
        record(Jvm.DEFAULT_SIGNALS ? "SIGTERM, then SIGINT during the resume" : "SIGTERM, twice (SIGINT is ignored here)", trials, lost == 0 ? trials : 0, lost);
        assertSameAsUninterrupted(run);
    }

    @Test
    void twoTrainsOrTwoResumesOnOneFolderTheSecondRefuses(@TempDir Path dir) throws Exception {
        // two trains started together: one runs, the other refuses (in use, or already holding a run)
        Path both = dir.resolve("both");
        Process a = Jvm.start(dir.resolve("a.log"), List.of(SLOW), Map.of(), trainOrResume(both));
        Process b = Jvm.start(dir.resolve("b.log"), List.of(SLOW), Map.of(), trainOrResume(both));
        int ca = Jvm.exit(a, WAIT);
        int cb = Jvm.exit(b, WAIT);
        assertEquals(2, Math.min(ca, cb) + Math.max(ca, cb), "one exits 0, the other 2: " + ca + ", " + cb);
        List<String> refused = said(dir.resolve(ca == 2 ? "a.log" : "b.log"));
        assertEquals(1, refused.size(), refused.toString());
        assertTrue(refused.getFirst().matches("occam: " + Pattern.quote(both.toString())
                + " (is in use by pid \\d+ on .+ since .+: \\./occam train --out .*|already holds a run; .*)"), refused.getFirst());
        long lostTrains = rowsLostOrExtra(both);
        record("two trains started together on one --out", 1, lostTrains == 0 ? 1 : 0, lostTrains);
        assertSameAsUninterrupted(both);

        // a killed run, then two resumes: the second finds the first holding the lock
        Path run = dir.resolve("resumed");
        Process k = Jvm.start(dir.resolve("k.log"), List.of(), Map.of(), trainOrResume(run));
        Jvm.await(k, () -> Jvm.lines(run.resolve("metrics.jsonl")) >= 50, WAIT);
        k.destroyForcibly();
        Jvm.exit(k, WAIT);
        Process first = Jvm.start(dir.resolve("first.log"), List.of(SLOW), Map.of(), trainOrResume(run));
        assertTrue(Jvm.await(first, () -> FolderLock.isHeld(run), WAIT), Jvm.text(dir.resolve("first.log")));
        Process second = Jvm.start(dir.resolve("second.log"), List.of(), Map.of(), trainOrResume(run));
        assertEquals(2, Jvm.exit(second, WAIT));
        assertTrue(first.isAlive(), "the first resume was still working when the second gave up");
        List<String> line = said(dir.resolve("second.log"));
        assertEquals(List.of("occam: " + run + " is in use by pid " + first.pid()), line.stream()
                .map(l -> l.replaceAll(" on .*", "")).toList(), line.toString());
        assertEquals(0, Jvm.exit(first, WAIT), Jvm.text(dir.resolve("first.log")));
        long lostResumes = rowsLostOrExtra(run);
        record("two resumes of one run", 1, lostResumes == 0 ? 1 : 0, lostResumes);
        assertSameAsUninterrupted(run);
    }

    @Test
    void twoSweepsIntoOneFolderTheSecondRefuses(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, "name: race\nbase: " + cfg + "\ngrid: {lr.base: [0.003, 0.001]}\n");
        Path out = dir.resolve("sweep");
        String[] args = {"sweep", file.toString(), "--out", out.toString(), "--quiet", "--no-report", "--set", "train.steps=60"};
        Process first = Jvm.start(dir.resolve("first.log"), List.of(SLOW), Map.of(), args);
        assertTrue(Jvm.await(first, () -> FolderLock.isHeld(out), WAIT), Jvm.text(dir.resolve("first.log")));
        Process second = Jvm.start(dir.resolve("second.log"), List.of(), Map.of(), args);
        assertEquals(2, Jvm.exit(second, WAIT), Jvm.text(dir.resolve("second.log")));
        assertTrue(first.isAlive(), "the first sweep was still working when the second gave up");
        List<String> line = said(dir.resolve("second.log"));
        assertEquals(List.of("occam: " + out.toAbsolutePath().normalize() + " is in use by pid " + first.pid()),
                line.stream().map(l -> l.replaceAll(" on .*", "")).toList(), line.toString());
        assertEquals(0, Jvm.exit(first, WAIT), Jvm.text(dir.resolve("first.log")));
        List<String> results = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(3, results.size(), results.toString());
        long lost = 0;
        try (Stream<Path> s = Files.list(out)) {
            for (Path r : s.filter(Files::isDirectory).toList()) {
                List<String> rows = Files.readAllLines(r.resolve("metrics.jsonl"));
                lost += Math.abs(61 - rows.size());
                for (int i = 0; i < 60; i++) {
                    assertTrue(rows.get(i).startsWith("{\"step\":" + i + ","), r + " row " + i + ": " + rows.get(i));
                }
                assertTrue(rows.get(60).startsWith("{\"step\":60,\"final\":true"), rows.get(60));
                assertTrue(Files.readString(r.resolve("status.json")).startsWith("{\"state\":\"completed\""));
            }
        }
        record("two sweeps into one folder", 1, lost == 0 ? 1 : 0, lost);
    }

    @Test
    void aFullDiskDuringACheckpointKeepsThePreviousOneAndTheRunResumes(@TempDir Path dir) throws Exception {
        Params like = Safetensors.read(straight.resolve(String.format("checkpoints/step-%09d/model.safetensors", STEPS)));
        // simulated: the third checkpoint save fails with ENOSPC after its model file
        Path run = dir.resolve("enospc");
        Path log = dir.resolve("enospc.log");
        Process p = Jvm.start(log, List.of(FaultPoints.PROPERTY + "=" + FaultPoints.CHECKPOINT_MIDWAY + ":enospc@3"), Map.of(),
                trainOrResume(run));
        assertEquals(1, Jvm.exit(p, WAIT), Jvm.text(log));
        assertTrue(Jvm.text(log).contains("No space left on device"), Jvm.text(log));
        assertEquals(String.format("step-%09d", 2 * EVERY), Files.readString(run.resolve("checkpoints/latest")).strip());
        assertEquals(List.of((long) EVERY, 2L * EVERY), new CheckpointStore(run.resolve("checkpoints")).steps());
        assertEquals(2L * EVERY, new CheckpointStore(run.resolve("checkpoints")).latest(like).orElseThrow().step());
        assertTrue(Files.readString(run.resolve("status.json")).startsWith("{\"state\":\"failed\""));
        CliRun.Result r = CliRun.run("train", "--resume", run.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertSameAsUninterrupted(run);
        int trials = 1;
        long lost = rowsLostOrExtra(run);

        // real: a small tmpfs (where this machine lets us mount one), filled during the run, then enlarged
        Path mnt = dir.resolve("mnt");
        Files.createDirectories(mnt);
        if (new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=160k", "tmpfs", mnt.toString()).redirectErrorStream(true)
                .start().waitFor() != 0) {
            System.out.println("FaultInjectionTest: no tmpfs here (mount refused); the full disk is simulated only");
        } else {
            try {
                Path full = mnt.resolve("run");
                CliRun.Result failed = CliRun.run("train", cfg.toString(), "--out", full.toString(), "--quiet");
                assertTrue(failed.code() != 0, "the 160 KiB disk filled during the run: " + failed.out());
                assertTrue(failed.err().contains("No space left on device"), failed.err());
                long saved = new CheckpointStore(full.resolve("checkpoints")).latest(like).orElseThrow().step();
                assertTrue(saved > 0 && saved < STEPS, "a complete earlier checkpoint is kept: " + saved);
                assertEquals(0, new ProcessBuilder("mount", "-o", "remount,size=16m", mnt.toString()).start().waitFor());
                CliRun.Result resumed = CliRun.run("train", "--resume", full.toString(), "--quiet");
                assertEquals(0, resumed.code(), resumed.err());
                assertSameAsUninterrupted(full);
                trials++;
                lost += rowsLostOrExtra(full);
            } finally {
                new ProcessBuilder("umount", mnt.toString()).start().waitFor();
            }
        }
        record("disk full during a checkpoint (" + (trials == 2 ? "simulated and tmpfs" : "simulated") + "), then resume", trials,
                lost == 0 ? trials : 0, lost);
    }
}
