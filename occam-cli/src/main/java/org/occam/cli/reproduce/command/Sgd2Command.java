package org.occam.cli.reproduce.command;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.occam.lab.claim.Outcome;
import org.occam.lab.run.ImageData;
import org.occam.lab.seeds.Seeds;
import org.occam.lab.sgd2.Sgd2;
import org.occam.lab.sgd2.Sgd2Setting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reproduce sgd-2}: SGD-2 of METHODS §11, the linear scaling rule of SGD's implicit regularizer. */
@Command(name = "sgd-2", description = {"SGD-2: an MLP trained by SGD on an MNIST subset over a grid of (eps, B) sharing"
        + " each eps/B, same epochs, several seeds; claims that runs with equal eps/B cluster (GC, lambda_max, test"
        + " accuracy, |grad C|^2) and that regularization grows with eps/B.",
    "Needs MNIST in the cache (./occam data fetch mnist) unless --data digits or --quick."},
        footer = {"", "Examples:", "  ./occam reproduce sgd-2", "  ./occam reproduce sgd-2 --parallel 2 --out runs/sgd2",
            "  ./occam reproduce sgd-2 --quick --json"})
public final class Sgd2Command extends SeededReproduction {

    @Option(names = "--data", description = "mnist (default), fashion-mnist or digits (embedded; model mlp:64-128-10:relu).")
    String data;

    @Override
    protected String name() {
        return "sgd-2";
    }

    @Override
    protected Outcome reproduce(Path dir, Seeds seeds, boolean quick, Consumer<String> log) throws Exception {
        Sgd2Setting s = quick ? Sgd2Setting.quick() : Sgd2Setting.defaults();
        if (data != null) {
            ImageData d = new ImageData(data, s.data().trainSize(), s.data().testSize());
            s = s.withData(d, s.model().replaceFirst("^mlp:\\d+-", "mlp:" + d.features() + "-"));
        }
        log.accept("SGD-2: " + s.model() + " on " + s.data().name() + ", eps/B x B grid, " + s.epochs() + " epochs, "
                + seeds.count() + " seeds, " + seeds.parallel() + " run(s) at a time");
        return Sgd2.reproduce(s, seeds, quick, dir, log);
    }
}
