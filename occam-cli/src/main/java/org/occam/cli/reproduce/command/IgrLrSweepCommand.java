package org.occam.cli.reproduce.command;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.occam.lab.igr.IgrSweepReport;
import org.occam.lab.claim.ClaimTable;
import org.occam.lab.igr.Arm;
import org.occam.lab.igr.IgrData;
import org.occam.lab.igr.IgrResult;
import org.occam.lab.igr.IgrRun;
import org.occam.lab.igr.IgrSetting;
import org.occam.lab.igr.IgrSweep;
import org.occam.tensor.DType;
import org.occam.tensor.kernel.Parallel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reproduce igr-lr-sweep}: IGR-2 + GC-2 of METHODS §11 on the embedded MNIST (the main job). */
@Command(name = "igr-lr-sweep", description = "IGR-2 + GC-2: full-batch GD on 1,000 embedded MNIST images at learning"
        + " rates below the edge of stability and EGR at the smallest rate, every run stopped at the same training"
        + " loss; R_IG, lambda_max, GC and test accuracy (10,000 images) judged as claims paired over seeds; the"
        + " edge of stability (h = 0.35) apart, for contrast.",
        footer = {"", "Examples:", "  ./occam reproduce igr-lr-sweep", "  ./occam reproduce igr-lr-sweep --seeds 10 --no-eos",
            "  ./occam reproduce igr-lr-sweep --quick --json --out /tmp/igr"})
public final class IgrLrSweepCommand extends Reproduction {

    @Option(names = "--seeds", description = "Seeds (default 5; at least 2 for an interval).")
    Integer seeds;

    @Option(names = "--quick", description = "Tiny setting for tests (seconds); its verdicts are NOT evidence.")
    boolean quick;

    @Option(names = "--no-eos", description = "Skip the edge-of-stability runs (h = 0.35, h*lambda_max ~ 2), which are"
            + " reported apart as NOT evidence for first-order IGR.")
    boolean noEos;

    @Option(names = "--loss-target", description = "Stop every run at this training loss (default 0.2; lower is a"
            + " longer horizon, and slower).")
    Double lossTarget;

    @Option(names = "--max-steps", description = "Step budget of a run at the smallest h (default 20000; a run at h gets"
            + " maxSteps*h_min/h).")
    Integer maxSteps;

    @Option(names = "--json", description = "Print the result as JSON on stdout (progress goes to stderr).")
    boolean json;

    @Option(names = "--dtype", defaultValue = "float32", description = "float32 (default) or float64.")
    String dtype;

    @Override
    protected String name() {
        return "igr-lr-sweep";
    }

    @Override
    protected boolean jsonOutput() {
        return json;
    }

    @Override
    protected Path run(Path dir) throws Exception {
        IgrSetting base = quick ? IgrSetting.quickSetting() : IgrSetting.defaults();
        DType type = switch (dtype.toLowerCase(Locale.ROOT)) {
            case "float32" -> DType.FLOAT32;
            case "float64" -> DType.FLOAT64;
            default -> throw new IllegalArgumentException("--dtype: expected float32 or float64, got '" + dtype + "'");
        };
        IgrSetting s = base.with(seed, or(seeds, base.seeds()), noEos ? new double[0] : base.eosHs(), type)
                .withHorizon(or(lossTarget, base.lossTarget()), or(maxSteps, base.maxSteps()));
        PrintStream log = json ? System.err : System.out;
        if (quick) {
            log.println(ClaimTable.QUICK_WARNING);
        }
        log.printf(Locale.ROOT, "IGR-2 / GC-2 on embedded MNIST: %s, %d training images, full-batch GD to training loss"
                + " %s, %d seeds, %d runs side by side%n", s.model(), s.trainSize(), s.lossTarget(), s.seeds(),
                Parallel.threads());
        long t0 = System.nanoTime();
        IgrResult r = IgrSweep.run(s, IgrData.embeddedMnist(s.trainSize(), s.dtype()), Parallel.threads(), log::println);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Path html = IgrSweepReport.write(r, dir);
        if (json) {
            System.out.println(IgrSweepReport.json(r));
            return html;
        }
        System.out.println();
        System.out.println("Claims below the edge of stability (paired within seed, 95% t-interval over seeds):");
        ClaimTable.lines(r.claims(), s.quick()).forEach(System.out::println);
        double worst = r.runs().stream().filter(x -> x.arm().regime() == Arm.Regime.BELOW_EOS)
                .mapToDouble(IgrRun::maxHLambda).max().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "%nStability: largest h*lambda_max below the edge of stability %.3f (limit %s)%n",
                worst, s.hLambdaLimit());
        for (IgrRun f : r.flagged()) {
            System.out.printf(Locale.ROOT, "  FLAG: %s seed %d reached h*lambda_max %.3f > %s (outside the first-order"
                    + " regime)%n", f.arm().label(), f.seed(), f.maxHLambda(), s.hLambdaLimit());
        }
        if (!r.edgeOfStability().isEmpty()) {
            System.out.println();
            System.out.println("Edge of stability (h*lambda_max ~ 2): NOT evidence for first-order IGR, for contrast only:");
            ClaimTable.lines(r.edgeOfStability(), false).forEach(System.out::println);
        }
        System.out.printf(Locale.ROOT, "%nwall time of the runs: %.1f s%n", seconds);
        return html;
    }
}
