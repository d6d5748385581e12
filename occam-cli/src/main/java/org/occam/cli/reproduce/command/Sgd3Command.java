package org.occam.cli.reproduce.command;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.occam.lab.claim.Outcome;
import org.occam.lab.run.ImageData;
import org.occam.lab.seeds.Seeds;
import org.occam.lab.sgd3.Sgd3;
import org.occam.lab.sgd3.Sgd3Setting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.occam.lab.report.Rates;

/** {@code reproduce sgd-3}: SGD-3 of METHODS §11, the explicit micro-batch regularizer against the large-batch gap. */
@Command(name = "sgd-3", description = {"SGD-3: small-batch SGD vs large-batch SGD (16x, same eps and epochs) vs large"
        + " batch + the explicit micro-batch regularizer of Smith et al. (2021); test accuracy and lambda_max over seeds,"
        + " and the fraction of the accuracy gap the regularizer recovers.",
    "Needs MNIST in the cache (./occam data fetch mnist) unless --data digits or --quick."},
        footer = {"", "Examples:", "  ./occam reproduce sgd-3", "  ./occam reproduce sgd-3 --parallel 2 --seeds 8",
            "  ./occam reproduce sgd-3 --quick --json"})
public final class Sgd3Command extends SeededReproduction {

    @Option(names = "--data", description = "mnist (default), fashion-mnist or digits (embedded).")
    String data;

    @Override
    protected String name() {
        return "sgd-3";
    }

    @Override
    protected Outcome reproduce(Path dir, Seeds seeds, boolean quick, Consumer<String> log) throws Exception {
        Sgd3Setting s = quick ? Sgd3Setting.quick() : Sgd3Setting.defaults();
        if (data != null) {
            ImageData d = new ImageData(data, s.data().trainSize(), s.data().testSize());
            s = s.withData(d, s.model().replaceFirst("^mlp:\\d+-", "mlp:" + d.features() + "-"));
        }
        log.accept("SGD-3: " + s.model() + " on " + s.data().name() + ", " + Rates.h(s.lr()) + ", B_s " + s.smallBatch()
                + ", B_l " + s.largeBatch() + ", " + s.epochs() + " epochs, " + seeds.count() + " seeds, "
                + seeds.parallel() + " run(s) at a time");
        return Sgd3.reproduce(s, seeds, quick, dir, log);
    }
}
