package org.occam.cli.reproduce.command;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.occam.lab.claim.Outcome;
import org.occam.lab.mgc.MgcSweep;
import org.occam.lab.seeds.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reproduce mgc-1}: MGC-1 of METHODS §11, the margin-normalized GC against the generalization gap. */
@Command(name = "mgc-1", description = "MGC-1: train to 100%% training accuracy with true, noisy and random labels;"
        + " GC/gamma^2 (gamma the 10th-percentile training margin) against the generalization gap.")
public final class Mgc1Command extends SeededReproduction {

    @Option(names = "--data", description = "digits (default) or mnist (from the cache).")
    String data;

    @Option(names = "--model", description = "Model spec (default mlp:64-256-10:relu for digits).")
    String model;

    @Option(names = "--samples", description = "Training rows (default 500).")
    Integer samples;

    @Option(names = "--corruptions", description = "Label corruptions, comma separated: 0 true labels, c in (0, 1) a fraction c"
            + " wrong, 1 random labels (default 0,0.2,0.5,1).")
    String corruptions;

    @Option(names = "--lrs", description = "Learning rates, comma separated (default 0.2,0.5).")
    String lrs;

    @Option(names = "--loss-target", description = "Stop at this training loss, after 100%% training accuracy (default 0.05).")
    Double lossTarget;

    @Option(names = {"--max-steps", "--steps"}, description = "The most steps per run (default 8000).")
    Integer maxSteps;

    @Option(names = "--every", description = "Measure GC/gamma^2 every this many steps (default 250).")
    Integer every;

    @Override
    protected String name() {
        return "mgc-1";
    }

    @Override
    protected boolean seedsAsTasks() {
        return true;
    }

    @Override
    protected Outcome reproduce(Path dir, Seeds seeds, boolean quick, Consumer<String> log) {
        MgcSweep.Settings d = quick ? MgcSweep.Settings.quick() : MgcSweep.Settings.defaults();
        String set = or(data, d.data());
        MgcSweep.Settings s = new MgcSweep.Settings(set, model != null ? model : quick && set.equals(d.data()) ? d.model() : MgcSweep.Settings.defaultModel(set),
                or(samples, d.samples()), corruptions != null ? Lists.numbers("--corruptions", corruptions, true)
                : d.corruptions(), lrs != null ? Lists.numbers("--lrs", lrs, false) : d.lrs(), d.seeds(), d.batchSize(),
                or(lossTarget, d.lossTarget()), or(maxSteps, d.maxSteps()), or(every, d.every()), d.quantile());
        log.accept("MGC-1: " + s.model() + " on " + s.samples() + " " + s.data() + " training rows, SGD (batch "
                + s.batchSize() + ") to 100% training accuracy and loss " + s.lossTarget() + "; GC/gamma^2 with gamma the "
                + "10th-percentile training margin");
        return MgcSweep.reproduce(s, seeds, quick, dir, log);
    }
}
