package org.occam.cli.reproduce.command;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.occam.cli.run.SparkProcess;
import org.occam.lab.claim.Outcome;
import org.occam.lab.seeds.SeedBackend;
import org.occam.lab.seeds.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * One {@code occam reproduce NAME} subcommand whose claims are judged over seeds (docs/claims.md):
 * {@code --seed} (the first seed), {@code --seeds N} (at least 5 unless {@code --quick}),
 * {@code --parallel N} runs at a time (results identical to a serial run), {@code --spark MASTER}
 * (each seed a Spark task, for reproductions whose seeds run as tasks), {@code --quick} (tiny
 * settings for tests, verdicts not evidence), {@code --json} (the outcome as JSON on standard
 * output, progress on standard error) and {@code --out}. A subclass parses its own options and
 * calls its lab reproduction, which writes the report and returns the {@link Outcome}. The report
 * folder is created and checked before anything is computed ({@link OutputFolder}).
 */
@Command(mixinStandardHelpOptions = true)
public abstract class SeededReproduction implements Callable<Integer> {

    @Option(names = "--seed", defaultValue = "0", description = "The first seed (default ${DEFAULT-VALUE}).")
    protected long seed;

    @Option(names = "--out", description = "Folder for the report (default runs/NAME).")
    protected Path out;

    @Option(names = "--seeds", description = "Seeds --seed, --seed + 1, ...: at least 5 unless --quick (default: 5, 2 with"
            + " --quick; dd-4: 10).")
    Integer seeds;

    @Option(names = "--parallel", description = "Runs at once on a local pool, each single-threaded; results are"
            + " identical to a serial run (default 1; igr-lr-sweep: the kernel threads).")
    Integer parallel;

    @Option(names = "--spark", paramLabel = "MASTER", arity = "0..1", fallbackValue = "",
            description = {"Run each seed as a task on Apache Spark (module occam-spark): a master such as local[2] or",
                "spark://host:7077, or nothing under spark-submit; per-seed results have the bits of a local run."})
    String spark;

    @Spec
    CommandSpec commandSpec;

    @Option(names = "--quick", description = "Tiny settings, for tests and a first look: the verdicts are NOT evidence.")
    boolean quick;

    @Option(names = "--json", description = "Print the outcome (the claims table's fields, per-seed values, the setting"
            + " and the reproduction's own fields) as JSON on standard output; progress goes to standard error.")
    boolean json;

    /** The subcommand's name, e.g. "eos" (also the default report folder under runs/). */
    protected abstract String name();

    /** The seeds of a full run when {@code --seeds} is not given. */
    protected int defaultSeeds() {
        return Seeds.MIN_EVIDENCE;
    }

    /**
     * Whether its seeds run as separate tasks ({@code SeedRuns.reproduce}), so that {@code --spark}
     * works; false refuses {@code --spark} in one line.
     */
    protected boolean seedsAsTasks() {
        return false;
    }

    /** The runs at once when {@code --parallel} is not given. */
    protected int defaultParallel() {
        return 1;
    }

    /** Runs the reproduction over {@code seeds} (tiny settings when {@code quick}), writing its report into {@code dir}. */
    protected abstract Outcome reproduce(Path dir, Seeds seeds, boolean quick, Consumer<String> log) throws Exception;

    @Override
    public final Integer call() throws Exception {
        int n = seeds != null ? seeds : quick ? 2 : defaultSeeds();
        if (!quick && n < Seeds.MIN_EVIDENCE) {
            throw new IllegalArgumentException("--seeds: a run without --quick needs at least " + Seeds.MIN_EVIDENCE
                    + " seeds (got " + n + "); add --quick for a smaller, non-evidential run");
        }
        SeedBackend backend = null;
        if (spark != null) {
            if (!seedsAsTasks()) {
                throw new UnsupportedOperationException("--spark: reproduce " + name() + " does not run its seeds as"
                        + " separate tasks yet; run it on this machine with --parallel N");
            }
            if (parallel != null) {
                throw new IllegalArgumentException("--parallel is for the local pool; with --spark the master sets how many"
                        + " seeds run at a time (local[N]: N)");
            }
            backend = SeedBackend.open("spark", spark.isBlank() ? null : spark);
            if (backend == null) {
                return SparkProcess.run("org.occam.cli.Main", commandSpec.commandLine().getParseResult().originalArgs(), spark);
            }
        }
        try (SeedBackend b = backend) {
            return run(new Seeds(seed, n, parallel != null ? parallel : defaultParallel(), b));
        }
    }

    /** Runs the reproduction over the seeds and prints its outcome. */
    private int run(Seeds s) throws Exception {
        Consumer<String> log = json ? System.err::println : System.out::println;
        OutputFolder folder = OutputFolder.prepare(out != null ? out : Path.of("runs", name()), "--out");
        Outcome o;
        try {
            o = reproduce(folder.dir(), s, quick, log);
        } catch (Exception | Error e) {
            folder.discardIfEmpty();
            throw e;
        }
        if (json) {
            System.out.println(o.json());
        } else {
            System.out.println();
            o.lines().forEach(System.out::println);
        }
        if (o.report() != null) {
            PrintStream tail = json ? System.err : System.out;
            tail.println();
            tail.println("report: " + o.report().toAbsolutePath());
        }
        return 0;
    }

    /** The value if given, else the default. */
    protected static <T> T or(T given, T fallback) {
        return given != null ? given : fallback;
    }
}
