package org.occam.cli.reproduce.command;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.occam.lab.claim.Outcome;
import org.occam.lab.nc.NcSweep;
import org.occam.lab.seeds.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.occam.lab.report.Rates;

/** {@code reproduce nc-1}: NC-1 of METHODS §11, source GC against target collapse and few-shot transfer. */
@Command(name = "nc-1", description = "NC-1: pre-train an MLP on digits 0-4 while varying h, B, L2 and a GC penalty; source GC,"
        + " target CDNV and k-shot nearest-class-centre accuracy on digits 5-9.")
public final class Nc1Command extends SeededReproduction {

    @Option(names = "--model", description = "Model spec with 5 outputs (default mlp:64-128-128-5:tanh).")
    String model;

    @Option(names = "--base-lr", description = "h of the base run (default 0.1).")
    Double baseLr;

    @Option(names = "--lrs", description = "The h line besides the base, comma separated (default 0.02,0.05,0.2,0.5).")
    String lrs;

    @Option(names = "--batch-sizes", description = "The batch sizes of the B line, comma separated (default 8,16,64,128).")
    String batchSizes;

    @Option(names = "--l2s", description = "The L2 coefficients of the L2 line (default 1e-4,1e-3,1e-2).")
    String l2s;

    @Option(names = "--gc-coefs", description = "The GC-penalty coefficients of the GC line (default 1e-4,1e-3,3e-3).")
    String gcCoefs;

    @Option(names = "--loss-target", description = "Stop each run at this training loss instead of the terminal phase (default"
            + " 0: off; needs --terminal-factor 0).")
    Double lossTarget;

    @Option(names = "--terminal-factor", description = "Train each run this many times the steps to 100%% training accuracy"
            + " (the terminal phase; default 10; 0 with --loss-target 0 trains --max-epochs).")
    Double terminalFactor;

    @Option(names = "--max-epochs", description = "The most epochs per run (default 400).")
    Integer maxEpochs;

    @Option(names = "--shots", description = "k of the k-shot transfer (default 5).")
    Integer shots;

    @Option(names = "--episodes", description = "Few-shot episodes (default 100).")
    Integer episodes;

    @Override
    protected String name() {
        return "nc-1";
    }

    @Override
    protected boolean seedsAsTasks() {
        return true;
    }

    @Override
    protected Outcome reproduce(Path dir, Seeds seeds, boolean quick, Consumer<String> log) {
        NcSweep.Settings d = quick ? NcSweep.Settings.quick() : NcSweep.Settings.defaults();
        NcSweep.Settings s = new NcSweep.Settings(or(model, d.model()), d.sourceClasses(), d.targetClasses(),
                or(baseLr, d.baseLr()), d.baseBatch(), lrs != null ? Lists.numbers("--lrs", lrs, false) : d.lrs(),
                batchSizes != null ? Lists.integers("--batch-sizes", batchSizes) : d.batches(),
                l2s != null ? Lists.numbers("--l2s", l2s, false) : d.l2s(),
                gcCoefs != null ? Lists.numbers("--gc-coefs", gcCoefs, false) : d.gcCoefs(), or(lossTarget, d.lossTarget()),
                or(maxEpochs, d.maxEpochs()), or(shots, d.shots()), or(episodes, d.episodes()), seed,
                or(terminalFactor, lossTarget != null && lossTarget > 0 ? 0.0 : d.terminalFactor()));
        log.accept("NC-1 on digits: pre-train " + s.model() + " on digits 0-4 with SGD (base " + Rates.h(s.baseLr()) + ", B = "
                + s.baseBatch() + ") " + (s.terminalFactor() > 0 ? "into the terminal phase (" + s.terminalFactor() + "x the"
                + " steps to 100% training accuracy)" : s.lossTarget() > 0 ? "to train loss " + s.lossTarget() : "for "
                + s.maxEpochs() + " epochs") + ", then " + s.shots() + "-shot nearest-class-centre transfer to digits 5-9");
        return NcSweep.reproduce(s, seeds, quick, dir, log);
    }
}
