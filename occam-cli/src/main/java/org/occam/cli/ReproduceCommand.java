package org.occam.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.occam.cli.reproduce.ClrSweep;
import org.occam.cli.reproduce.ClrSweepReport;
import org.occam.cli.reproduce.DalSweep;
import org.occam.cli.reproduce.DalSweepReport;
import org.occam.cli.reproduce.EosSweep;
import org.occam.cli.reproduce.EosSweepReport;
import org.occam.cli.reproduce.IgrLrSweep;
import org.occam.cli.reproduce.IgrReport;
import org.occam.cli.reproduce.LrSweepClaim;
import org.occam.cli.reproduce.Trend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code occam reproduce NAME}: the papers' headline checks (METHODS §11), with observed trends next to the claims. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Run a reproduction of METHODS §11 and print the observed trends next to the papers' claims.",
            "Available: igr-lr-sweep (IGR-2 + GC-2 on the embedded digits), eos (EOS-1: sharpness against 2/h),"
                + " dal (DAL-1: drift-adjusted learning rates), clr (CLR-1 + COR-1: corridor learning rate)."},
        footer = {"", "Examples:", "  ./occam reproduce igr-lr-sweep", "  ./occam reproduce igr-lr-sweep --lrs 0.1,0.5,0.7 --out runs/igr",
            "  ./occam reproduce eos --lrs 0.05,0.07 --max-steps 2000", "  ./occam reproduce dal --powers 0.5,1,2",
            "  ./occam reproduce clr --loss-target 1e-4"})
public final class ReproduceCommand implements Callable<Integer> {

    static final List<String> NAMES = List.of("igr-lr-sweep", "eos", "dal", "clr");

    @Parameters(paramLabel = "NAME", description = "igr-lr-sweep, eos, dal or clr")
    String name;

    @Option(names = "--lrs", description = "Learning rates, comma separated (igr-lr-sweep: 0.1,0.3,0.5,0.8,1.0;"
            + " eos: 0.05,0.06,0.07).")
    String lrs;

    @Option(names = "--loss-target", description = "Stop each run at this training loss (igr-lr-sweep: 0.05; clr: 1e-3).")
    Double lossTarget;

    @Option(names = "--max-steps", description = "Steps per run (igr-lr-sweep and clr: the limit, 3000 and 5000;"
            + " eos: 3000; dal: 2000).")
    Integer maxSteps;

    @Option(names = "--model", description = "Model spec (igr-lr-sweep: mlp:64-512-10:relu; eos, dal: mlp:64-64-10:tanh;"
            + " clr: the digits 0-vs-1 MLP, mlp:64-32-1:tanh).")
    String model;

    @Option(names = "--samples", description = "Training rows (eos, dal: 600 digits; clr: 100 least-squares samples).")
    Integer samples;

    @Option(names = "--every", description = "Measure the sharpness every this many steps (eos: 20; dal: 25).")
    Integer every;

    @Option(names = "--powers", description = "dal: the exponents p, comma separated (default 0,0.5,1,2).")
    String powers;

    @Option(names = "--base-lr", description = "dal: the rate of p = 0, plain GD (default 0.06).")
    Double baseLr;

    @Option(names = "--max-lr", description = "dal, clr: the cap h_max (dal: 5, as in the reference; clr: 100).")
    Double maxLr;

    @Option(names = "--seed", defaultValue = "0", description = "Initialization seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", description = "Folder for the report (default runs/NAME).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown reproduction '" + name + "'; available: " + String.join(", ", NAMES));
        }
        Path dir = out != null ? out : Path.of("runs", name);
        Path report = switch (name) {
            case "eos" -> eos(dir);
            case "dal" -> dal(dir);
            case "clr" -> clr(dir);
            default -> igr(dir);
        };
        System.out.println();
        System.out.println("report: " + report.toAbsolutePath());
        return 0;
    }

    private Path igr(Path dir) throws Exception {
        unused("--samples", samples, "--every", every, "--powers", powers, "--base-lr", baseLr, "--max-lr", maxLr);
        IgrLrSweep.Settings d = IgrLrSweep.Settings.defaults();
        double[] rates = lrs == null ? d.lrs() : parseList("--lrs", lrs, false);
        String m = model != null ? model : d.model();
        double target = lossTarget != null ? lossTarget : d.lossTarget();
        IgrLrSweep.Settings s = new IgrLrSweep.Settings(m, rates, target, maxSteps != null ? maxSteps : d.maxSteps(),
                d.recordEvery(), seed);
        System.out.println("IGR-2 / GC-2 on digits: " + m + ", full-batch GD to train loss " + target);
        IgrLrSweep.Result r = IgrLrSweep.run(s, System.out::println);
        System.out.println();
        System.out.println("Observed trends (Spearman rank correlation over the plain GD runs) next to the claims:");
        for (Trend t : r.trends()) {
            System.out.println("  " + t.describe());
        }
        System.out.printf(Locale.ROOT, "  EGR at the smallest h recovers %.0f%% of the test-accuracy gap to the largest h"
                + "   claim: recovers most of it (IGR-2)%n", 100 * r.egrGapRecovered());
        return IgrReport.write(r, dir);
    }

    private Path eos(Path dir) throws Exception {
        unused("--loss-target", lossTarget, "--powers", powers, "--base-lr", baseLr, "--max-lr", maxLr);
        EosSweep.Settings d = EosSweep.Settings.defaults();
        EosSweep.Settings s = new EosSweep.Settings(model != null ? model : d.model(), samples != null ? samples : d.samples(),
                lrs != null ? parseList("--lrs", lrs, false) : d.lrs(), maxSteps != null ? maxSteps : d.steps(),
                every != null ? every : d.every(), d.lanczosSteps(), seed);
        System.out.println("EOS-1 on digits: " + s.model() + ", " + s.samples() + " samples, full-batch GD for " + s.steps()
                + " steps, lambda_max every " + s.every() + " steps");
        EosSweep.Result r = EosSweep.run(s, System.out::println);
        printClaims(r.claims(), System.out::println);
        return EosSweepReport.write(r, dir);
    }

    private Path dal(Path dir) throws Exception {
        unused("--lrs", lrs, "--loss-target", lossTarget);
        DalSweep.Settings d = DalSweep.Settings.defaults();
        DalSweep.Settings s = new DalSweep.Settings(model != null ? model : d.model(), samples != null ? samples : d.samples(),
                powers != null ? parseList("--powers", powers, true) : d.powers(), baseLr != null ? baseLr : d.baseLr(),
                maxLr != null ? maxLr : d.maxLr(), maxSteps != null ? maxSteps : d.steps(), every != null ? every : d.every(),
                seed);
        System.out.println("DAL-1 on digits: " + s.model() + ", " + s.samples() + " samples, full-batch DAL-p for p in "
                + java.util.Arrays.toString(s.powers()) + " (exact HVP) and p = 1 (finite difference), " + s.steps() + " steps");
        DalSweep.Result r = DalSweep.run(s, System.out::println);
        printClaims(r.claims(), System.out::println);
        return DalSweepReport.write(r, dir);
    }

    private Path clr(Path dir) throws Exception {
        unused("--lrs", lrs, "--every", every, "--powers", powers, "--base-lr", baseLr);
        ClrSweep.Settings d = ClrSweep.Settings.defaults();
        int n = samples != null ? samples : d.samples();
        ClrSweep.Settings s = new ClrSweep.Settings(n, samples != null ? 4 * n : d.features(), d.lsRates(),
                model != null ? model : d.logitModel(), d.logitRates(), lossTarget != null ? lossTarget : d.target(),
                maxSteps != null ? maxSteps : d.maxSteps(), maxLr != null ? maxLr : d.maxLr(), d.longSteps(), seed);
        System.out.println("CLR-1: full-batch GD to loss " + s.target() + " with CLR (cap " + s.maxLr() + ") and constant rates,"
                + " on least squares (n = " + s.samples() + ", d = " + s.features() + ") and digits 0 vs 1 (" + s.logitModel()
                + "); COR-1 in closed form");
        ClrSweep.Result r = ClrSweep.run(s, System.out::println);
        printClaims(r.claims(), System.out::println);
        return ClrSweepReport.write(r, dir);
    }

    private static void printClaims(List<LrSweepClaim> claims, Consumer<String> out) {
        out.accept("");
        out.accept("Observed trends next to the claims:");
        for (LrSweepClaim c : claims) {
            out.accept("  " + c.describe());
        }
    }

    /** Rejects options that the chosen reproduction does not use (pairs of name and value; null: not given). */
    private void unused(Object... nameValue) {
        List<String> given = new ArrayList<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            if (nameValue[i + 1] != null) {
                given.add((String) nameValue[i]);
            }
        }
        if (!given.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", given) + (given.size() == 1 ? " is" : " are")
                    + " not used by 'reproduce " + name + "'");
        }
    }

    private static double[] parseList(String option, String s, boolean allowZero) {
        String[] parts = s.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + ": not a number: '" + parts[i].trim() + "'");
            }
            if (!(allowZero ? out[i] >= 0 : out[i] > 0) || !Double.isFinite(out[i])) {
                throw new IllegalArgumentException(option + ": values must be " + (allowZero ? "non-negative" : "positive")
                        + ", got " + parts[i].trim());
            }
        }
        java.util.Arrays.sort(out);
        return out;
    }
}
