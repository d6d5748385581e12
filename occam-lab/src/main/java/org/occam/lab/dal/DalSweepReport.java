package org.occam.lab.dal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.occam.lab.plot.LinePlot;
import org.occam.lab.plot.Plot;
import org.occam.lab.plot.Series;
import org.occam.lab.plot.Theme;
import org.occam.lab.report.LrSweepCurves;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.report.ClaimSections;
import org.occam.lab.report.LrSweepPages;
import org.occam.lab.report.Section;
import org.occam.lab.report.Rates;

/** Writes the DAL-1 results: results.csv, summary.txt, chart PNGs and an offline report.html. */
public final class DalSweepReport {
    private DalSweepReport() {
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
    public static Path write(List<DalSweep.Result> seeds, List<ClaimResult> claims, boolean quick, Path dir) throws IOException {
        DalSweep.Result r = seeds.getFirst();
        long[] ids = seeds.stream().mapToLong(x -> x.settings().seed()).toArray();
        return LrSweepPages.write(dir, "DAL-1: the drift-adjusted learning rate", sections(r, claims, quick),
                LrSweepPages.seedCsv(ids, seeds.stream().map(DalSweepReport::csv).toList()),
                LrSweepPages.summary(claims, quick));
    }

    private static String csv(DalSweep.Result r) {
        StringBuilder csv = new StringBuilder("run,power,hvp,status,steps,median_lr,mean_lr,capped_fraction,loss_spikes,"
                + "loss_rises,train_loss,test_loss,test_accuracy,max_rel_error_h_vs_2_over_v,peak_sharpness,"
                + "mean_edge_ratio_after,seconds\n");
        for (DalSweep.Run run : r.runs()) {
            csv.append(String.format(Locale.ROOT, "\"%s\",%g,%s,%s,%d,%.6g,%.6g,%.4f,%d,%d,%.6g,%.6g,%.4f,%.3e,%.6g,%.4f,%.2f%n",
                    run.label(), run.power(), run.hvp(), run.status().state(), run.status().step(), run.medianLr(),
                    run.meanLr(), run.capped(), run.spikes(), run.rises(), run.trainLoss(), run.testLoss(),
                    run.testAccuracy(), run.edgeCheck(), run.eos().peakSharpness(), run.eos().meanEdgeRatioAfter(),
                    run.seconds()));
        }
        return csv.toString();
    }

    private static List<Section> sections(DalSweep.Result r, List<ClaimResult> claims, boolean quick) {
        DalSweep.Settings s = r.settings();
        List<Section> out = new ArrayList<>();
        String rule = s.normalized()
                ? "h_t = clip(h_base / (v_t/v_0)^p, 0, h_max) with the drift ratio v_t = ‖Hg‖/‖g‖ of the full training loss"
                        + " normalised by its value v_0 at the first step (scale-free: every p starts at h_base = "
                        + LrSweepPages.num(s.baseLr()) + ")"
                : "h_t = clip(2 / v_t^p, 0, h_max) with the drift ratio v_t = ‖Hg‖/‖g‖ of the full training loss";
        String identity = s.normalized() ? "h_t·v_t = h_base·v_0" : "h_t = 2/v_t";
        String note = s.normalized()
                ? "Note: the reference rule 2/v^p is not invariant to the scale of the loss for p ≠ 1, and falls with p"
                        + " only where v > 1 (METHODS §10 pitfall 1). Here v is normalised by v_0, so h_t does not depend"
                        + " on the loss's units, and a larger p takes smaller steps exactly where the drift has grown"
                        + " (v_t > v_0), larger ones where it has fallen."
                : "Note: 2/v^p falls with p only where v > 1, and p ≠ 1 is not invariant to the scale of the loss"
                        + " (METHODS §10 pitfall 1): summing the squared error over the outputs keeps v between about 10"
                        + " and 30 along the p = 1 run. At moments when the gradient lies in flat directions v drops far"
                        + " lower, and p = 2 then takes large (up to capped) steps.";
        out.add(new Section.Text("The EOS-1 setup (full-batch GD on the first " + s.samples() + " digits, " + s.model()
                + ", squared error on one-hot targets summed over the outputs) with DAL-p (METHODS §4.2): " + rule
                + ", h_max = " + LrSweepPages.num(s.maxLr()) + ", " + s.steps() + " steps. p = 0 is plain GD at "
                + Rates.h(s.baseLr()) + ". Hg is exact (Hessian-vector product) in the main runs, and the"
                + " reference one-sided difference with a parameter step of length 0.01 in the extra p = 1 run. Every "
                + s.every() + " steps v is measured again independently (GradientStats.driftRatio) to check " + identity
                + " at p = 1, and λ_max is measured next to 2/h_t. A loss spike is an episode with the loss above twice"
                + " its running minimum; 'rises' counts the steps at which the loss went up.\n\n" + note));
        out.addAll(ClaimSections.of(claims, quick));
        out.add(new Section.Text("The runs and curves below are those of seed " + r.settings().seed() + ", the first seed;"
                + " results.csv holds every seed's runs."));
        out.add(new Section.Heading("Runs"));
        List<List<String>> rows = new ArrayList<>();
        for (DalSweep.Run run : r.runs()) {
            rows.add(List.of(run.label(), run.diverged() ? "diverged at " + run.status().step() : "completed",
                    LrSweepPages.f(run.medianLr()), LrSweepPages.f(run.meanLr()), LrSweepPages.pct(run.capped()),
                    Integer.toString(run.spikes()), Integer.toString(run.rises()), LrSweepPages.f(run.trainLoss()),
                    LrSweepPages.f(run.testLoss()), LrSweepPages.f(run.testAccuracy()),
                    Double.isNaN(run.edgeCheck()) ? "-" : String.format(Locale.ROOT, "%.1e", run.edgeCheck()),
                    LrSweepPages.f(run.eos().meanEdgeRatioAfter()), String.format(Locale.ROOT, "%.1f s", run.seconds())));
        }
        out.add(Section.Table.of(List.of("run", "end", "median h_t", "mean h_t", "capped", "spikes", "rises", "train loss",
                "test loss", "test acc", "p = 1 identity error", "mean λh/2", "time"), rows));
        LrSweepPages.chart(out, "dal_lr", "Effective learning rate h_t along each run", rates(r));
        LrSweepPages.chart(out, "edge_check", "p = 1: h_t (solid) against " + (s.normalized() ? "h_base·v_0/v_t" : "2/v_t")
                + " with v_t measured independently (dashed, same colour) and 2/λ_max"
                + " (dashed, dark: the stability edge of the sharpest direction)", edgeCheck(r));
        LrSweepPages.chart(out, "loss", "Training loss along each run", loss(r));
        LrSweepPages.chart(out, "edge_ratio", "λ_max·h_t/2 along each run (1: the edge of stability)", edgeRatio(r));
        return out;
    }

    private static Plot rates(DalSweep.Result r) {
        LinePlot p = new LinePlot("h_t").xLabel("step").yLabel("learning rate").logY(true);
        for (DalSweep.Run run : r.runs()) {
            p.add(LrSweepCurves.series(run.label(), run.rows(), "dal_lr", true));
        }
        return LrSweepCurves.plotOrNull(p);
    }

    private static Plot edgeCheck(DalSweep.Result r) {
        LinePlot p = new LinePlot("DAL-1 at p = 1").xLabel("step").yLabel("learning rate").logY(true);
        int i = 0;
        boolean lambdaDrawn = false;
        for (DalSweep.Run run : r.runs()) {
            if (run.power() != 1) {
                continue;
            }
            java.awt.Color c = Theme.series(i++);
            String tag = run.hvp().equals("exact") ? "exact" : "fd";
            p.add(LrSweepCurves.series("h_t " + tag, run.rows(), "dal_lr", true).withColour(c));
            LrSweepCurves.Curve v = LrSweepCurves.curve(run.rows(), "drift_check");
            double[] two = new double[v.size()];
            for (int k = 0; k < two.length; k++) {
                two[k] = r.settings().powerOneRate(v.values()[k], run.initialDrift());
            }
            p.add(Series.dashed("p = 1 rate check " + tag, v.steps(), two).withColour(c).positive(false, true));
            if (lambdaDrawn) {
                continue;
            }
            lambdaDrawn = true;
            LrSweepCurves.Curve lam = LrSweepCurves.curve(run.rows(), "sharpness");
            double[] twoLam = new double[lam.size()];
            for (int k = 0; k < twoLam.length; k++) {
                twoLam[k] = 2 / lam.values()[k];
            }
            p.add(Series.dashed("2/λ_max", lam.steps(), twoLam).withColour(Theme.INK).positive(false, true));
        }
        return LrSweepCurves.plotOrNull(p);
    }

    private static Plot loss(DalSweep.Result r) {
        LinePlot p = new LinePlot("training loss").xLabel("step").yLabel("loss").logY(true);
        for (DalSweep.Run run : r.runs()) {
            p.add(LrSweepCurves.series(run.label(), run.rows(), "loss", true));
        }
        return LrSweepCurves.plotOrNull(p);
    }

    private static Plot edgeRatio(DalSweep.Result r) {
        LinePlot p = new LinePlot("λ_max·h_t/2").xLabel("step").yLabel("λ_max·h_t/2").logY(true);
        for (DalSweep.Run run : r.runs()) {
            p.add(LrSweepCurves.series(run.label(), run.rows(), "edge_ratio", true));
        }
        return LrSweepCurves.plotOrNull(p);
    }
}
