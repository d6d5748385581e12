package org.occam.lab.dd4;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.occam.games.gan.GanLog;
import org.occam.games.gan.Mixture2d;
import org.occam.io.AtomicFiles;
import org.occam.lab.claim.ClaimTable;
import org.occam.lab.plot.LinePlot;
import org.occam.lab.plot.Plot;
import org.occam.lab.plot.ScatterPlot;
import org.occam.lab.plot.Series;
import org.occam.lab.report.ClaimSections;
import org.occam.lab.report.Pages;
import org.occam.lab.report.Section;

/**
 * Writes the DD-4 results: results.csv (one row per scheme and seed), summary.txt (the table and
 * the claims), sample scatter plots with the real mode centres, gradient-norm curves, the MNIST
 * sample grid when it ran, and an offline report.html; and prints the table and claims.
 */
public final class Dd4Report {
    private Dd4Report() {
    }

    /**
     * Prints the summary table (means ± sd over seeds per scheme) and the observed ranking.
     *
     * @param r the result
     * @param out receives the lines
     */
    public static void print(Dd4.Result r, Consumer<String> out) {
        out.accept("");
        for (String line : table(r)) {
            out.accept(line);
        }
        out.accept("observed ranking by mean W2 to the target, then high quality: " + r.ranking().stream()
                .map(Dd4.SchemeResult::label).toList());
    }

    /** A rate multiplier or rate without trailing zeros (2, 0.5). */
    static String num(double x) {
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    /**
     * Per scheme result and seed, the scores behind the table and the claims, for {@code --json}.
     *
     * @param r the result
     * @return the fields by name
     */
    public static Map<String, Object> json(Dd4.Result r) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Dd4.SchemeResult s : r.schemes()) {
            for (Dd4.SeedRun run : s.runs()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("scheme", s.scheme().key());
                m.put("lr_scale", s.lrScale());
                m.put("lr_d", s.config().lrD());
                m.put("lr_g", s.config().lrG());
                m.put("seed", run.seed());
                m.put("diverged_at", run.run().divergedAt());
                m.put("w2", finite(run.w2()));
                m.put("w2_perfect_generator", finite(run.w2Floor()));
                m.put("w2_samples", run.score().w2Samples());
                m.put("modes_covered", run.covered());
                m.put("modes_hit", run.hit());
                m.put("high_quality", run.highQuality());
                m.put("mode_kl_q_p", finite(run.modeKl()));
                m.put("mode_kl_p_q", finite(run.reverseModeKl()));
                m.put("grad_fluctuation", finite(run.gradSpread()));
                rows.add(m);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("runs", rows);
        out.put("ranking", r.ranking().stream().map(Dd4.SchemeResult::label).toList());
        return out;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /**
     * Writes the files into {@code dir} and returns report.html.
     *
     * @param r the result
     * @param quick whether it is a quick (test-size) run
     * @param dir the output folder
     * @return report.html
     * @throws IOException when writing fails
     */
    public static Path write(Dd4.Result r, boolean quick, Path dir) throws IOException {
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve("results.csv"), csv(r));
        AtomicFiles.writeString(dir.resolve("summary.txt"), String.join("\n", table(r)) + "\n\n"
                + String.join("\n", ClaimTable.lines(r.claims(), quick)) + "\n");
        List<Section> sections = sections(r, quick);
        for (Section s : sections) {
            if (s instanceof Section.Chart c) {
                c.plot().write(dir.resolve(c.name() + ".png"));
            }
        }
        Path html = dir.resolve("report.html");
        AtomicFiles.writeString(html, Pages.page("DD-4: discretisation drift in a GAN on the 8-Gaussian ring", sections));
        return html;
    }

    /** The summary table: per scheme and rate multiplier, mean ± sd over seeds. */
    static List<String> table(Dd4.Result r) {
        List<String> out = new ArrayList<>();
        String fmt = "%-58s %-15s %-15s %-13s %-13s %-16s %-13s %-13s %-16s %-9s %s";
        out.add(String.format(Locale.ROOT, fmt, "scheme, rate multiplier", "W2", "W2 perfect gen", "modes covered",
                "modes hit", "high quality", "KL(q||p)", "KL(p||q)", "grad fluctuation", "diverged", "time"));
        for (Dd4.SchemeResult s : r.schemes()) {
            out.add(String.format(Locale.ROOT, fmt, s.title(), s.w2().format("%.3f"), s.w2Floor().format("%.3f"),
                    s.covered().format("%.2f"), s.hit().format("%.2f"), Dd4Claims.pct(s.highQuality()),
                    s.modeKl().format("%.2f"), s.reverseModeKl().format("%.2f"), s.gradSpread().format("%.2f"),
                    s.diverged() + "/" + s.runs().size(), String.format(Locale.ROOT, "%.0fs", s.seconds())));
        }
        return out;
    }

    private static String csv(Dd4.Result r) {
        StringBuilder b = new StringBuilder("scheme,lr_scale,seed,steps,diverged_at,w2,w2_perfect_generator,mode_kl_q_p,"
                + "mode_kl_p_q,modes_covered,modes_hit,high_quality,final_modes_covered,final_modes_hit,final_high_quality,"
                + "final_grad_norm_d,final_grad_norm_g,grad_fluctuation,seconds\n");
        for (Dd4.SchemeResult s : r.schemes()) {
            for (Dd4.SeedRun run : s.runs()) {
                b.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%d,%d,%.4f,%.6g,%.6g,"
                        + "%.4f,%.2f%n", s.scheme().key(), num(s.lrScale()), run.seed(), run.run().config().steps(),
                        run.run().divergedAt(), run.w2(), run.w2Floor(), run.modeKl(), run.reverseModeKl(), run.covered(),
                        run.hit(), run.highQuality(), run.coverage().covered(), run.coverage().hit(),
                        run.coverage().highQualityFraction(), run.tail(GanLog::gradNormD), run.tail(GanLog::gradNormG),
                        run.gradSpread(), run.run().seconds()));
            }
        }
        return b.toString();
    }

    private static List<Section> sections(Dd4.Result r, boolean quick) {
        Dd4.Settings s = r.settings();
        List<Section> out = new ArrayList<>();
        out.add(new Section.Text(String.format(Locale.ROOT, "Setting '%s'. A GAN on the 8-Gaussian ring (radius 2,"
                + " σ = 0.02; METHODS §11 DD-4) with 2×%d %s MLPs (latent %d), %s, the BCE discriminator loss and the"
                + " zero-sum saturating generator loss (METHODS §3.4), plain SGD with η_D = %s and η_G = %s times each rate"
                + " multiplier in %s, batch %d, %d steps, %d seed(s) per scheme and multiplier (the same seeds, so the same"
                + " initialisations, for every scheme). The drift regularisers use the exact coefficients and the %s"
                + " estimator (METHODS §3.3, §3.5); SGA and consensus use γ = %s. The generator is scored on %d samples"
                + " (the same latents each time). The distance to the target is the exact sample W₂ between the first %d"
                + " samples and a stratified target sample of that size; 'W2 perfect gen' is the W₂ of an i.i.d. target"
                + " sample against the same kind of reference, the floor a perfect generator reaches at that size, and the"
                + " spread of that floor over seeds is the W₂ claims' resolution. A sample is high quality within 3σ of its"
                + " nearest centre; a mode is covered when at least 5 %% of the samples are high-quality samples of it;"
                + " 'modes hit' is VEEGAN's count (at least one); KL(q||p) and KL(p||q) compare the mode histogram (with a"
                + " bin for far samples) with the target's, both ways. Coverage is never judged by modes covered alone: a"
                + " generator collapsed on one mode scores well on it. Because GAN training oscillates, each run's scores"
                + " and gradient norms are averaged over its logged steps in the last %.0f %% of training (every %d steps),"
                + " the final generator included (W₂ over %d of them); the scatter plots show the final generator. Means"
                + " ± sd are over the seeds; gradient norms over the runs that did not diverge. Stability is judged by"
                + " diverged runs, then by the gradient-norm fluctuation: the standard deviation of log10‖∇_φL_φ‖ plus that"
                + " of log10‖∇_θL_θ‖ over the second half of training (blow-ups and saturation collapses, where the"
                + " generator's gradient vanishes by orders of magnitude, both raise it; small final gradient norms"
                + " alone are no sign of stability with the saturating loss). With η_D = η_G = η this zero-sum game makes"
                + " SGA at γ = η/2 coincide exactly with cancelling the interaction terms (METHODS §3.4-3.5). Total time"
                + " %.0f s.", s.name(), s.hidden(), s.activation().label(), s.latent(), s.spectralNorm()
                        ? "a spectrally normalised discriminator" : "a plain (not normalised) discriminator", s.lrD(), s.lrG(),
                s.lrScales().stream().map(Dd4Report::num).toList(), s.batch(), s.steps(), s.seeds(),
                s.estimator().name().toLowerCase(Locale.ROOT), s.gamma(), s.evalSamples(), s.w2Samples(), 100 * Dd4.TAIL,
                s.logEvery(), Dd4.W2_SNAPSHOTS, r.seconds())));
        out.addAll(ClaimSections.of(r.claims(), quick));
        out.add(new Section.Heading("Schemes"));
        List<List<String>> rows = new ArrayList<>();
        for (Dd4.SchemeResult x : r.schemes()) {
            rows.add(List.of(x.title(), x.w2().format("%.3f"), x.w2Floor().format("%.3f"), x.covered().format("%.2f"),
                    x.hit().format("%.2f"), Dd4Claims.pct(x.highQuality()), x.modeKl().format("%.2f"),
                    x.reverseModeKl().format("%.2f"), x.gradNormD().format("%.3g"), x.gradNormG().format("%.3g"),
                    x.gradSpread().format("%.2f"), x.diverged() + "/" + x.runs().size(),
                    String.format(Locale.ROOT, "%.0f s", x.seconds())));
        }
        out.add(Section.Table.of(List.of("scheme, rate multiplier", "W₂ to target", "W₂ perfect generator", "modes covered",
                "modes hit", "high quality", "KL(q‖p)", "KL(p‖q)", "final ‖∇_φL_φ‖ (D)",
                "final ‖∇_θL_θ‖ (G)", "grad-norm fluctuation", "diverged", "time"), rows));
        out.add(new Section.Heading("Samples"));
        for (Dd4.SchemeResult x : r.schemes()) {
            Dd4.SeedRun first = x.runs().getFirst();
            out.add(new Section.Chart("samples_" + x.label().replace(' ', '_'), x.title() + ", seed " + first.seed() + ": "
                    + first.score() + (first.run().diverged() ? ", diverged at step " + first.run().divergedAt() : ""),
                    scatter(x.title(), first.samples(), r.target())));
        }
        out.add(new Section.Heading("Gradient norms"));
        chart(out, "grad_norm_d", "‖∇_φ L_φ‖ of the discriminator along the first seed's run of each scheme",
                curves(r, "discriminator gradient norm", GanLog::gradNormD));
        chart(out, "grad_norm_g", "‖∇_θ L_θ‖ of the generator along the first seed's run of each scheme",
                curves(r, "generator gradient norm", GanLog::gradNormG));
        if (r.mnist() != null) {
            out.add(new Section.Heading("MNIST GAN"));
            MnistGan.Result m = r.mnist();
            if (m.ran()) {
                out.add(new Section.Text(String.format(Locale.ROOT, "MLP GAN (generator %d-%d-%d-784 with tanh output,"
                        + " discriminator 784-%d-%d-1, ReLU), %s generator loss, simultaneous SGD with η = %s for both"
                        + " players, batch %d, %d steps%s. A demonstration that the GAN machinery trains on images, not part"
                        + " of the DD-4 comparison; with the saturating loss an MLP GAN this short stays at noise (the"
                        + " discriminator wins and the generator's gradient vanishes).", m.settings().latent(),
                        m.settings().hidden(), m.settings().hidden(), m.settings().hidden(), m.settings().hidden(),
                        m.settings().loss().label(), m.settings().lr(), m.settings().batch(), m.settings().steps(),
                        m.run().diverged() ? ", diverged at step " + m.run().divergedAt() : "")));
                out.add(new Section.Chart("mnist_samples", "MNIST GAN samples after " + m.settings().steps() + " steps",
                        m.grid()));
            } else {
                out.add(new Section.Text("Skipped: " + m.skipReason()));
            }
        }
        return out;
    }

    private static void chart(List<Section> out, String name, String caption, Plot plot) {
        if (plot != null) {
            out.add(new Section.Chart(name, caption, plot));
        }
    }

    /**
     * Generated points (x₀, y₀, x₁, y₁, ...) and the real mode centres; also the game run report's sample plot.
     *
     * @param title the chart's title
     * @param xy the points, interleaved
     * @param target the mixture whose centres are drawn
     * @return the chart
     */
    public static Plot scatter(String title, double[] xy, Mixture2d target) {
        int n = xy.length / 2;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = xy[2 * i];
            y[i] = xy[2 * i + 1];
        }
        double[][] c = target.centres();
        double[] cx = new double[c.length];
        double[] cy = new double[c.length];
        for (int k = 0; k < c.length; k++) {
            cx[k] = c[k][0];
            cy[k] = c[k][1];
        }
        return new ScatterPlot(title).xLabel("x").yLabel("y").size(560, 560).add("generated", x, y, null)
                .add("mode centres", cx, cy, null).plot();
    }

    private static Plot curves(Dd4.Result r, String title, ToDoubleFunction<GanLog> f) {
        LinePlot p = new LinePlot(title).xLabel("step").yLabel("gradient norm").logY(true);
        for (Dd4.SchemeResult x : r.schemes()) {
            List<GanLog> logs = x.runs().getFirst().run().logs();
            double[] steps = new double[logs.size()];
            double[] v = new double[logs.size()];
            for (int i = 0; i < logs.size(); i++) {
                steps[i] = logs.get(i).step();
                v[i] = f.applyAsDouble(logs.get(i));
            }
            p.add(Series.of(x.label(), steps, v));
        }
        return p.hasData() ? p.plot() : null;
    }
}
