package org.occam.cli.reproduce.command;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.occam.lab.claim.Outcome;
import org.occam.lab.clr.ClrSweep;
import org.occam.lab.seeds.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.occam.lab.report.Rates;

/** {@code reproduce clr}: CLR-1 + COR-1 of METHODS §11, the corridor learning rate against constant rates. */
@Command(name = "clr", description = "CLR-1 + COR-1: steps to a loss target with CLR against the best constant rate;"
        + " GD on a corridor in closed form.")
public final class ClrCommand extends SeededReproduction {

    @Option(names = "--loss-target", description = "Stop each run at this training loss (default 1e-3).")
    Double lossTarget;

    @Option(names = {"--max-steps", "--steps"}, description = "The most steps per run (default 5000).")
    Integer maxSteps;

    @Option(names = "--model", description = "The digits 0-vs-1 model (default mlp:64-32-1:tanh).")
    String model;

    @Option(names = "--samples", description = "Least-squares samples (default 100; features = 4 x samples).")
    Integer samples;

    @Option(names = "--max-lr", description = "The cap h_max of CLR (default 100).")
    Double maxLr;

    @Override
    protected String name() {
        return "clr";
    }

    @Override
    protected boolean seedsAsTasks() {
        return true;
    }

    @Override
    protected Outcome reproduce(Path dir, Seeds seeds, boolean quick, Consumer<String> log) {
        ClrSweep.Settings d = quick ? ClrSweep.Settings.quick() : ClrSweep.Settings.defaults();
        int n = or(samples, d.samples());
        ClrSweep.Settings s = new ClrSweep.Settings(n, samples != null ? 4 * n : d.features(), d.lsRates(),
                or(model, d.logitModel()), d.logitRates(), or(lossTarget, d.target()), or(maxSteps, d.maxSteps()),
                or(maxLr, d.maxLr()), d.longSteps(), seed);
        log.accept("CLR-1: full-batch GD to loss " + s.target() + " with CLR (cap h_max = " + Rates.num(s.maxLr()) + ") and constant rates,"
                + " on least squares (n = " + s.samples() + ", d = " + s.features() + ") and digits 0 vs 1 (" + s.logitModel()
                + "); COR-1 in closed form");
        return ClrSweep.reproduce(s, seeds, quick, dir, log);
    }
}
