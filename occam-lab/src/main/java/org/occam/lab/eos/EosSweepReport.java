package org.occam.lab.eos;

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
import org.occam.lr.EdgeOfStability;

/** Writes the EOS-1 results: results.csv, summary.txt, chart PNGs and an offline report.html. */
public final class EosSweepReport {
    private EosSweepReport() {
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
    public static Path write(List<EosSweep.Result> seeds, List<ClaimResult> claims, boolean quick, Path dir) throws IOException {
        EosSweep.Result r = seeds.getFirst();
        long[] ids = seeds.stream().mapToLong(x -> x.settings().seed()).toArray();
        List<Section> sections = sections(r, claims, quick);
        return LrSweepPages.write(dir, "EOS-1: progressive sharpening and the edge of stability", sections,
                LrSweepPages.seedCsv(ids, seeds.stream().map(EosSweepReport::csv).toList()),
                LrSweepPages.summary(claims, quick));
    }

    private static String csv(EosSweep.Result r) {
        StringBuilder csv = new StringBuilder("lr,status,steps,first_loss,last_loss,loss_rises,initial_sharpness,peak_sharpness,"
                + "sharpening_ratio,arrival_step,fraction_near_edge,fraction_near_edge_after,mean_edge_ratio_after,"
                + "max_edge_ratio,seconds\n");
        for (EosSweep.Run run : r.runs()) {
            EdgeOfStability e = run.eos();
            csv.append(String.format(Locale.ROOT, "%g,%s,%d,%.6g,%.6g,%d,%.6g,%.6g,%.6g,%.0f,%.4f,%.4f,%.4f,%.4f,%.2f%n",
                    run.lr(), run.status().state(), run.status().step(), run.firstLoss(), run.lastLoss(), run.increases(),
                    e.initialSharpness(), e.peakSharpness(), e.sharpeningRatio(), e.arrivalStep(), e.fractionNearEdge(),
                    e.fractionNearEdgeAfter(), e.meanEdgeRatioAfter(), e.maxEdgeRatio(), run.seconds()));
        }
        return csv.toString();
    }

    private static List<Section> sections(EosSweep.Result r, List<ClaimResult> claims, boolean quick) {
        EosSweep.Settings s = r.settings();
        List<Section> out = new ArrayList<>();
        out.add(new Section.Text("Full-batch gradient descent on the first " + s.samples() + " rows of the embedded 8x8 digits ("
                + s.model() + "), squared error against one-hot targets summed over the 10 outputs and averaged over"
                + " samples, " + s.steps() + " steps per learning rate. Every " + s.every() + " steps the sharpness λ_max"
                + " (top Hessian eigenvalue of the full training loss, " + s.lanczosSteps() + " Lanczos steps) is measured"
                + " next to the stability line 2/h (METHODS §4.1, §11 EOS-1). Cohen et al.'s edge of stability: λ_max rises"
                + " during training (progressive sharpening) until it reaches 2/h, then hovers there instead of"
                + " diverging, while the loss keeps falling non-monotonically. 'Reached' means λ ≥ 0.9·2/h; 'near' means"
                + " within 10 % of 2/h."));
        out.addAll(ClaimSections.of(claims, quick));
        out.add(new Section.Text("The runs and curves below are those of seed " + r.settings().seed() + ", the first seed;"
                + " results.csv holds every seed's runs."));
        out.add(new Section.Heading("Runs"));
        List<List<String>> rows = new ArrayList<>();
        for (EosSweep.Run run : r.runs()) {
            EdgeOfStability e = run.eos();
            rows.add(List.of(run.label(), LrSweepPages.f(2 / run.lr()), run.diverged() ? "diverged at " + run.status().step()
                            : "completed", LrSweepPages.f(run.firstLoss()) + " → " + LrSweepPages.f(run.lastLoss()),
                    Integer.toString(run.increases()), LrSweepPages.f(e.initialSharpness()), LrSweepPages.f(e.peakSharpness()),
                    e.reachedEdge() ? String.format(Locale.ROOT, "%.0f", e.arrivalStep()) : "never",
                    LrSweepPages.pct(e.fractionNearEdgeAfter()), LrSweepPages.f(e.meanEdgeRatioAfter()),
                    String.format(Locale.ROOT, "%.1f s", run.seconds())));
        }
        out.add(Section.Table.of(List.of("run", "2/h", "end", "loss", "loss rises", "λ_max at 0", "peak λ_max", "reached at",
                "near 2/h after", "mean λh/2 after", "time"), rows));
        LrSweepPages.chart(out, "sharpness", "Sharpness λ_max along each run (solid) and its stability line 2/h (dashed)",
                sharpness(r));
        LrSweepPages.chart(out, "edge_ratio", "λ_max·h/2 along each run: 1 is the edge of stability", edgeRatio(r));
        LrSweepPages.chart(out, "loss", "Training loss along each run", loss(r));
        return out;
    }

    private static Plot sharpness(EosSweep.Result r) {
        LinePlot p = new LinePlot("sharpness against 2/h").xLabel("step").yLabel("λ_max");
        int i = 0;
        for (EosSweep.Run run : r.runs()) {
            java.awt.Color c = Theme.series(i++);
            LrSweepCurves.Curve lam = LrSweepCurves.curve(run.rows(), "sharpness");
            p.add(Series.of(run.label(), lam.steps(), lam.values()).withColour(c));
            LrSweepCurves.Curve two = LrSweepCurves.curve(run.rows(), "two_over_lr");
            p.add(Series.dashed("2/" + LrSweepPages.num(run.lr()), two.steps(), two.values()).withColour(c));
        }
        return LrSweepCurves.plotOrNull(p);
    }

    private static Plot edgeRatio(EosSweep.Result r) {
        LinePlot p = new LinePlot("λ_max·h/2").xLabel("step").yLabel("λ_max·h/2");
        double last = 0;
        for (EosSweep.Run run : r.runs()) {
            p.add(LrSweepCurves.series(run.label(), run.rows(), "edge_ratio", false));
            last = Math.max(last, run.status().step());
        }
        p.add(Series.dashed("edge", new double[] {0, last}, new double[] {1, 1}).withColour(Theme.INK));
        return LrSweepCurves.plotOrNull(p);
    }

    private static Plot loss(EosSweep.Result r) {
        LinePlot p = new LinePlot("training loss").xLabel("step").yLabel("loss").logY(true);
        for (EosSweep.Run run : r.runs()) {
            p.add(LrSweepCurves.series(run.label(), run.rows(), "loss", true));
        }
        return LrSweepCurves.plotOrNull(p);
    }
}
