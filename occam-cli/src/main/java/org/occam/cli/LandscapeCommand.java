package org.occam.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import org.occam.autodiff.Params;
import org.occam.tensor.Recording;
import org.occam.cli.run.Experiment;
import org.occam.cli.run.RunDir;
import org.occam.cli.run.TrajectoryReplay;
import org.occam.data.Batch;
import org.occam.data.Dataset;
import org.occam.io.FolderLock;
import org.occam.lab.landscape.LandscapeReport;
import org.occam.lab.landscape.LandscapeResult;
import org.occam.lab.landscape.LandscapeSetting;
import org.occam.lab.landscape.LandscapeStudy;
import org.occam.nn.Mode;
import org.occam.nn.ModelState;
import org.occam.train.CheckpointStore;
import org.occam.train.Objective;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code occam landscape RUN_DIR}: the loss landscape of a trained run (docs/landscapes.md). */
@Command(name = "landscape", mixinStandardHelpOptions = true,
        description = {"Draw the loss landscape of a trained run: the training trajectory on its PCA plane, a slice along",
            "two filter-normalized random directions (contour and surface), and the loss on the straight line from the",
            "initialization to the solution. The trajectory is recorded by replaying the run from its saved config."},
        footer = {"", "Examples:", "  ./occam train examples/digits_mlp_sgd.yaml --out runs/sgd && ./occam landscape runs/sgd",
            "  ./occam landscape runs/sgd --to runs/sgd-seed1 --grid 41 --span 0.5"})
public final class LandscapeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A finished run folder (written by occam train).")
    Path run;

    @Option(names = "--out", description = "Output folder (default RUN_DIR/landscape).")
    Path out;

    @Option(names = "--to", paramLabel = "OTHER_RUN", description = "Also interpolate to the final parameters of this run"
            + " (same model).")
    Path other;

    @Option(names = "--snapshots", defaultValue = "40", description = "Iterates recorded along the trajectory (default ${DEFAULT-VALUE}).")
    int snapshots;

    @Option(names = "--grid", defaultValue = "25", description = "Points per axis of each 2-D slice (default ${DEFAULT-VALUE}).")
    int grid;

    @Option(names = "--span", defaultValue = "1.0", description = "Random slice over [-span, span]^2 in filter norms (default ${DEFAULT-VALUE}).")
    double span;

    @Option(names = "--line-points", defaultValue = "31", description = "Points of each interpolation over t in [-0.25, 1.25] (default ${DEFAULT-VALUE}).")
    int linePoints;

    @Option(names = "--points", defaultValue = "1024", description = "Training examples in every loss evaluation (default ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the random directions (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        LandscapeSetting setting = new LandscapeSetting(grid, span, linePoints, seed);
        if (points < 1) {
            throw new IllegalArgumentException("--points must be positive, got " + points);
        }
        RunDir.existing(run);
        if (other != null) {
            RunDir.existing(other);
        }
        // the run folder is read (config, checkpoints) and, by default, written (landscape/): hold its lock,
        // so a train --resume of the same folder cannot rotate checkpoints underneath
        try (FolderLock lock = FolderLock.acquire(run, "./occam landscape " + run);
             FolderLock otherLock = other == null ? null : FolderLock.acquire(other, "./occam landscape --to " + other)) {
            return draw(setting);
        }
    }

    private int draw(LandscapeSetting setting) throws IOException {
        Path dir = out != null ? out : run.resolve("landscape");
        Files.createDirectories(dir);
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException("--out " + dir + " is not writable");
        }
        System.err.println("replaying " + run + " to record its trajectory");
        TrajectoryReplay replay = TrajectoryReplay.of(run, snapshots);
        Experiment ex = replay.experiment();
        System.err.println("replay: " + replay.check());
        Objective plain = Objective.parse(ex.config().loss(), ex.model().bind(replay.state(), Mode.EVAL));
        Dataset train = ex.train().slice(0, Math.min(points, ex.train().size()));
        ToDoubleFunction<Params> trainLoss = loss(plain, train.all());
        ToDoubleFunction<Params> testLoss = ex.test() == null ? null
                : loss(plain, ex.test().slice(0, Math.min(points, ex.test().size())).all());
        Params to = other == null ? null : finalParams(other, ex, replay.state());
        LandscapeResult r = LandscapeStudy.run(trainLoss, testLoss, replay.trajectory(), to, train.size(), setting,
                System.err::println);
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("run", run.toString());
        about.put("name", ex.config().name());
        about.put("model", ex.config().model().spec());
        about.put("data", ex.train().name() + " (" + ex.train().size() + " training examples)");
        about.put("steps", ex.spec().steps());
        about.put("replay", replay.check());
        if (other != null) {
            about.put("other solution", other.toString());
        }
        Path html = LandscapeReport.write(dir, "Loss landscape: " + ex.config().name(), about, r);
        System.out.printf(Locale.ROOT, "landscape of %s: final train loss %.4g; PCA plane holds %.1f%% + %.1f%% of the"
                        + " trajectory's variance; %.1fs%n  %s%n  %s%n", run, r.initToFinal().loss()[indexOfOne(r)],
                100 * r.trajectory().explained()[0], 100 * r.trajectory().explained()[1], r.seconds(), html,
                dir.resolve("landscape.json"));
        return 0;
    }

    private static ToDoubleFunction<Params> loss(Objective objective, Batch batch) {
        return p -> Recording.noGrad(() -> objective.loss(p, batch)).item();
    }

    private static Params finalParams(Path otherRun, Experiment ex, ModelState state) {
        RunDir rd = RunDir.existing(otherRun);
        return new CheckpointStore(rd.checkpoints()).latest(ex.init(), state)
                .orElseThrow(() -> new IllegalArgumentException("--to " + otherRun + " has no checkpoint to interpolate to"))
                .params();
    }

    /** The index of t = 1 on the interpolation grid (the final parameters). */
    private static int indexOfOne(LandscapeResult r) {
        double[] t = r.initToFinal().t();
        int best = 0;
        for (int i = 1; i < t.length; i++) {
            if (Math.abs(t[i] - 1) < Math.abs(t[best] - 1)) {
                best = i;
            }
        }
        return best;
    }
}
