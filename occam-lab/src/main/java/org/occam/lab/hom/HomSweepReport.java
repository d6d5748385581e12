package org.occam.lab.hom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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

/** Writes the HOM-1 results: results.csv (the curves), summary.txt, chart PNGs and report.html. */
public final class HomSweepReport {
    private HomSweepReport() {
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
    public static Path write(List<HomSweep.Result> seeds, List<ClaimResult> claims, boolean quick, Path dir) throws IOException {
        HomSweep.Result r = seeds.getFirst();
        long[] ids = seeds.stream().mapToLong(x -> x.settings().seed()).toArray();
        return LrSweepPages.write(dir, "HOM-1: margins and directions of a homogeneous network under gradient descent",
                sections(r, claims, quick), LrSweepPages.seedCsv(ids, seeds.stream().map(x -> csv(x.trends())).toList()),
                LrSweepPages.summary(claims, quick));
    }

    private static String csv(HomTrends t) {
        Map<Long, String[]> rows = new TreeMap<>();
        for (int i = 0; i < t.steps().length; i++) {
            String[] c = rows.computeIfAbsent((long) t.steps()[i], k -> new String[6]);
            c[0] = num(t.logLoss()[i]);
            c[1] = num(t.smoothed()[i]);
            c[2] = num(t.normalized()[i]);
            c[3] = num(t.norm()[i]);
        }
        for (int i = 0; i < t.dirSteps().length; i++) {
            rows.computeIfAbsent((long) t.dirSteps()[i], k -> new String[6])[4] = num(t.dirCos()[i]);
        }
        for (int i = 0; i < t.alignSteps().length; i++) {
            rows.computeIfAbsent((long) t.alignSteps()[i], k -> new String[6])[5] = num(t.alignCos()[i]);
        }
        StringBuilder sb = new StringBuilder("step,log_sum_loss,smoothed_margin,normalized_margin,param_norm,dir_cos,align_cos\n");
        rows.forEach((step, c) -> {
            sb.append(step);
            for (String v : c) {
                sb.append(',').append(v == null ? "" : v);
            }
            sb.append('\n');
        });
        return sb.toString();
    }

    private static String num(double v) {
        return Double.toString(v);
    }

    private static List<Section> sections(HomSweep.Result r, List<ClaimResult> claims, boolean quick) {
        HomSweep.Settings s = r.settings();
        HomTrends t = r.trends();
        List<Section> out = new ArrayList<>();
        out.add(new Section.Text("Full-batch gradient descent in float64 with the mean logistic loss (step "
                + Rates.h(s.lr()) + ") on " + (s.data().equals("separable") ? s.samples()
                + " linearly separable 2-D points (gap " + LrSweepPages.num(s.dataMargin()) + " from the line)"
                : "the first " + s.samples() + " training digits 0 and 1") + ", model " + s.model() + ", homogeneous of"
                + " degree L = " + t.degree() + ", for " + s.steps() + " steps (METHODS §9, §11 HOM-1). With ρ = ‖θ‖ and"
                + " the loss L summed over the examples, the smoothed margin is γ̃ = log(1/(e^L − 1))/ρ^L, computed from"
                + " log L in log space so that it stays exact after L underflows; the normalized margin is γ̄ = min_i"
                + " y_i f(x_i)/ρ^L. Lyu and Li: once L < log 2, γ̃ is non-decreasing, γ̃ and γ̄ converge, and ρ grows"
                + " like (log t)^(1/L). Ji and Telgarsky: θ/ρ converges (cos(θ_t, θ_2t) → 1) and aligns with −∇L."
                + " Margins are measured every " + s.marginEvery() + " steps, directions at steps " + s.directionEvery()
                + "·2^k."));
        out.add(new Section.Text("The same experiment through the config system: ./occam sweep examples/sweeps/hom1_lr.yaml"
                + " (the margins and direction monitors on examples/hom1_separable.yaml, three step sizes)."));
        out.addAll(ClaimSections.of(claims, quick));
        out.add(new Section.Text("The runs and curves below are those of seed " + r.settings().seed() + ", the first seed;"
                + " results.csv holds every seed's runs."));
        out.add(new Section.Heading("Run"));
        out.add(Section.Table.of(List.of("L < log 2 from step", "γ̃ decreases", "final L", "final γ̃", "final γ̄", "final ‖θ‖",
                "slope of ρ^L vs ln t", "R²", "d ln ρ / d ln ln t", "time"), List.of(List.of(Long.toString(t.fittedStep()),
                t.violations() + " of " + t.measuredAfterFit(), String.format(Locale.ROOT, "%.3e", Math.exp(t.finalLogLoss())),
                LrSweepPages.f(t.finalSmoothed()), LrSweepPages.f(t.finalNormalized()), LrSweepPages.f(t.finalNorm()),
                LrSweepPages.f(t.normSlope()), String.format(Locale.ROOT, "%.4f", t.normR2()), LrSweepPages.f(t.normExponent()),
                String.format(Locale.ROOT, "%.1f s", r.run().seconds())))));
        LrSweepPages.chart(out, "margins", "Smoothed margin γ̃ (solid) and normalized margin γ̄ (dashed) against step,"
                + " log axis, from the step where L < log 2", margins(t));
        LrSweepPages.chart(out, "param_norm", "ρ^L against step on a log axis (a straight line is ρ ∝ (log t)^(1/L)), with"
                + " the least-squares line over the fitted window", norm(t));
        LrSweepPages.chart(out, "loss", "The summed logistic loss L", loss(t));
        LrSweepPages.chart(out, "direction", "1 − cos(θ_t, θ_2t) and 1 − cos(θ, −∇L) at steps every·2^k: both → 0",
                direction(t));
        return out;
    }

    private static Plot margins(HomTrends t) {
        LinePlot p = new LinePlot("margins once L < log 2").xLabel("step").yLabel("margin").logX(true);
        double[][] pos = from(Math.max(1, t.fittedStep()), t.steps(), t.smoothed(), t.normalized());
        p.add(Series.of("smoothed γ̃", pos[0], pos[1]).withColour(Theme.series(0)));
        p.add(Series.dashed("normalized γ̄", pos[0], pos[2]).withColour(Theme.series(1)));
        return LrSweepCurves.plotOrNull(p);
    }

    private static Plot norm(HomTrends t) {
        LinePlot p = new LinePlot("parameter norm").xLabel("step").yLabel("ρ^L").logX(true);
        double[] rhoL = java.util.Arrays.stream(t.norm()).map(v -> Math.pow(v, t.degree())).toArray();
        double[][] pos = from(1, t.steps(), rhoL);
        p.add(Series.of("ρ^" + t.degree(), pos[0], pos[1]).withColour(Theme.series(0)));
        if (Double.isFinite(t.normSlope())) {
            double start = Math.max(2, t.windowStart());
            double end = t.steps()[t.steps().length - 1];
            p.add(Series.dashed("fit over the window", new double[] {start, end}, new double[] {
                t.normSlope() * Math.log(start) + t.normIntercept(), t.normSlope() * Math.log(end) + t.normIntercept()})
                    .withColour(Theme.INK));
        }
        return LrSweepCurves.plotOrNull(p);
    }

    private static Plot loss(HomTrends t) {
        LinePlot p = new LinePlot("summed loss").xLabel("step").yLabel("L").logX(true).logY(true);
        double[] l = java.util.Arrays.stream(t.logLoss()).map(Math::exp).toArray();
        double[][] pos = from(1, t.steps(), l);
        p.add(Series.of("L", pos[0], pos[1]).positive(true, true));
        return LrSweepCurves.plotOrNull(p);
    }

    private static Plot direction(HomTrends t) {
        LinePlot p = new LinePlot("direction").xLabel("step").yLabel("1 − cos").logX(true).logY(true);
        p.add(Series.of("1 − cos(θ_t, θ_2t)", t.dirSteps(), oneMinus(t.dirCos())).positive(true, true));
        p.add(Series.of("1 − cos(θ, −∇L)", t.alignSteps(), oneMinus(t.alignCos())).positive(true, true));
        return LrSweepCurves.plotOrNull(p);
    }

    private static double[] oneMinus(double[] v) {
        return java.util.Arrays.stream(v).map(x -> 1 - x).toArray();
    }

    /** The points with step ≥ {@code first}: row 0 the steps, then each column. */
    private static double[][] from(double first, double[] steps, double[]... cols) {
        int n = (int) java.util.Arrays.stream(steps).filter(s -> s >= first).count();
        double[][] out = new double[cols.length + 1][n];
        int k = 0;
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] >= first) {
                out[0][k] = steps[i];
                for (int c = 0; c < cols.length; c++) {
                    out[c + 1][k] = cols[c][i];
                }
                k++;
            }
        }
        return out;
    }
}
