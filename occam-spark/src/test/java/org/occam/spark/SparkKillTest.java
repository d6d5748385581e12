package org.occam.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.cli.Main;
import org.occam.cli.run.ParentWatch;
import org.occam.io.FaultPoints;
import org.occam.io.FolderLock;

/**
 * {@code occam sweep --spark local[2]} as {@code ./occam} runs it: a CLI JVM without occam-spark that
 * starts the Spark JVM as its child. Killing the CLI with SIGTERM (its shutdown hook ends the child)
 * or SIGKILL (the child's {@link ParentWatch} sees its parent gone) leaves no process behind, checked
 * by listing every process whose command line names the sweep folder; the rerun (on the local pool,
 * which runs the same per-run function as a Spark task) then completes every run with all its
 * metrics rows, none twice.
 */
class SparkKillTest {
    static final int STEPS = 150;

    @Test
    void aKilledSparkSweepLeavesNoProcessAndTheRerunCompletes(@TempDir Path dir) throws Exception {
        Path home = fakeHome(dir);
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, """
                name: killed
                base:
                  model: mlp:64-16-10:tanh
                  data: digits
                  lr: 0.1
                  train: {batch_size: 32, steps: %d, eval_every: 50, checkpoint_every: 10}
                grid:
                  lr: [0.1, 0.05]
                """.formatted(STEPS));
        for (String signal : List.of("TERM", "KILL")) {
            Path out = dir.resolve("sweep-" + signal);
            Path log = dir.resolve(signal + ".log");
            Process cli = cli(home, log, file.toString(), "--out", out.toString(), "--spark", "local[2]", "--quiet", "--no-report");
            assertTrue(await(cli, () -> rows(out) >= 10, 300), "the Spark child trains: " + text(log));
            assertFalse(marked(out).stream().filter(h -> h.pid() != cli.pid()).toList().isEmpty(), "a child JVM runs the sweep");
            new ProcessBuilder("kill", "-" + signal, Long.toString(cli.pid())).start().waitFor();
            assertTrue(cli.waitFor(120, TimeUnit.SECONDS));
            if (signal.equals("TERM")) {
                assertEquals(143, cli.exitValue(), text(log));
            }
            assertTrue(await(null, () -> marked(out).isEmpty(), 60), "left behind: " + marked(out).stream()
                    .map(h -> h.pid() + " " + commandLine(h)).collect(Collectors.joining("; ")));
            assertFalse(FolderLock.isHeld(out), "the sweep folder is free");
            List<String> states = new ArrayList<>();
            for (Path run : runs(out)) {
                assertFalse(FolderLock.isHeld(run), run + " is free");
                states.add(text(run.resolve("status.json")).replaceAll("^\\{\"state\":\"(\\w+)\".*", "$1").strip());
            }
            assertTrue(states.stream().noneMatch(s -> s.equals("completed")), "killed mid-run: " + states);
            if (signal.equals("TERM")) {
                assertTrue(states.contains("interrupted"), "the child recorded its runs as interrupted: " + states);
            }

            // the rerun on the local pool (the same per-run function as Spark's tasks, without a second Spark start-up)
            assertEquals(0, Main.run("sweep", file.toString(), "--out", out.toString(), "--parallel", "2", "--quiet", "--no-report"));
            List<Path> runs = runs(out);
            assertEquals(2, runs.size());
            for (Path run : runs) {
                List<String> rows = Files.readAllLines(run.resolve("metrics.jsonl"));
                assertEquals(STEPS + 1, rows.size(), run + ": every row once");
                for (int i = 0; i < STEPS; i++) {
                    assertTrue(rows.get(i).startsWith("{\"step\":" + i + ","), run + " row " + i + ": " + rows.get(i));
                }
                assertTrue(rows.get(STEPS).startsWith("{\"step\":" + STEPS + ",\"final\":true"));
                assertTrue(text(run.resolve("status.json")).startsWith("{\"state\":\"completed\""));
            }
            System.out.println("FAULT-TABLE | Spark sweep, CLI killed by SIG" + signal + ", then rerun | 1 | 1 | 0");
        }
    }

    /** An OCCAM_HOME whose occam-spark/target lists this test's classpath (an empty jar stands in for the module's). */
    private static Path fakeHome(Path dir) throws IOException {
        Path target = dir.resolve("home/occam-spark/target");
        Files.createDirectories(target);
        try (OutputStream o = Files.newOutputStream(target.resolve("occam-spark.jar")); JarOutputStream j = new JarOutputStream(o)) {
            j.flush();
        }
        Files.writeString(target.resolve("spark-classpath.txt"), System.getProperty("java.class.path"));
        return dir.resolve("home");
    }

    /** The CLI on a classpath without occam-spark's classes (as ./occam runs it), slowed so that it can be killed mid-run. */
    private static Process cli(Path home, Path log, String... args) throws IOException {
        String cp = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.contains("occam-spark" + File.separator + "target")).collect(Collectors.joining(File.pathSeparator));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Xmx512m", "-cp", cp, Main.class.getName(), "sweep"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OCCAM_HOME", home.toString());
        pb.environment().put("OCCAM_THREADS", "1");
        // reaches the child JVM too: every metrics row waits a little, so the runs are surely killed mid-way
        pb.environment().put("JAVA_TOOL_OPTIONS", "-D" + FaultPoints.PROPERTY + "=" + FaultPoints.METRICS_ROW + ":slow");
        return pb.start();
    }

    /** Live processes whose command line names {@code out}: the CLI and its Spark child. */
    private static List<ProcessHandle> marked(Path out) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).filter(h -> commandLine(h).contains(out.toString()))
                .toList();
    }

    /** The whole command line ({@code /proc/PID/cmdline} on Linux: the JDK's Info cuts it at 4096 characters). */
    private static String commandLine(ProcessHandle h) {
        Path proc = Path.of("/proc", Long.toString(h.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                return Files.readString(proc, StandardCharsets.ISO_8859_1).replace('\0', ' ');
            }
        } catch (IOException e) {
            // the process ended meanwhile
        }
        return h.info().commandLine().orElse("");
    }

    private static List<Path> runs(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(d -> Files.isDirectory(d) && !d.getFileName().toString().equals("results.parquet")).sorted().toList();
        }
    }

    private static long rows(Path out) {
        try {
            return runs(out).stream().mapToLong(r -> text(r.resolve("metrics.jsonl")).lines().count()).max().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String text(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean await(Process p, BooleanSupplier done, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return true;
            }
            if (p != null && !p.isAlive()) {
                return done.getAsBoolean();
            }
            Thread.sleep(20);
        }
        return false;
    }
}
