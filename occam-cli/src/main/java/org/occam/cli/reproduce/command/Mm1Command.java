package org.occam.cli.reproduce.command;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.occam.lab.claim.Outcome;
import org.occam.lab.mm.MaxMarginSweep;
import org.occam.lab.seeds.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reproduce mm-1}: max-margin directions of GD and sign descent on separable data (docs/max-margin.md). */
@Command(name = "mm-1", description = "MM-1: GD on separable data turns towards the exact hard-margin SVM direction with"
        + " angle ~ 1/ln t (logistic and exponential loss); l-infinity steepest (sign) descent towards the l-infinity-margin"
        + " direction (float64, one random data set per seed).")
public final class Mm1Command extends SeededReproduction {

    @Option(names = "--samples", description = "Points per data set (default 5).")
    Integer samples;

    @Option(names = "--dim", description = "Features (default 8).")
    Integer dim;

    @Option(names = {"--max-steps", "--steps"}, description = "Descent steps (default 4194304 = 2^22).")
    Long steps;

    @Override
    protected String name() {
        return "mm-1";
    }

    @Override
    protected boolean seedsAsTasks() {
        return true;
    }

    @Override
    protected Outcome reproduce(Path dir, Seeds seeds, boolean quick, Consumer<String> log) {
        MaxMarginSweep.Settings d = quick ? MaxMarginSweep.Settings.quick() : MaxMarginSweep.Settings.defaults();
        MaxMarginSweep.Settings s = new MaxMarginSweep.Settings(or(samples, d.samples()), or(dim, d.dim()), d.dataMargin(),
                or(steps, d.steps()), d.windowLog2(), seed);
        log.accept("MM-1: " + s.samples() + " separable points in " + s.dim() + "-D per seed, " + s.steps()
                + " steps of GD (logistic, exponential) and l-infinity steepest descent, float64");
        return MaxMarginSweep.reproduce(s, seeds, quick, dir, log);
    }
}
