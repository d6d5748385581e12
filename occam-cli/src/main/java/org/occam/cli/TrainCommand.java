package org.occam.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.occam.cli.config.Configs;
import org.occam.cli.config.ExperimentConfig;
import org.occam.cli.config.RunConfig;
import org.occam.cli.run.Progress;
import org.occam.cli.run.Runner;
import org.occam.cli.run.SparkProcess;
import org.occam.nn.Models;
import org.occam.shard.ChunkRunners;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code occam train}: run an experiment from a YAML config into a run folder, or resume one. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train as a YAML config says (model, data, loss, optimizer, lr, regularizers,",
            "monitors, steps or epochs, seed, dtype, threads: see examples/README.md), or a",
            "two-player game such as a GAN (a top-level game: section, same folder layout).",
            "The whole config is checked before any work starts. The run folder gets",
            "config.yaml (resolved), metrics.jsonl, metrics.csv, checkpoints/,",
            "status.json and run.log. A diverged run exits 0 (status.json: diverged);",
            "a failed run exits 1 (status.json: failed, with the error). SIGINT/SIGTERM stop it",
            "at the next step: status.json says interrupted, with the resume command (exit 130/143).",
            "The folder is locked while a run works in it: a second train or resume refuses."},
        footer = {"", "Examples:", "  ./occam train examples/digits_mlp_sgd.yaml",
            "  ./occam train examples/two_moons.yaml --out runs/moons --set lr.base=0.3",
            "  ./occam train examples/gan_ring.yaml --set game.regularizers=sga",
            "  ./occam train --resume runs/moons",
            "  ./occam train examples/resnet20_fashion_mnist.yaml --set train.steps=20",
            "", "Model specs (model.spec): " + Models.GRAMMAR})
public final class TrainCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "The experiment config (YAML).")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder (new or empty; default runs/<name>-<time>).")
    Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config field, e.g. train.steps=100 or optimizer={name: adam} (repeatable).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run in DIR from its latest checkpoint (reads DIR/config.yaml).")
    Path resume;

    @Option(names = "--quiet", description = "Print only the final summary.")
    boolean quiet;

    @Spec
    CommandSpec commandSpec;

    @Override
    public Integer call() {
        boolean terminal = System.console() != null && System.console().isTerminal();
        Runner.Options options = new Runner.Options(Progress.modeFor(quiet, terminal), System.out, System.err);
        String master = sparkMaster();
        if (master != null && !ChunkRunners.available("spark")) {
            return SparkProcess.run("org.occam.cli.Main", commandSpec.commandLine().getParseResult().originalArgs(), master);
        }
        try {
            if (resume != null) {
                boolean longer = sets.size() == 1 && sets.getFirst().startsWith("train.steps=");
                if (config != null || out != null || !(sets.isEmpty() || longer)) {
                    throw new IllegalArgumentException("--resume takes only the run folder (a resumed run uses its saved"
                            + " config.yaml, unchanged), or the run folder and --set train.steps=N to continue it to N steps");
                }
                if (longer) {
                    Runner.extend(resume, steps(sets.getFirst().substring("train.steps=".length()).strip()), options);
                    return 0;
                }
                Runner.resume(resume, options);
                return 0;
            }
            if (config == null) {
                throw new IllegalArgumentException("give a config file (./occam train CONFIG.yaml) or --resume DIR");
            }
            RunConfig c = Configs.loadRun(config, sets);
            Runner.start(c, out != null ? out : defaultDir(c.name()), options);
            return 0;
        } catch (Runner.RunFailed e) {
            System.err.println("occam: " + e.getMessage());
            return 1;
        } catch (Runner.RunInterrupted e) {
            return 130; // the line is printed; the JVM exits with 130 (SIGINT) or 143 (SIGTERM) after its shutdown hooks
        }
    }

    private static long steps(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--set train.steps=" + value + ": not a whole number of steps");
        }
    }

    /** The config's train.spark, when it has one (occam-spark must then be on the class path). */
    private String sparkMaster() {
        RunConfig c;
        if (resume != null) {
            if (!Files.isRegularFile(resume.resolve("config.yaml"))) {
                return null; // the resume itself says what is missing
            }
            c = Configs.loadRun(resume.resolve("config.yaml"), List.of());
        } else if (config != null) {
            c = Configs.loadRun(config, sets);
        } else {
            return null;
        }
        return c instanceof ExperimentConfig e ? e.train().spark() : null;
    }

    /** runs/NAME-yyyyMMdd-HHmmss, with a suffix if that exists. */
    static Path defaultDir(String name) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        Path p = Path.of("runs", safe + "-" + stamp);
        for (int i = 2; Files.exists(p); i++) {
            p = Path.of("runs", safe + "-" + stamp + "-" + i);
        }
        return p;
    }
}
