package org.occam.lab.nc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.occam.collapse.TransferStats;
import org.occam.lab.plot.Plot;
import org.occam.lab.plot.ScatterPlot;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.report.ClaimSections;
import org.occam.lab.report.LrSweepPages;
import org.occam.lab.report.Section;
import org.occam.lab.report.Rates;

/** Writes the NC-1 results: results.csv, summary.txt, scatter-plot PNGs and an offline report.html. */
public final class NcSweepReport {
    private NcSweepReport() {
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
    public static Path write(List<NcSweep.Result> seeds, List<ClaimResult> claims, boolean quick, Path dir) throws IOException {
        NcSweep.Result r = seeds.getFirst();
        long[] ids = seeds.stream().mapToLong(x -> x.settings().seed()).toArray();
        return LrSweepPages.write(dir, "NC-1: geometric complexity, neural collapse and few-shot transfer", sections(r, claims, quick),
                LrSweepPages.seedCsv(ids, seeds.stream().map(NcSweepReport::csv).toList()), LrSweepPages.summary(claims, quick));
    }

    private static String csv(NcSweep.Result r) {
        StringBuilder csv = new StringBuilder("label,factor,lr,batch_size,l2,gc_coef,epochs,steps,train_loss,train_accuracy,"
                + "test_accuracy,reached_target,diverged,nc1,cdnv,ncc_accuracy,embedding_gc,gc_cdnv_bound,target_nc1,"
                + "target_cdnv,target_ncc_accuracy,fewshot_accuracy,fewshot_stderr,seconds\n");
        for (NcSweep.Run run : r.runs()) {
            NcSweep.Config c = run.config();
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%s,%s,%d,%d,%.6g,%.6g,%.6g,%b,%b", c.label(), c.factor(),
                    num(c.lr()), c.batch(), num(c.l2()), num(c.gc()), run.epochs(), run.steps(), run.trainLoss(),
                    run.trainAccuracy(), run.testAccuracy(), run.reachedTarget(), run.diverged()));
            Map<String, Double> m = run.diverged() ? Map.of() : run.stats().metrics();
            for (String k : List.of("nc1", "cdnv", "ncc_accuracy", "embedding_gc", "gc_cdnv_bound", "target_nc1", "target_cdnv",
                    "target_ncc_accuracy", "fewshot_accuracy", "fewshot_stderr")) {
                csv.append(',').append(m.containsKey(k) ? String.format(Locale.ROOT, "%.6g", m.get(k)) : "");
            }
            csv.append(String.format(Locale.ROOT, ",%.2f%n", run.seconds()));
        }
        return csv.toString();
    }

    private static String num(double v) {
        return v == 0 ? "0" : LrSweepPages.num(v);
    }

    private static List<Section> sections(NcSweep.Result r, List<ClaimResult> claims, boolean quick) {
        NcSweep.Settings s = r.settings();
        String acc = s.shots() + "-shot accuracy";
        List<Section> out = new ArrayList<>();
        out.add(new Section.Text("Pre-training of " + s.model() + " with SGD (cross-entropy) on " + NcData.sourceText(s)
                + ", varying one of the learning"
                + " rate h, the batch size B, L2 (coef/2·‖θ‖²) and an explicit GC penalty α·GC(embedding) at a time around the"
                + " base run " + Rates.h(s.baseLr()) + ", B = " + s.baseBatch() + ". The GC penalty acts on the"
                + " penultimate embedding, whose GC is the source GC below (METHODS §7.4). "
                + (s.terminalFactor() > 0 ? "Every run trains into the terminal phase: " + LrSweepPages.num(s.terminalFactor())
                        + "× the steps to 100 % training accuracy (checked at epoch ends; at most " + s.maxEpochs()
                        + " epochs). " : s.lossTarget() > 0 ? "Every run stops when its training loss reaches " + LrSweepPages.num(s.lossTarget())
                        + " (checked 4 times an epoch; at most " + s.maxEpochs() + " epochs), so runs are compared at equal"
                        + " loss. " : "Every run trains " + s.maxEpochs() + " epochs. ")
                + "Then the penultimate embedding f is measured: its geometric complexity GC = mean ‖∇ₓf‖²_F on the source"
                + " training rows, and on " + NcData.targetText(s) + " the class-distance normalised variance CDNV = mean_{i≠j} (Var_i + Var_j)/(2‖μ_i − μ_j‖²) and the "
                + acc + " of a nearest-class-centre classifier (" + s.episodes() + " seeded episodes; centres from "
                + s.shots() + " support rows per class, all other rows are queries). METHODS §7.4 and §11 NC-1 claim: lower"
                + " source GC → lower target CDNV → higher " + acc + ", each judged by a Spearman correlation per seed with an interval over seeds."));
        out.addAll(ClaimSections.of(claims, quick));
        out.add(new Section.Text("The runs and curves below are those of seed " + r.settings().seed() + ", the first seed;"
                + " results.csv holds every seed's runs."));
        out.add(new Section.Heading("Runs"));
        List<List<String>> rows = new ArrayList<>();
        for (NcSweep.Run run : r.runs()) {
            if (run.diverged()) {
                rows.add(List.of(run.config().label(), run.config().factor(), Integer.toString(run.epochs()), "diverged", "-",
                        "-", "-", "-", "-", "-", "-", String.format(Locale.ROOT, "%.1f s", run.seconds())));
                continue;
            }
            TransferStats t = run.stats();
            rows.add(List.of(run.config().label(), run.config().factor(), Integer.toString(run.epochs()),
                    LrSweepPages.f(run.trainLoss()), LrSweepPages.pct(run.testAccuracy()), LrSweepPages.f(t.source().nc1()),
                    LrSweepPages.f(t.source().cdnv()), LrSweepPages.f(run.sourceGc()), LrSweepPages.f(t.link().meanBound()),
                    LrSweepPages.f(run.targetCdnv()), String.format(Locale.ROOT, "%.2f ± %.2f %%", 100 * run.fewShot(),
                            100 * t.fewShot().stderr()), String.format(Locale.ROOT, "%.1f s", run.seconds())));
        }
        out.add(Section.Table.of(List.of("run", "varies", "epochs", "train loss", "source test acc", "source NC1",
                "source CDNV", "source GC", "Poincaré bound", "target CDNV", acc, "time"), rows));
        out.add(new Section.Text("'Poincaré bound' is the mean over class pairs of (GC_i + GC_j)/(2‖μ_i − μ_j‖²) on the"
                + " source classes: if every class's input distribution satisfies a Poincaré inequality with constant C_P,"
                + " then source CDNV ≤ C_P · bound (METHODS §7.4). Unlike GC it does not change when the embedding is"
                + " rescaled."));
        LrSweepPages.chart(out, "target_cdnv_vs_gc", "Target CDNV against the source GC of the embedding, one point per run",
                scatter(r, "target CDNV vs source GC", "source GC", NcSweep.Run::sourceGc, "target CDNV",
                        NcSweep.Run::targetCdnv));
        LrSweepPages.chart(out, "fewshot_vs_target_cdnv", acc + " on the target classes against their CDNV",
                scatter(r, acc + " vs target CDNV", "target CDNV", NcSweep.Run::targetCdnv, acc, NcSweep.Run::fewShot));
        LrSweepPages.chart(out, "fewshot_vs_gc", acc + " on the target classes against the source GC",
                scatter(r, acc + " vs source GC", "source GC", NcSweep.Run::sourceGc, acc, NcSweep.Run::fewShot));
        LrSweepPages.chart(out, "poincare", "Source CDNV against the Poincaré bound without C_P (the slope of the cloud"
                + " is a lower bound on C_P)", scatter(r, "source CDNV vs (GC_i+GC_j)/(2‖μ_i−μ_j‖²)", "Poincaré bound",
                run -> run.diverged() ? Double.NaN : run.stats().link().meanBound(), "source CDNV",
                run -> run.diverged() ? Double.NaN : run.stats().source().cdnv()));
        return out;
    }

    /** One group (colour) per factor, each point labelled by its run. */
    private static Plot scatter(NcSweep.Result r, String title, String xLabel, ToDoubleFunction<NcSweep.Run> x, String yLabel,
                                ToDoubleFunction<NcSweep.Run> y) {
        Map<String, List<NcSweep.Run>> groups = new LinkedHashMap<>();
        for (NcSweep.Run run : r.runs()) {
            if (!run.diverged()) {
                groups.computeIfAbsent(run.config().factor(), k -> new ArrayList<>()).add(run);
            }
        }
        ScatterPlot p = new ScatterPlot(title).xLabel(xLabel).yLabel(yLabel);
        for (var g : groups.entrySet()) {
            List<NcSweep.Run> runs = g.getValue();
            p.add(g.getKey().equals("base") ? "base" : "varies " + g.getKey(), runs.stream().mapToDouble(x).toArray(),
                    runs.stream().mapToDouble(y).toArray(), runs.stream().map(run -> run.config().shortLabel()).toArray(String[]::new));
        }
        return p.hasData() ? p.plot() : null;
    }
}
