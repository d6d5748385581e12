package org.occam.cli.reproduce.command;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import org.occam.lab.claim.Outcome;
import org.occam.lab.dal.DalSweep;
import org.occam.lab.seeds.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.occam.lab.report.Rates;

/** {@code reproduce dal}: DAL-1 of METHODS §11, drift-adjusted learning rates DAL-p. */
@Command(name = "dal", description = "DAL-1: full-batch DAL-p on digits for several p; h_t against 2/v_t, speed and stability.")
public final class DalCommand extends SeededReproduction {

    @Option(names = "--powers", description = "The exponents p, comma separated (default 0.75,1,1.5,2; --quick 1,2).")
    String powers;

    @Option(names = "--base-lr", description = "The rate of p = 0, plain GD (default 0.06).")
    Double baseLr;

    @Option(names = "--max-lr", description = "The cap h_max (default 5, as in the reference).")
    Double maxLr;

    @Option(names = {"--max-steps", "--steps"}, description = "Steps per run (default 2000).")
    Integer maxSteps;

    @Option(names = "--model", description = "Model spec (default mlp:64-64-10:tanh).")
    String model;

    @Option(names = "--samples", description = "Training rows (default 600 digits).")
    Integer samples;

    @Option(names = "--every", description = "Measure the sharpness every this many steps (default 25).")
    Integer every;

    @Option(names = "--reference-v", description = "Use the reference rule 2/v_t^p instead of the default normalised,"
            + " scale-free h_base/(v_t/v_0)^p.")
    boolean referenceV;

    @Override
    protected String name() {
        return "dal";
    }

    @Override
    protected boolean seedsAsTasks() {
        return true;
    }

    @Override
    protected Outcome reproduce(Path dir, Seeds seeds, boolean quick, Consumer<String> log) {
        DalSweep.Settings d = quick ? DalSweep.Settings.quick() : DalSweep.Settings.defaults();
        DalSweep.Settings s = new DalSweep.Settings(or(model, d.model()), or(samples, d.samples()),
                powers != null ? Lists.numbers("--powers", powers, true) : d.powers(), or(baseLr, d.baseLr()),
                or(maxLr, d.maxLr()), or(maxSteps, d.steps()), or(every, d.every()), seed, !referenceV);
        log.accept("DAL-1 on digits: " + s.model() + ", " + s.samples() + " samples, full-batch DAL-p for p in "
                + Arrays.toString(s.powers()) + " (exact HVP) and p = 1 (finite difference), " + s.steps() + " steps; "
                + (s.normalized() ? "v normalised by its value at the start: h_t = clip(" + Rates.num(s.baseLr())
                        + "/(v_t/v_0)^p, 0, " + Rates.num(s.maxLr()) + ")" : "reference rule h_t = clip(2/v_t^p, 0, " + Rates.num(s.maxLr())
                        + "), v_t kept above 1 by summing the squared error over the 10 outputs"));
        return DalSweep.reproduce(s, seeds, quick, dir, log);
    }
}
