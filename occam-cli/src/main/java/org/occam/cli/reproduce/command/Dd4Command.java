package org.occam.cli.reproduce.command;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.occam.lab.claim.Outcome;
import org.occam.lab.dd4.Dd4;
import org.occam.lab.dd4.Dd4Reproduction;
import org.occam.lab.seeds.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reproduce dd-4}: DD-4 of METHODS §11, a GAN on the 8-Gaussian ring under several update schemes. */
@Command(name = "dd-4", description = "DD-4: GAN on the 8-Gaussian ring; simultaneous, alternating and cancelled-interaction"
        + " runs (optionally SGA, consensus, RK4, Adam) over the same seeds (default 10) and rate multipliers, paired claims"
        + " on the sample W2 to the target, modes hit, sample quality and stability.")
public final class Dd4Command extends SeededReproduction {

    @Option(names = "--setting", defaultValue = "faithful", description = "faithful (METHODS §11: spectral-norm D, SGD"
            + " lr_D 0.01 / lr_G 0.005 times 1,2,4,8, batch 128, 20000 steps, schemes sim,alt,cancel) or legacy (plain D,"
            + " lr 0.05, batch 256, 5000 steps, schemes sim,alt,cancel,sga,consensus); default ${DEFAULT-VALUE}.")
    String setting;

    @Option(names = {"--steps", "--max-steps"}, description = "Training rounds per run (default: the setting's).")
    Integer steps;

    @Option(names = "--schemes", description = "Schemes, comma separated, from sim, alt, cancel, cancel-self, sga, consensus,"
            + " rk4, adam (Adam reference at lr 1e-3; default: the setting's).")
    String schemes;

    @Option(names = "--lrs", description = "lr_D[,lr_G]: one rate for both players or two (default: the setting's).")
    String lrs;

    @Option(names = "--rates", description = "Rate multipliers, comma separated: both rates times each (default: the"
            + " setting's; faithful 1,2,4,8).")
    String rates;

    @Option(names = "--gamma", description = "Strength of SGA and consensus (default 0.05).")
    Double gamma;

    @Option(names = "--every", description = "Log the gradient norms every this many rounds (default: the setting's).")
    Integer every;

    @Option(names = "--mnist-steps", description = "Also train the MNIST MLP GAN this many rounds and draw its samples"
            + " (default 0: not run).")
    Integer mnistSteps;

    @Override
    protected String name() {
        return "dd-4";
    }

    @Override
    protected int defaultSeeds() {
        return 10;
    }

    @Override
    protected Outcome reproduce(Path dir, Seeds seeds, boolean quick, Consumer<String> log) throws Exception {
        Dd4.Settings s = Dd4Reproduction.settings(setting, quick, steps, seeds.count(), schemes, lrs, rates, gamma, every,
                mnistSteps, seeds.first());
        return Dd4Reproduction.reproduce(s, seeds.parallel(), quick, dir, log);
    }
}
