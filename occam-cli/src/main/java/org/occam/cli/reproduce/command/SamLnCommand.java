package org.occam.cli.reproduce.command;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.occam.lab.claim.Outcome;
import org.occam.lab.samln.SamLn;
import org.occam.lab.samln.SamLnSetting;
import org.occam.lab.seeds.Seeds;
import picocli.CommandLine.Command;
import org.occam.lab.report.Rates;

/** {@code reproduce sam-ln}: SAM-1 and LN-1, SGD vs SAM vs label-noise SGD at equal training loss (docs/sam.md). */
@Command(name = "sam-ln", description = {"SAM-1 / LN-1: plain SGD, SAM (rho 0.05) and label-noise SGD (Gaussian sigma 0.5"
        + " on one-hot targets) on 1,000 embedded MNIST images (MLP 784-64-10, squared loss), each stopped at the same"
        + " training loss; lambda_max (Lanczos) and tr H (Hutchinson) compared within seed."},
        footer = {"", "Examples:", "  ./occam reproduce sam-ln", "  ./occam reproduce sam-ln --parallel 2",
            "  ./occam reproduce sam-ln --quick --json"})
public final class SamLnCommand extends SeededReproduction {

    @Override
    protected String name() {
        return "sam-ln";
    }

    @Override
    protected Outcome reproduce(Path dir, Seeds seeds, boolean quick, Consumer<String> log) throws Exception {
        SamLnSetting s = quick ? SamLnSetting.quick() : SamLnSetting.defaults();
        log.accept("SAM-1/LN-1: " + s.model() + " on " + s.data() + ", " + Rates.h(s.lr()) + ", B " + s.batchSize() + ", rho "
                + s.rho() + ", sigma " + s.sigma() + ", stop at loss " + s.targetLoss() + ", " + seeds.count() + " seeds, "
                + seeds.parallel() + " run(s) at a time");
        return SamLn.reproduce(s, seeds, quick, dir, log);
    }
}
