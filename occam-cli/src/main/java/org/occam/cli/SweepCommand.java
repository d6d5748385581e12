package org.occam.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.occam.cli.run.Interrupts;
import org.occam.cli.run.ParentWatch;
import org.occam.cli.run.SparkProcess;
import org.occam.cli.sweep.LocalPool;
import org.occam.cli.sweep.Sweep;
import org.occam.cli.sweep.SweepBackend;
import org.occam.cli.sweep.SweepFile;
import org.occam.cli.sweep.Sweeps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code occam sweep}: run a grid and/or random sweep of a config, locally or on Spark. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run every combination of a sweep file's axes (a base config plus grid and/or",
            "random axes and seeds: see examples/sweeps/README.md) into one folder: a run",
            "folder per run (id = index and parameters), results.csv (run, parameters,",
            "final metrics, state), report.html, and results.parquet with --spark.",
            "Every run's config is checked before any work starts. Re-running into the",
            "same folder skips completed and diverged runs and resumes the others from",
            "their checkpoints. A diverged or failed run is recorded and the sweep goes on;",
            "the exit code is 1 when a run failed. The sweep folder and each run folder are",
            "locked while in use (a second sweep into it refuses); SIGINT/SIGTERM mark the",
            "runs in progress interrupted, and a --spark child process ends with this one."},
        footer = {"", "Examples:", "  ./occam sweep examples/sweeps/digits_lr_batch.yaml --parallel 2",
            "  ./occam sweep examples/sweeps/digits_lr_batch.yaml --set train.steps=200 --out runs/lr-bs-short",
            "  ./occam sweep examples/sweeps/digits_lr_batch.yaml --spark local[2]"})
public final class SweepCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The sweep file (YAML).")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "Sweep folder (default runs/<sweep name>; re-running continues it).")
    Path out;

    @Option(names = "--parallel", paramLabel = "N",
            description = "Runs at a time on the local pool, each single-threaded when N > 1 (default 1).")
    Integer parallel;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a field of the base config, e.g. train.steps=100 (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--spark", paramLabel = "MASTER", arity = "0..1", fallbackValue = "",
            description = {"Run on Apache Spark (module occam-spark): a master such as local[2], or nothing",
                "under spark-submit. Each Spark task is one single-threaded run; writes results.parquet."})
    String spark;

    @Option(names = "--no-report", description = "Do not write report.html.")
    boolean noReport;

    @Option(names = "--quiet", description = "Print only the final summary.")
    boolean quiet;

    @Override
    public Integer call() {
        Sweep sweep = SweepFile.load(file, sets);
        Path dir = out != null ? out : Path.of("runs", sweep.name().replaceAll("[^A-Za-z0-9._-]", "_"));
        SweepBackend backend;
        if (spark == null) {
            backend = new LocalPool(parallel == null ? 1 : parallel, sweep.baseThreads());
        } else {
            if (parallel != null) {
                throw new IllegalArgumentException("--parallel is for the local pool; with --spark the master sets how many runs"
                        + " go at a time (local[N]: N)");
            }
            backend = sparkBackend(spark.isBlank() ? null : spark);
            if (backend == null) {
                return sparkProcess();
            }
        }
        Sweeps.Outcome o;
        try (backend) {
            o = Sweeps.run(sweep, dir, backend, new Sweeps.Options(quiet, !noReport, System.out, System.err));
        }
        return o.anyFailed() ? 1 : 0;
    }

    /** The Spark backend when occam-spark is on the classpath, else null. */
    static SweepBackend sparkBackend(String master) {
        for (SweepBackend.Provider p : ServiceLoader.load(SweepBackend.Provider.class)) {
            if (p.name().equals("spark")) {
                return p.open(master);
            }
        }
        return null;
    }

    /** Without occam-spark on the classpath (./occam puts only occam-cli's there), runs this command in a JVM with it. */
    private int sparkProcess() {
        List<String> cmd = new ArrayList<>(List.of(file.toString()));
        if (out != null) {
            cmd.addAll(List.of("--out", out.toString()));
        }
        for (String s : sets) {
            cmd.addAll(List.of("--set", s));
        }
        cmd.add("--spark=" + spark);
        if (noReport) {
            cmd.add("--no-report");
        }
        if (quiet) {
            cmd.add("--quiet");
        }
        return SparkProcess.run("org.occam.spark.SparkSweepMain", cmd, spark);
    }
}
