package org.occam.lab.clr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.occam.lab.plot.LinePlot;
import org.occam.lab.plot.Plot;
import org.occam.lab.plot.Series;
import org.occam.lab.report.LrSweepCurves;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.report.ClaimSections;
import org.occam.lab.report.LrSweepPages;
import org.occam.lab.report.Section;

/** Writes the CLR-1 / COR-1 results: results.csv, summary.txt, chart PNGs and an offline report.html. */
public final class ClrSweepReport {
    private ClrSweepReport() {
    }

    /**
     * Writes the files into {@code dir} (curves of the first seed, claims over all seeds) and returns report.html.
     *
     * @param seeds the result of each seed
     * @param claims the judged claims
     * @param quick whether it is a quick (test-size) run
     * @param dir the output folder
     * @return report.html
     * @throws IOException when writing fails
     */
    public static Path write(List<ClrSweep.Result> seeds, List<ClaimResult> claims, boolean quick, Path dir) throws IOException {
        ClrSweep.Result r = seeds.getFirst();
        long[] ids = seeds.stream().mapToLong(x -> x.settings().seed()).toArray();
        return LrSweepPages.write(dir, "CLR-1 and COR-1: corridors and the corridor learning rate", 
                sections(r, claims, quick), LrSweepPages.seedCsv(ids, seeds.stream().map(ClrSweepReport::csv).toList()),
                LrSweepPages.summary(claims, quick));
    }

    private static String csv(ClrSweep.Result r) {
        StringBuilder csv = new StringBuilder("problem,rule,reached_target,steps,diverged,final_loss,max_lr,capped_steps\n");
        for (ClrSweep.Run run : r.runs()) {
            csv.append(String.format(Locale.ROOT, "\"%s\",\"%s\",%b,%d,%b,%.6g,%.6g,%d%n", run.problem(), run.rule(),
                    run.reached(), run.steps(), run.diverged(), run.finalLoss(), run.maxRate(), run.cappedSteps()));
        }
        return csv.toString();
    }

    private static List<Section> sections(ClrSweep.Result r, List<ClaimResult> claims, boolean quick) {
        ClrSweep.Settings s = r.settings();
        List<Section> out = new ArrayList<>();
        out.add(new Section.Text("CLR (METHODS §5): h = E/(‖g‖² + δ), the step that would reach zero loss if the"
                + " current point were in a corridor (a region where Hg = 0); it is the Polyak step with E* = 0. CLR-1 runs"
                + " full-batch GD until the loss reaches " + s.target() + " (at most " + s.maxSteps() + " steps) with CLR"
                + " capped at h_max = " + LrSweepPages.num(s.maxLr()) + ", CLR without a cap, and every constant h of a"
                + " small grid, on two interpolating problems: over-parameterized least squares (" + s.samples()
                + " Gaussian samples, " + s.features() + " features, a bias-free linear model, mean squared error) and"
                + " digits 0 vs 1 with a " + s.logitModel() + " and the binary logistic loss (separable, so E → 0 only as"
                + " ‖θ‖ → ∞ and ‖g‖ → 0 with it). Two more CLR runs per problem go on for " + s.longSteps() + " steps"
                + " without a target, to show what the cap is for (METHODS §10 pitfall 9).\n\nCOR-1 (closed form): on"
                + " E(x, y) = x + ½y², GD from the corridor y = 0 against gradient flow x(t) = x_0 − t, the loss against"
                + " E_0 − nh, and y_n against (1 − h)^n y_0 off the corridor, for h ∈ {0.1, 0.5, 1, 2} over 50 steps."));
        out.addAll(ClaimSections.of(claims, quick));
        out.add(new Section.Text("The runs and curves below are those of seed " + r.settings().seed() + ", the first seed;"
                + " results.csv holds every seed's runs."));
        out.add(new Section.Heading("CLR-1 runs"));
        List<List<String>> rows = new ArrayList<>();
        for (ClrSweep.Run run : r.runs()) {
            rows.add(List.of(run.problem(), run.rule(), run.reached() ? "reached target" : run.diverged() ? "diverged"
                            : "no target reached", Integer.toString(run.steps()), String.format(Locale.ROOT, "%.3e",
                            run.finalLoss()), LrSweepPages.f(run.maxRate()), run.isClr() ? Integer.toString(run.cappedSteps())
                            : "-"));
        }
        out.add(Section.Table.of(List.of("problem", "rule", "end", "steps", "final loss", "max h", "capped steps"), rows));
        out.add(new Section.Heading("COR-1"));
        List<List<String>> cor = new ArrayList<>();
        for (ClrSweep.Corridor c : r.corridor()) {
            cor.add(List.of(LrSweepPages.num(c.h()), String.format(Locale.ROOT, "%.1e", c.maxGdGfError()),
                    String.format(Locale.ROOT, "%.1e", c.maxLossError()), String.format(Locale.ROOT, "%.1e", c.maxContraction())));
        }
        out.add(Section.Table.of(List.of("h", "max |GD − GF| on the corridor", "max |E_n − (E_0 − nh)|",
                "max |y_n − (1 − h)^n y_0| off it"), cor));
        out.add(new Section.Text(String.format(Locale.ROOT, "One CLR step from (3, 0), inside the corridor, lands at E = %.1e.",
                r.clrCorridorLoss())));
        LrSweepPages.chart(out, "least_squares", "Least squares: loss against step, CLR and constant rates",
                loss(r, "least squares", false));
        LrSweepPages.chart(out, "logistic", "Digits 0 vs 1, logistic loss: loss against step, CLR and constant rates",
                loss(r, "logistic", false));
        LrSweepPages.chart(out, "clr_rate", "CLR's rate h_t without a target, capped and uncapped, on both problems",
                rates(r));
        return out;
    }

    private static Plot loss(ClrSweep.Result r, String problem, boolean longRuns) {
        LinePlot p = new LinePlot(problem).xLabel("step").yLabel("loss").logY(true).logX(true);
        for (ClrSweep.Run run : r.runs()) {
            boolean isLong = run.rule().endsWith(" steps");
            if (run.problem().equals(problem) && isLong == longRuns) {
                LrSweepCurves.Curve c = LrSweepCurves.curve(run.curve(), "loss");
                double[] x = c.steps().clone();
                for (int k = 0; k < x.length; k++) {
                    x[k] += 1;
                }
                p.add(Series.of(run.rule(), x, c.values()).positive(true, true));
            }
        }
        return LrSweepCurves.plotOrNull(p);
    }

    private static Plot rates(ClrSweep.Result r) {
        LinePlot p = new LinePlot("CLR rate").xLabel("step").yLabel("h_t").logY(true);
        for (ClrSweep.Run run : r.runs()) {
            if (run.rule().endsWith(" steps")) {
                String name = (run.problem().equals("least squares") ? "LS" : run.problem()) + ", "
                        + (run.rule().contains("no cap") ? "no cap" : "cap " + LrSweepPages.num(r.settings().maxLr()));
                p.add(LrSweepCurves.series(name, run.curve(), "lr", true));
            }
        }
        return LrSweepCurves.plotOrNull(p);
    }
}
