package org.occam.cli.reproduce.command;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.occam.lab.claim.Outcome;
import org.occam.lab.hom.HomSweep;
import org.occam.lab.seeds.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.occam.lab.report.Rates;

/** {@code reproduce hom-1}: HOM-1 of METHODS §11, margins and directions of a homogeneous network under GD. */
@Command(name = "hom-1", description = "HOM-1: a bias-free ReLU net under long full-batch GD on the logistic loss (float64);"
        + " smoothed margin, parameter norm against log t, directional convergence and alignment.")
public final class Hom1Command extends SeededReproduction {

    @Option(names = "--data", description = "separable (2-D points, default) or digits01.")
    String data;

    @Option(names = "--model", description = "A bias-free ReLU model spec (default mlp:2-32-1:relu:nobias for separable).")
    String model;

    @Option(names = "--samples", description = "Training points (default 100).")
    Integer samples;

    @Option(names = "--lr", description = "The GD step size h (default 1).")
    Double lr;

    @Option(names = {"--max-steps", "--steps"}, description = "GD steps (default 131072).")
    Integer maxSteps;

    @Option(names = "--every", description = "Measure the margins every this many steps (default 32).")
    Integer every;

    @Override
    protected String name() {
        return "hom-1";
    }

    @Override
    protected boolean seedsAsTasks() {
        return true;
    }

    @Override
    protected Outcome reproduce(Path dir, Seeds seeds, boolean quick, Consumer<String> log) {
        HomSweep.Settings d = quick ? HomSweep.Settings.quick() : HomSweep.Settings.defaults();
        String set = or(data, d.data());
        HomSweep.Settings s = new HomSweep.Settings(set, model != null ? model : quick && set.equals(d.data()) ? d.model() : HomSweep.Settings.defaultModel(set),
                or(samples, d.samples()), d.dataMargin(), or(lr, d.lr()), maxSteps != null ? maxSteps : d.steps(),
                or(every, d.marginEvery()), d.directionEvery(), seed);
        log.accept("HOM-1: " + s.model() + " on " + s.data() + " (" + s.samples() + " points), full-batch GD in float64"
                + " with the logistic loss, " + Rates.h(s.lr()) + ", " + s.steps() + " steps");
        return HomSweep.reproduce(s, seeds, quick, dir, log);
    }
}
