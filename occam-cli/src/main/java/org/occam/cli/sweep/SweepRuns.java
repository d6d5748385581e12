package org.occam.cli.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.occam.cli.config.Configs;
import org.occam.cli.config.RunConfig;
import org.occam.cli.run.MetricsLog;
import org.occam.cli.run.Progress;
import org.occam.cli.run.RunDir;
import org.occam.cli.run.Runner;
import org.occam.cli.run.StatusFile;
import org.occam.io.FolderLock;
import org.occam.io.FolderLockedException;
import org.occam.train.MetricsSink;
import org.occam.train.RunStatus;

/**
 * The per-run function of a sweep, the same on the local pool and on Spark executors: one
 * {@link RunTask} in, its run folder brought to an end, one {@link RunResult} out. A run that has
 * completed or diverged is skipped; one with a config.yaml but no end (killed, or failed) is
 * resumed from its latest checkpoint; anything else starts afresh. It never throws: a run that
 * cannot start is recorded as failed in its status.json.
 */
public final class SweepRuns {
    private SweepRuns() {
    }

    /** Test hook: a metrics observer for the run with the given id (null: none), to simulate a crash mid-run. */
    static volatile Function<String, MetricsSink> tapForTests;

    private static final PrintStream NOWHERE = new PrintStream(java.io.OutputStream.nullOutputStream());

    /**
     * Brings the run to an end (or finds it ended) and reads its result. The run folder is locked
     * for the whole of it, so a ghost still writing the run (or a second sweep) makes this run
     * fail with the holder named, its files untouched.
     */
    public static RunResult execute(RunTask t) {
        Path dir = Path.of(t.sweepDir()).resolve(t.id());
        long t0 = System.nanoTime();
        String action = "ran";
        Function<String, MetricsSink> hook = tapForTests;
        Runner.Options o = new Runner.Options(Progress.Mode.QUIET, NOWHERE, NOWHERE, hook == null ? null : hook.apply(t.id()));
        try (FolderLock lock = FolderLock.acquire(dir, "./occam sweep, run " + t.id())) {
            Optional<RunStatus> prior = StatusFile.read(dir.resolve("status.json"));
            boolean started = Files.isRegularFile(dir.resolve("config.yaml"));
            if (started && prior.isPresent() && finished(prior.get().state())) {
                action = "skipped";
            } else if (started) {
                action = "resumed";
                Runner.resume(dir, o);
            } else {
                clearUnstarted(dir);
                RunConfig c = Configs.parseRun(t.configYaml(), t.id() + "/config.yaml", t.id(), dir, List.of());
                Runner.start(c, dir, o);
            }
        } catch (FolderLockedException e) {
            return new RunResult(t.index(), t.id(), "failed", "failed", 0, e.getMessage(), new LinkedHashMap<>(),
                    (System.nanoTime() - t0) / 1e9);
        } catch (Runner.RunInterrupted e) {
            action = "interrupted";
        } catch (Runner.RunFailed e) {
            // status.json says failed, with the error; the sweep goes on
        } catch (RuntimeException | Error e) {
            action = "failed";
            recordFailure(dir, t, e);
        }
        return read(t, dir, action, (System.nanoTime() - t0) / 1e9);
    }

    static boolean finished(RunStatus.State s) {
        return s == RunStatus.State.COMPLETED || s == RunStatus.State.DIVERGED;
    }

    /** A run that could not start (its experiment could not be built): a folder with status.json only. */
    private static void recordFailure(Path dir, RunTask t, Throwable e) {
        try {
            Files.createDirectories(dir);
            if (!Files.isRegularFile(dir.resolve("config.yaml"))) {
                StatusFile.write(dir.resolve("status.json"), RunStatus.failed(0, e.getMessage() == null ? e.toString()
                        : e.getMessage()), 0, t.id());
            } else if (StatusFile.read(dir.resolve("status.json")).map(s -> !finished(s.state())).orElse(true)) {
                StatusFile.write(dir.resolve("status.json"), RunStatus.failed(0, e.toString()), 0, t.id());
            }
        } catch (IOException | RuntimeException ignored) {
            // the result row still says failed
        }
    }

    /** Empties a run folder that never got a config.yaml (a run that could not start, or was killed while starting), its lock aside. */
    private static void clearUnstarted(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir) && !p.equals(dir.resolve(FolderLock.FILE))) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The result of the run in {@code dir}, from its status.json and metrics.jsonl. */
    static RunResult read(RunTask t, Path dir, String action, double seconds) {
        String state = "failed";
        long step = 0;
        String message = "no status.json in " + dir;
        try {
            Optional<RunStatus> s = StatusFile.read(dir.resolve("status.json"));
            if (s.isPresent()) {
                state = s.get().state().name().toLowerCase(Locale.ROOT);
                step = s.get().step();
                message = s.get().message();
            }
        } catch (RuntimeException e) {
            message = e.getMessage();
        }
        LinkedHashMap<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("final_step", step);
        List<JsonNode> rows = MetricsLog.read(new RunDir(dir).metrics());
        JsonNode finalRow = null;
        JsonNode lastStep = null;
        for (JsonNode r : rows) {
            if (r.path("final").asBoolean(false)) {
                finalRow = r;
            } else if (r.has("loss")) {
                lastStep = r;
            }
        }
        if (rows.stream().noneMatch(r -> r.has("loss.d"))) {
            // a game run's rows hold per-player losses (loss.d, loss.g) instead: its table has final_loss.d, ...
            metrics.put("final_loss", lastStep == null ? Double.NaN : number(lastStep.get("loss")));
        }
        if (finalRow != null && state.equals("completed")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = finalRow.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("step") || e.getKey().equals("final") || !(e.getValue().isNumber() || e.getValue().isNull())) {
                    continue;
                }
                metrics.put("final_" + e.getKey(), e.getValue().isIntegralNumber() ? (Object) e.getValue().longValue()
                        : number(e.getValue()));
            }
        }
        return new RunResult(t.index(), t.id(), action, state, step, message, metrics, seconds);
    }

    private static double number(JsonNode v) {
        return v == null || !v.isNumber() ? Double.NaN : v.doubleValue();
    }
}
