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
@Command(name = "nc-1", description = "NC-1: pre-train on classes 0-4 into the terminal phase while varying h, B, L2 and a GC"
        + " penalty (an MLP on the 8x8 digits, or with --data mnist the paper's setting: a CNN on the embedded MNIST); source"
        + " GC, target CDNV and k-shot nearest-class-centre accuracy on classes 5-9.")
public final class Nc1Command extends SeededReproduction {

    @Option(names = "--data", description = "digits (default: the 8x8 digits, MLP) or mnist (the embedded MNIST in NCHW,"
            + " CNN; METHODS §11's setting).")
    String data = "digits";

    @Option(names = "--model", description = "Model spec with 5 outputs, or EMBEDDING+5 (an embedding network, ReLU and a"
            + " 5-way Linear head); default mlp:64-128-128-5:tanh on digits, cnn:1x28x28:16-32:64+5 on mnist.")
    String model;

    @Option(names = "--base-lr", description = "h of the base run (default 0.1 on digits, 0.05 on mnist).")
    Double baseLr;

    @Option(names = "--lrs", description = "The h line besides the base, comma separated (default 0.02,0.05,0.2,0.5 on digits,"
            + " 0.01,0.02,0.1,0.2 on mnist).")
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

    @Option(names = "--max-epochs", description = "The most epochs per run (default 400 on digits, 1200 on mnist).")
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
        NcSweep.Settings d = NcSweep.Settings.of(data, quick);
        NcSweep.Settings s = new NcSweep.Settings(d.data(), or(model, d.model()), d.sourceClasses(), d.targetClasses(),
                or(baseLr, d.baseLr()), d.baseBatch(), lrs != null ? Lists.numbers("--lrs", lrs, false) : d.lrs(),
                batchSizes != null ? Lists.integers("--batch-sizes", batchSizes) : d.batches(),
                l2s != null ? Lists.numbers("--l2s", l2s, false) : d.l2s(),
                gcCoefs != null ? Lists.numbers("--gc-coefs", gcCoefs, false) : d.gcCoefs(), or(lossTarget, d.lossTarget()),
                or(maxEpochs, d.maxEpochs()), or(shots, d.shots()), or(episodes, d.episodes()), seed,
                or(terminalFactor, lossTarget != null && lossTarget > 0 ? 0.0 : d.terminalFactor()));
        log.accept("NC-1 on " + s.data() + ": pre-train " + s.model() + " on classes 0-4 with SGD (base " + Rates.h(s.baseLr()) + ", B = "
                + s.baseBatch() + ") " + (s.terminalFactor() > 0 ? "into the terminal phase (" + s.terminalFactor() + "x the"
                + " steps to 100% training accuracy)" : s.lossTarget() > 0 ? "to train loss " + s.lossTarget() : "for "
                + s.maxEpochs() + " epochs") + ", then " + s.shots() + "-shot nearest-class-centre transfer to classes 5-9");
        return NcSweep.reproduce(s, seeds, quick, dir, log);
    }
}
