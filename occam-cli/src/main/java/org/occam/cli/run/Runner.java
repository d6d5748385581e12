package org.occam.cli.run;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.occam.cli.config.ConfigWriter;
import org.occam.cli.config.Configs;
import org.occam.cli.config.ExperimentConfig;
import org.occam.cli.config.GameConfig;
import org.occam.cli.config.RunConfig;
import org.occam.io.AtomicFiles;
import org.occam.io.FolderLock;
import org.occam.lab.report.Rates;
import org.occam.shard.ChunkRunner;
import org.occam.tensor.kernel.Parallel;
import org.occam.train.CheckpointStore;
import org.occam.train.MetricsSink;
import org.occam.train.RunStatus;
import org.occam.train.Trainer;

/**
 * Runs an experiment into a run folder ({@link RunDir}), or resumes one: builds the experiment
 * (every config and data problem surfaces before the folder is touched), writes the resolved
 * config, keeps status.json, metrics.jsonl and run.log current while the {@link Trainer} (or, for
 * a two-player game, {@link GameJob}'s loop) works, and exports metrics.csv at the end. A resumed
 * run continues from its latest checkpoint and ends with the same bits as an uninterrupted one.
 */
public final class Runner {
    private Runner() {
    }

    /** How a run talks to the console. */
    public record Options(Progress.Mode mode, PrintStream out, PrintStream err, MetricsSink tap) {
        /** Options with no extra row observer. */
        public Options(Progress.Mode mode, PrintStream out, PrintStream err) {
            this(mode, out, err, null);
        }
    }

    /** How a run ended. */
    public record Outcome(RunDir dir, RunStatus status, Map<String, Object> lastMetrics) {
    }

    /** A run that threw: status.json says failed; the message names the step and the log. */
    public static final class RunFailed extends RuntimeException {
        RunFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A run stopped by SIGINT/SIGTERM (or its parent's end): status.json says interrupted, with the
     * step and the command that resumes it; the message says the same.
     */
    public static final class RunInterrupted extends RuntimeException {
        RunInterrupted(String message) {
            super(message);
        }
    }

    private static final long STATUS_PERIOD_NANOS = 5_000_000_000L;

    /**
     * One kind of run as the runner drives it: a single-model {@link Experiment} ({@link ExperimentJob})
     * or a two-player game ({@link GameJob}). The runner owns the run folder's bookkeeping (config.yaml,
     * status.json, metrics.jsonl, run.log, metrics.csv, the summary); a job owns its training loop
     * and checkpoints.
     */
    interface Job {
        /** The config the job was built from. */
        RunConfig config();

        /** The run's total number of steps (rounds). */
        long totalSteps();

        /** Lines describing what is trained, for run.log and the console (data, model, optimizer, ...). */
        List<String> describe();

        /**
         * The step the newest valid checkpoint in {@code rd} continues from, 0 without one; a
         * fallback past an unreadable newer checkpoint is said on {@code err}.
         */
        long resumeStep(RunDir rd, PrintStream err);

        /** Trains from the latest checkpoint in {@code rd} (or from the start), passing every metrics row to {@code sink}. */
        Ended train(RunDir rd, MetricsSink sink);

        /** The final metrics the summary line shows, when present. */
        List<String> summaryKeys();

        /** Whether a completed run learned ({@link NoLearning}); empty for jobs where that has no meaning (games). */
        default Optional<String> didNotLearn(RunDir rd) {
            return Optional.empty();
        }

        /** The row {@link Progress} shows (it reads "step", "loss" and the accuracies). */
        default Map<String, Object> progressRow(Map<String, Object> row) {
            return row;
        }
    }

    /** How a job's training ended: its status and its last metrics row. */
    record Ended(RunStatus status, Map<String, Object> lastMetrics) {
    }

    /**
     * Starts a new run of {@code config} in {@code dir} (created; it must not hold anything yet). The
     * folder is locked ({@link FolderLock}) for the whole run, and checked for emptiness under the lock.
     */
    public static Outcome start(RunConfig config, Path dir, Options o) {
        Job job = job(config);
        interruptedBeforeStart(dir);
        RunDir.requireCreatable(dir);
        try (FolderLock lock = FolderLock.acquire(dir, "./occam train --out " + dir)) {
            RunDir rd = RunDir.create(dir);
            try {
                AtomicFiles.writeString(rd.config(), ConfigWriter.toYaml(config));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + rd.config() + ": " + e.getMessage(), e);
            }
            return run(job, rd, 0, o);
        }
    }

    /**
     * Continues the run in {@code dir} from its latest checkpoint, with the config saved there; the
     * folder is locked for the whole run, so a second resume of it refuses.
     */
    public static Outcome resume(Path dir, Options o) {
        RunDir.existing(dir);
        interruptedBeforeStart(dir);
        try (FolderLock lock = FolderLock.acquire(dir, "./occam train --resume " + dir)) {
            RunDir rd = RunDir.existing(dir);
            Optional<RunStatus> prior = StatusFile.read(rd.status());
            if (prior.isPresent() && (prior.get().state() == RunStatus.State.COMPLETED
                    || prior.get().state() == RunStatus.State.DIVERGED)) {
                o.err().println("occam: " + dir + " has already " + prior.get().state().name().toLowerCase(Locale.ROOT)
                        + " at step " + prior.get().step() + "; nothing to resume");
                return new Outcome(rd, prior.get(), Map.of());
            }
            return continueRun(rd, o);
        }
    }

    /** A run asked to start while the process shuts down does not start (a sweep's queued runs). */
    private static void interruptedBeforeStart(Path dir) {
        if (Interrupts.requested()) {
            throw new RunInterrupted("not started: the process is shutting down (" + dir + ")");
        }
    }

    /**
     * Continues the run in {@code dir}, completed or not, up to {@code steps} steps in all: its saved
     * config gets {@code train.steps = steps} (more than the steps already done), then it resumes from
     * its latest checkpoint. The folder is locked for the whole run, as for {@link #resume}.
     */
    public static Outcome extend(Path dir, long steps, Options o) {
        RunDir.existing(dir);
        interruptedBeforeStart(dir);
        try (FolderLock lock = FolderLock.acquire(dir, "./occam train --resume " + dir + " --set train.steps=" + steps)) {
            RunDir rd = RunDir.existing(dir);
            Optional<RunStatus> prior = StatusFile.read(rd.status());
            if (prior.isPresent() && prior.get().state() == RunStatus.State.DIVERGED) {
                throw new IllegalArgumentException(dir + " diverged at step " + prior.get().step() + "; a diverged run cannot be"
                        + " continued: start a new one");
            }
            long done = prior.map(RunStatus::step).orElse(0L);
            if (steps <= done) {
                throw new IllegalArgumentException("--set train.steps=" + steps + ": the run in " + dir + " is already at step "
                        + done + "; give more steps than that");
            }
            RunConfig longer = Configs.loadRun(rd.config(), List.of("train.steps=" + steps));
            try {
                AtomicFiles.writeString(rd.config(), ConfigWriter.toYaml(longer));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + rd.config() + ": " + e.getMessage(), e);
            }
            return continueRun(rd, o);
        }
    }

    /** Resumes the (locked) run in {@code rd} from its latest readable checkpoint. */
    private static Outcome continueRun(RunDir rd, Options o) {
        Job job = job(Configs.loadRun(rd.config(), List.of()));
        long from = job.resumeStep(rd, o.err());
        MetricsLog.truncateFrom(rd.metrics(), from, job.totalSteps());
        return run(job, rd, from, o);
    }

    /** Builds the job of a config: every config and data problem surfaces here, before a folder is touched. */
    private static Job job(RunConfig config) {
        return switch (config) {
            case ExperimentConfig e -> new ExperimentJob(Experiment.build(e));
            case GameConfig g -> GameJob.build(g);
        };
    }

    private static Outcome run(Job job, RunDir rd, long from, Options o) {
        RunConfig c = job.config();
        long total = job.totalSteps();
        int threadsBefore = Parallel.threads();
        if (c.threads() > 0) {
            Parallel.setThreads(c.threads());
        }
        long t0 = System.nanoTime();
        try (Interrupts.Active active = Interrupts.enter(); RunLog log = RunLog.append(rd.log());
             MetricsLog metrics = MetricsLog.append(rd.metrics())) {
            header(job, rd, from, log, o);
            StatusFile.write(rd.status(), RunStatus.running(from), total, c.name());
            Progress progress = new Progress(o.mode(), o.err(), log, from, total);
            long[] lastStatus = {System.nanoTime()};
            long[] lastStep = {from};
            ConvergenceWarnings convergence = new ConvergenceWarnings(log, o.mode() == Progress.Mode.QUIET ? null : o.err());
            MetricsSink sink = row -> {
                if (Interrupts.requested()) {
                    throw new RunInterrupted("interrupted");
                }
                metrics.accept(row);
                convergence.row(row);
                progress.row(job.progressRow(row));
                lastStep[0] = ((Number) row.get("step")).longValue();
                if (o.tap() != null) {
                    o.tap().accept(row);
                }
                if (System.nanoTime() - lastStatus[0] > STATUS_PERIOD_NANOS) {
                    StatusFile.write(rd.status(), RunStatus.running(lastStep[0]), total, c.name());
                    lastStatus[0] = System.nanoTime();
                }
            };
            Ended r;
            try {
                r = job.train(rd, sink);
            } catch (RuntimeException | Error e) {
                FirstFailure.attempt(e, progress::finish);
                if (Interrupts.requested()) {
                    throw interrupted(rd, lastStep[0], total, c.name(), log, o);
                }
                // Recording the failure may fail too (disk full): those failures are kept as suppressed, the first is reported.
                FirstFailure.attempt(e, () -> StatusFile.write(rd.status(), RunStatus.failed(lastStep[0], e.toString()),
                        total, c.name()));
                FirstFailure.attempt(e, () -> log.error("failed at step " + lastStep[0], e));
                FirstFailure.attempt(e, () -> MetricsCsv.export(rd));
                throw new RunFailed("run failed at step " + lastStep[0] + ": " + e + " (see " + rd.log() + ")", e);
            }
            progress.finish();
            RunStatus status = r.status();
            if (status.state() == RunStatus.State.COMPLETED && status.step() >= NoLearning.MIN_STEPS) {
                status = job.didNotLearn(rd).map(why -> new RunStatus(RunStatus.State.COMPLETED, r.status().step(), why))
                        .orElse(status);
            }
            StatusFile.write(rd.status(), status, total, c.name());
            MetricsCsv.export(rd);
            String summary = summary(status, r.lastMetrics(), (System.nanoTime() - t0) / 1e9, rd.root(), job.summaryKeys());
            log.line(summary);
            o.out().println(summary);
            return new Outcome(rd, status, r.lastMetrics());
        } finally {
            if (c.threads() > 0) {
                Parallel.setThreads(threadsBefore);
            }
        }
    }

    /** Records an interruption: status.json (step and resume command), run.log, metrics.csv, one line on the console. */
    private static RunInterrupted interrupted(RunDir rd, long step, long total, String name, RunLog log, Options o) {
        Thread.interrupted(); // a signal may have interrupted this thread's I/O; the bookkeeping below must still happen
        String how = "resume with ./occam train --resume " + rd.root();
        String msg = "interrupted at step " + step + " (SIGINT/SIGTERM or the parent process ended); " + how;
        StatusFile.write(rd.status(), RunStatus.interrupted(step, msg), total, name);
        log.line(msg);
        MetricsCsv.export(rd);
        o.err().println("occam: " + rd.root() + ": " + msg);
        return new RunInterrupted(msg);
    }

    private static void header(Job job, RunDir rd, long from, RunLog log, Options o) {
        String name = job.config().name();
        String start = (from > 0 ? "resuming " + name + " at step " + from : "starting " + name) + " in " + rd.root();
        List<String> lines = new ArrayList<>(List.of(start));
        lines.addAll(job.describe());
        for (String l : lines) {
            log.line(l);
            if (o.mode() != Progress.Mode.QUIET) {
                o.err().println(l);
            }
        }
    }

    /** A single-model experiment, trained by the {@link Trainer}. */
    private record ExperimentJob(Experiment ex) implements Job {
        @Override
        public RunConfig config() {
            return ex.config();
        }

        @Override
        public long totalSteps() {
            return ex.spec().steps();
        }

        @Override
        public List<String> describe() {
            ExperimentConfig c = ex.config();
            String data = "data: train " + ex.train().name() + " (" + ex.train().size() + " samples)"
                    + (ex.test() == null ? ", no test set" : ", test " + ex.test().name() + " (" + ex.test().size() + " samples)")
                    + (ex.spec().augment().isIdentity() ? "" : ", training batches augmented: " + ex.spec().augment().describe());
            String setup = "model " + c.model().spec() + " (" + ex.init().numel() + " parameters, " + c.dtype() + "), loss "
                    + c.loss() + (c.regularizers().isEmpty() ? "" : " + " + c.regularizers().stream()
                    .map(r -> r.name()).reduce((a, b) -> a + " + " + b).orElse("")) + ", " + ex.optimizer().describe()
                    + ", lr " + c.lr().name() + " " + rateParams(c.lr().params()) + ", " + ex.spec().steps() + " steps of batch "
                    + Math.min(ex.spec().batchSize(), ex.train().size()) + ", seed " + c.seed();
            List<String> lines = new ArrayList<>(List.of(data, setup));
            lines.addAll(ex.initNotes());
            String spark = c.train().spark();
            if (spark != null) {
                lines.add("full-batch gradients on Spark " + spark + " (docs/sharded-objective.md), chunks of "
                        + c.train().chunk() + " examples");
            }
            return lines;
        }

        @Override
        public long resumeStep(RunDir rd, PrintStream err) {
            return store(rd, err).latest(ex.init(), ex.model().initState(ex.init().dtype())).map(CheckpointStore.Saved::step).orElse(0L);
        }

        @Override
        public Ended train(RunDir rd, MetricsSink sink) {
            if (ex.config().train().spark() != null) {
                try (ChunkRunner runner = FullBatchOnSpark.open(ex)) {
                    Trainer.Result r = Trainer.run(FullBatchOnSpark.on(ex, runner).setup(sink, store(rd, null)));
                    return new Ended(r.status(), r.lastMetrics());
                }
            }
            Trainer.Result r = Trainer.run(ex.setup(sink, store(rd, null)));
            return new Ended(r.status(), r.lastMetrics());
        }

        @Override
        public List<String> summaryKeys() {
            return List.of("train_loss", "train_accuracy", "test_loss", "test_accuracy");
        }

        @Override
        public Optional<String> didNotLearn(RunDir rd) {
            return NoLearning.judge(rd.metrics(), ex.train().numClasses());
        }

        /** The run's checkpoint store, with its history length; fallbacks are said on {@code err} (when not null). */
        private CheckpointStore store(RunDir rd, PrintStream err) {
            return new CheckpointStore(rd.checkpoints(), ex.config().train().keepCheckpoints(), notes(err));
        }
    }

    /** Checkpoint notes as warnings on {@code err}; none when {@code err} is null. */
    static Consumer<String> notes(PrintStream err) {
        return err == null ? note -> { } : note -> err.println("occam: warning: " + note);
    }

    /**
     * The final line, e.g. {@code completed 1000 steps in 12.3 s: train_loss 0.0123, test_accuracy 0.9666 → DIR}, with
     * those of {@code keys} that the last row holds (numbers with 4 decimals, integers as they are).
     */
    static String summary(RunStatus s, Map<String, Object> last, double seconds, Path dir, List<String> keys) {
        StringBuilder sb = new StringBuilder();
        switch (s.state()) {
            case COMPLETED -> sb.append("completed ").append(s.step()).append(" steps")
                    .append(s.message() != null && s.message().startsWith("did not learn") ? " but " + s.message() : "");
            case DIVERGED -> sb.append("diverged at step ").append(s.step()).append(" (").append(s.message()).append(")");
            default -> sb.append(s.state().name().toLowerCase(Locale.ROOT)).append(" at step ").append(s.step());
        }
        sb.append(String.format(Locale.ROOT, " in %.1f s", seconds));
        String sep = ": ";
        for (String k : keys) {
            Object v = last == null ? null : last.get(k);
            String text = v instanceof Double d ? (d.isNaN() ? null : String.format(Locale.ROOT, "%.4f", d))
                    : v instanceof Long || v instanceof Integer ? v.toString() : null;
            if (text != null) {
                sb.append(sep).append(k).append(' ').append(text);
                sep = ", ";
            }
        }
        return sb.append(" -> ").append(dir).toString();
    }

    /** The learning-rate rule's parameters, numbers as rates are printed ({@link Rates}): {base=0.1, warmup=0}. */
    private static String rateParams(Map<String, Object> params) {
        Map<String, String> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, v instanceof Double d ? Rates.num(d) : String.valueOf(v)));
        return out.toString();
    }
}
