package org.occam.lab.mm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.plot.LinePlot;
import org.occam.lab.plot.Plot;
import org.occam.lab.plot.Series;
import org.occam.lab.plot.Theme;
import org.occam.lab.report.ClaimSections;
import org.occam.lab.report.LrSweepCurves;
import org.occam.lab.report.LrSweepPages;
import org.occam.lab.report.Section;

/** Writes the MM-1 results: results.csv (angle curves of every seed), summary.txt, a chart and report.html. */
public final class MaxMarginReport {
    private MaxMarginReport() {
    }

    /**
     * Writes the files into {@code dir} and returns report.html.
     *
     * @param seeds the result of each seed
     * @param claims the judged claims
     * @param quick whether it is a quick (test-size) run
     * @param dir the output folder
     * @return report.html
     * @throws IOException when writing fails
     */
    public static Path write(List<MaxMarginSweep.Result> seeds, List<ClaimResult> claims, boolean quick, Path dir)
            throws IOException {
        long[] ids = seeds.stream().mapToLong(r -> r.settings().seed()).toArray();
        return LrSweepPages.write(dir, "MM-1: the max-margin directions of gradient and sign descent on separable data",
                sections(seeds, claims, quick), LrSweepPages.seedCsv(ids, seeds.stream().map(MaxMarginReport::csv).toList()),
                LrSweepPages.summary(claims, quick));
    }

    private static String csv(MaxMarginSweep.Result r) {
        StringBuilder sb = new StringBuilder("step,angle_logistic_svm,angle_exponential_svm,angle_sign_linf,angle_sign_svm,"
                + "angle_gd_linf\n");
        for (int i = 0; i < r.steps().length; i++) {
            sb.append(r.steps()[i]).append(',').append(r.logistic()[i]).append(',').append(r.exponential()[i]).append(',')
                    .append(r.sign()[i]).append(',').append(r.signToSvm()[i]).append(',').append(r.gdToLinf()[i])
                    .append('\n');
        }
        return sb.toString();
    }

    private static List<Section> sections(List<MaxMarginSweep.Result> seeds, List<ClaimResult> claims, boolean quick) {
        MaxMarginSweep.Settings s = seeds.getFirst().settings();
        List<Section> out = new ArrayList<>();
        out.add(new Section.Text("Each seed draws " + s.samples() + " points in " + s.dim() + "-D, linearly separable"
                + " through the origin with gap " + LrSweepPages.num(s.dataMargin()) + ", and solves the ℓ2 hard-margin"
                + " SVM and the ℓ∞-margin LP exactly (enumeration). From w₀ = 0 it runs " + s.steps() + " steps of GD"
                + " (η = 1/max‖x‖²) on the mean logistic and exponential losses, and ℓ∞ steepest descent (sign descent"
                + " scaled by ‖∇L‖₁, loss-scaled step 1/(max‖x‖₁² L)) on the exponential loss, in float64. Angles are"
                + " recorded at t = 2^k. Soudry et al. 2018: w_t = ŵ ln t + ρ_t with ŵ the margin-1 SVM"
                + " and ρ_t bounded, so c_t = ŵᵀw_t/‖ŵ‖² grows with slope 1 in ln t and the angle ≈ ‖ρ⊥‖/(‖ŵ‖c_t)"
                + " decays like 1/ln t; fits over t ≥ 2^" + s.windowLog2() + ". p, the exponent of angle ∝ (ln t)^−p"
                + " fitted directly, is shown but not claimed: the offset c_t − ln t biases it at finite t."
                + " See docs/max-margin.md."));
        out.addAll(ClaimSections.of(claims, quick));
        List<List<String>> rows = new ArrayList<>();
        for (MaxMarginSweep.Result r : seeds) {
            rows.add(List.of(Long.toString(r.settings().seed()), LrSweepPages.f(r.svmMargin()), LrSweepPages.f(r.linfMargin())
                    + (r.linfUnique() ? "" : " (face)"), e(r.logisticFit().endAngle()), LrSweepPages.f(r.logisticFit()
                    .slope()), LrSweepPages.f(r.logisticFit().perpRatio()), LrSweepPages.f(r.logisticFit().exponent()),
                    e(r.exponentialFit().endAngle()), LrSweepPages.f(r.exponentialFit().slope()),
                    e(r.sign()[r.sign().length - 1]), e(r.signToSvm()[r.signToSvm().length - 1]),
                    String.format(Locale.ROOT, "%.1f s", r.seconds())));
        }
        out.add(new Section.Heading("Seeds"));
        out.add(Section.Table.of(List.of("seed", "ℓ2 margin", "ℓ∞ margin", "GD-log angle", "d c/d ln t (log)",
                "‖ρ⊥‖ ratio (log)", "p (log)", "GD-exp angle", "d c/d ln t (exp)", "sign: angle to ℓ∞", "sign: angle to SVM", "time"), rows));
        LrSweepPages.chart(out, "angles", "Angles of the first seed against step (log-log): GD to the SVM direction"
                + " (logistic, exponential), sign descent to the ℓ∞-margin and to the SVM direction", plot(seeds.getFirst()));
        return out;
    }

    private static Plot plot(MaxMarginSweep.Result r) {
        double[] t = new double[r.steps().length];
        for (int i = 0; i < t.length; i++) {
            t[i] = r.steps()[i];
        }
        LinePlot p = new LinePlot("angles").xLabel("step").yLabel("angle (rad)").logX(true).logY(true);
        p.add(Series.of("GD logistic → SVM", t, r.logistic()).withColour(Theme.series(0)).positive(true, true));
        p.add(Series.of("GD exponential → SVM", t, r.exponential()).withColour(Theme.series(1)).positive(true, true));
        p.add(Series.of("sign descent → ℓ∞ margin", t, r.sign()).withColour(Theme.series(2)).positive(true, true));
        p.add(Series.dashed("sign descent → SVM", t, r.signToSvm()).withColour(Theme.series(3)).positive(true, true));
        return LrSweepCurves.plotOrNull(p);
    }

    private static String e(double v) {
        return String.format(Locale.ROOT, "%.2e", v);
    }
}
