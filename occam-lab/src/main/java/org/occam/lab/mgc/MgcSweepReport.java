package org.occam.lab.mgc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.occam.lab.plot.LinePlot;
import org.occam.lab.plot.Plot;
import org.occam.lab.plot.ScatterPlot;
import org.occam.lab.plot.Series;
import org.occam.lab.plot.Theme;
import org.occam.lab.report.LrSweepCurves;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.report.ClaimSections;
import org.occam.lab.report.LrSweepPages;
import org.occam.lab.report.Section;

/** Writes the MGC-1 results: results.csv (one row per run), summary.txt, chart PNGs and report.html. */
public final class MgcSweepReport {
    private MgcSweepReport() {
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
    public static Path write(List<MgcSweep.Result> seeds, List<ClaimResult> claims, boolean quick, Path dir) throws IOException {
        MgcSweep.Result r = seeds.getFirst();
        long[] ids = seeds.stream().mapToLong(x -> x.settings().seed()).toArray();
        return LrSweepPages.write(dir, "MGC-1: margin-normalized geometric complexity and the generalization gap",
                sections(r, claims, quick), LrSweepPages.seedCsv(ids, seeds.stream().map(MgcSweepReport::csv).toList()),
                LrSweepPages.summary(claims, quick));
    }

    private static String csv(MgcSweep.Result r) {
        StringBuilder sb = new StringBuilder("labels,corruption,lr,seed,steps,fitted,train_loss,train_accuracy,test_accuracy,gap,"
                + "gc,margin_gamma,gc_over_gamma2,seconds\n");
        for (MgcSweep.Run run : r.runs()) {
            sb.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%s,%s,%s,%s,%s,%s,%s,%s,%.2f%n", run.labels(), run.corruption(),
                    run.lr(), run.seed(), run.steps(), run.reached(), run.trainLoss(), run.trainAccuracy(), run.testAccuracy(),
                    run.gap(), run.bound().gc(), run.bound().gamma(), run.bound().gcOverGamma2(), run.seconds()));
        }
        return sb.toString();
    }

    private static List<Section> sections(MgcSweep.Result r, List<ClaimResult> claims, boolean quick) {
        MgcSweep.Settings s = r.settings();
        List<Section> out = new ArrayList<>();
        out.add(new Section.Text(s.model() + " trained with SGD (batch " + s.batchSize() + ") and cross-entropy on the first "
                + s.samples() + " " + s.data() + " training rows, with true, partly wrong or random training labels, until"
                + " every training example is fitted and the mean training loss is at most " + LrSweepPages.num(s.lossTarget())
                + " (at most " + s.maxSteps() + " steps). Then GC = mean ‖∇ₓf‖²_F of the logits over the training set,"
                + " γ = the " + LrSweepPages.num(100 * s.quantile()) + "th percentile of the training margins"
                + " f_y − max_{j≠y} f_j (type-7 quantile), GC/γ², and the generalization gap = train accuracy − test"
                + " accuracy on the true test labels (METHODS §7.3, §11 MGC-1). Munn, Dherin and Gonzalvo bound the error"
                + " by a margin term plus a complexity term growing with √(GC/(γ² n)): random labels should give much larger"
                + " GC/γ², and GC/γ² should rank-correlate with the gap across runs."));
        out.add(new Section.Text("The same experiment through the config system: ./occam sweep examples/sweeps/mgc1_labels.yaml"
                + " (true vs random labels × learning rate × seed with the gc_margin monitor; the sweep table has"
                + " final_gc_over_gamma2, final_train_accuracy and final_test_accuracy per run)."));
        out.addAll(ClaimSections.of(claims, quick));
        out.add(new Section.Text("The runs and curves below are those of seed " + r.settings().seed() + ", the first seed;"
                + " results.csv holds every seed's runs."));
        out.add(new Section.Heading("Runs"));
        List<List<String>> rows = new ArrayList<>();
        for (MgcSweep.Run run : r.runs()) {
            rows.add(List.of(run.label(), Long.toString(run.steps()) + (run.reached() ? "" : " (limit)"),
                    LrSweepPages.f(run.trainLoss()), LrSweepPages.pct(run.trainAccuracy()), LrSweepPages.pct(run.testAccuracy()),
                    LrSweepPages.f(run.gap()), LrSweepPages.f(run.bound().gc()), LrSweepPages.f(run.bound().gamma()),
                    LrSweepPages.f(run.bound().gcOverGamma2()), String.format(Locale.ROOT, "%.1f s", run.seconds())));
        }
        out.add(Section.Table.of(List.of("run", "steps", "train loss", "train acc", "test acc", "gap", "GC", "γ", "GC/γ²",
                "time"), rows));
        LrSweepPages.chart(out, "gc_over_gamma2_gap", "GC/γ² against the generalization gap, one point per run",
                scatter(r, run -> run.bound().gcOverGamma2(), "GC/γ²"));
        LrSweepPages.chart(out, "gc_gap", "GC alone against the gap (no margin normalization)",
                scatter(r, run -> run.bound().gc(), "GC"));
        LrSweepPages.chart(out, "gc_over_gamma2_curves", "GC/γ² along training, first run of each label group (defined once γ > 0)", curves(r));
        return out;
    }

    private static Plot scatter(MgcSweep.Result r, ToDoubleFunction<MgcSweep.Run> x, String name) {
        ScatterPlot p = new ScatterPlot(name + " vs gap").xLabel(name).yLabel("train − test accuracy").logX(true);
        Map<String, List<MgcSweep.Run>> groups = new LinkedHashMap<>();
        for (MgcSweep.Run run : r.runs()) {
            groups.computeIfAbsent(run.labels(), k -> new ArrayList<>()).add(run);
        }
        groups.forEach((labels, runs) -> p.add(labels + " labels", runs.stream().mapToDouble(x).toArray(),
                runs.stream().mapToDouble(MgcSweep.Run::gap).toArray(), null));
        return p.hasData() ? p.plot() : null;
    }

    /** GC/γ² along the first run of each label group (one curve per group keeps the legend readable). */
    private static Plot curves(MgcSweep.Result r) {
        LinePlot p = new LinePlot("GC/γ² during training").xLabel("step").yLabel("GC/γ²").logY(true);
        Map<String, MgcSweep.Run> first = new LinkedHashMap<>();
        for (MgcSweep.Run run : r.runs()) {
            first.putIfAbsent(run.labels(), run);
        }
        int i = 0;
        for (MgcSweep.Run run : first.values()) {
            double[] steps = run.curve().stream().mapToDouble(c -> c[0]).toArray();
            double[] ratio = run.curve().stream().mapToDouble(c -> c[3]).toArray();
            p.add(Series.of(run.label(), steps, ratio).positive(false, true).withColour(Theme.series(i++)));
        }
        return LrSweepCurves.plotOrNull(p);
    }
}
