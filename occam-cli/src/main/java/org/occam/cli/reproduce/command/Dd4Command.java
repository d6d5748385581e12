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
@Command(name = "dd-4", description = "DD-4: GAN on the 8-Gaussian ring; simultaneous, alternating, cancelled-interaction,"
        + " SGA and consensus runs over the same seeds (default 10), paired claims on modes hit, sample quality and stability.")
public final class Dd4Command extends SeededReproduction {

    @Option(names = {"--steps", "--max-steps"}, description = "Training rounds per run (default 5000).")
    Integer steps;

    @Option(names = "--schemes", description = "Schemes, comma separated, from sim, alt, cancel, cancel-self, sga, consensus,"
            + " rk4, adam (Adam reference at lr 1e-3; default sim,alt,cancel,sga,consensus).")
    String schemes;

    @Option(names = "--lrs", description = "lr_D[,lr_G]: one rate for both players or two (default 0.05).")
    String lrs;

    @Option(names = "--gamma", description = "Strength of SGA and consensus (default 0.05).")
    Double gamma;

    @Option(names = "--every", description = "Log the gradient norms every this many rounds (default 25).")
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
        Dd4.Settings s = Dd4Reproduction.settings(quick ? Dd4.Settings.quick() : Dd4.Settings.defaults(), steps,
                seeds.count(), schemes, lrs, gamma, every, mnistSteps, seeds.first());
        return Dd4Reproduction.reproduce(s, seeds.parallel(), quick, dir, log);
    }
}
