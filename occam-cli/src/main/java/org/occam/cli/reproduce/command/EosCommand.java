package org.occam.cli.reproduce.command;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.occam.lab.claim.Outcome;
import org.occam.lab.eos.EosSweep;
import org.occam.lab.seeds.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reproduce eos}: EOS-1 of METHODS §11, the sharpness against 2/h under full-batch GD. */
@Command(name = "eos", description = "EOS-1: full-batch GD on digits; lambda_max rises, then hovers near 2/h.")
public final class EosCommand extends SeededReproduction {

    @Option(names = "--lrs", description = "Learning rates, comma separated (default 0.05,0.06,0.07; --quick 0.05,0.2).")
    String lrs;

    @Option(names = {"--max-steps", "--steps"}, description = "Steps per run (default 3000).")
    Integer maxSteps;

    @Option(names = "--model", description = "Model spec (default mlp:64-64-10:tanh).")
    String model;

    @Option(names = "--samples", description = "Training rows (default 600 digits).")
    Integer samples;

    @Option(names = "--every", description = "Measure lambda_max every this many steps (default 20).")
    Integer every;

    @Override
    protected String name() {
        return "eos";
    }

    @Override
    protected boolean seedsAsTasks() {
        return true;
    }

    @Override
    protected Outcome reproduce(Path dir, Seeds seeds, boolean quick, Consumer<String> log) {
        EosSweep.Settings d = quick ? EosSweep.Settings.quick() : EosSweep.Settings.defaults();
        EosSweep.Settings s = new EosSweep.Settings(or(model, d.model()), or(samples, d.samples()),
                lrs != null ? Lists.numbers("--lrs", lrs, false) : d.lrs(), or(maxSteps, d.steps()), or(every, d.every()),
                d.lanczosSteps(), seed);
        log.accept("EOS-1 on digits: " + s.model() + ", " + s.samples() + " samples, full-batch GD for " + s.steps()
                + " steps, lambda_max every " + s.every() + " steps; seeds " + seeds.first() + ".." + (seeds.first()
                + seeds.count() - 1));
        return EosSweep.reproduce(s, seeds, quick, dir, log);
    }
}
