package org.occam.lab.dd4;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    /** Prints the summary table (means ± sd over seeds per scheme) and the observed ranking. */
    public static void print(Dd4.Result r, Consumer<String> out) {
        out.accept("");
        for (String line : table(r)) {
            out.accept(line);
        }
        out.accept("observed ranking by mean modes covered, then high quality: " + r.ranking().stream()
                .map(Dd4Scheme::key).toList());
    }

    /** Writes the files into {@code dir} and returns report.html. */
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

    /** The summary table: per scheme, mean ± sd over seeds. */
    static List<String> table(Dd4.Result r) {
        List<String> out = new ArrayList<>();
        String fmt = "%-52s %-13s %-13s %-16s %-17s %-17s %-16s %-9s %s";
        out.add(String.format(Locale.ROOT, fmt, "scheme", "modes covered", "modes hit", "high quality", "final |grad D|",
                "final |grad G|", "grad fluctuation", "diverged", "time"));
        for (Dd4.SchemeResult s : r.schemes()) {
            out.add(String.format(Locale.ROOT, fmt, s.scheme().title(), s.covered().format("%.2f"), s.hit().format("%.2f"),
                    Dd4Claims.pct(s.highQuality()), s.gradNormD().format("%.3g"), s.gradNormG().format("%.3g"),
                    s.gradSpread().format("%.2f"), s.diverged() + "/" + s.runs().size(),
                    String.format(Locale.ROOT, "%.0fs", s.seconds())));
        }
        return out;
    }

    private static String csv(Dd4.Result r) {
        StringBuilder b = new StringBuilder("scheme,seed,steps,diverged_at,modes_covered,modes_hit,high_quality,"
                + "final_modes_covered,final_modes_hit,final_high_quality,final_grad_norm_d,final_grad_norm_g,"
                + "grad_fluctuation,seconds\n");
        for (Dd4.SchemeResult s : r.schemes()) {
            for (Dd4.SeedRun run : s.runs()) {
                b.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%.4f,%.4f,%.4f,%d,%d,%.4f,%.6g,%.6g,%.4f,%.2f%n",
                        s.scheme().key(), run.seed(), run.run().config().steps(), run.run().divergedAt(), run.covered(),
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
        out.add(new Section.Text(String.format(Locale.ROOT, "A GAN on the 8-Gaussian ring (radius 2, σ = 0.02; METHODS §11"
                + " DD-4) with 2×%d %s MLPs (latent %d), the BCE discriminator loss and the zero-sum saturating generator"
                + " loss (METHODS §3.4), plain SGD with η_D = %s and η_G = %s, batch %d, %d steps, %d seed(s) per scheme"
                + " (the same seeds, so the same initialisations, for every scheme). The drift regularisers use the exact"
                + " coefficients and the biased estimator (METHODS §3.3, §3.5); SGA and consensus use γ = %s. The"
                + " generator is scored on %d samples (the same latents each time): a sample is high quality within 3σ of"
                + " its nearest centre; a mode is covered when at least 5 %% of the samples are high-quality samples of"
                + " it; 'modes hit' is VEEGAN's count (at least one). Because GAN training oscillates, each run's scores"
                + " and gradient norms are averaged over its logged steps in the last %.0f %% of training (every %d steps),"
                + " the final generator included; the scatter plots show the final generator. Means ± sd are over the"
                + " seeds; gradient norms over the runs that did not diverge. Stability is judged by diverged"
                + " runs, then by the gradient-norm fluctuation: the standard deviation of log10‖∇_φL_φ‖ plus that of"
                + " log10‖∇_θL_θ‖ over the second half of training (blow-ups and saturation collapses, where the"
                + " generator's gradient vanishes by orders of magnitude, both raise it; small final gradient norms"
                + " alone are no sign of stability with the saturating loss). With η_D = η_G = η this zero-sum game makes"
                + " SGA at γ = η/2 coincide exactly with cancelling the interaction terms (METHODS §3.4-3.5). Total time"
                + " %.0f s.",
                s.hidden(), s.activation().label(), s.latent(), s.lrD(), s.lrG(), s.batch(), s.steps(), s.seeds(), s.gamma(),
                s.evalSamples(), 100 * Dd4.TAIL, s.logEvery(), r.seconds())));
        out.addAll(ClaimSections.of(r.claims(), quick));
        out.add(new Section.Heading("Schemes"));
        List<List<String>> rows = new ArrayList<>();
        for (Dd4.SchemeResult x : r.schemes()) {
            rows.add(List.of(x.scheme().title(), x.covered().format("%.2f"), x.hit().format("%.2f"),
                    Dd4Claims.pct(x.highQuality()), x.gradNormD().format("%.3g"), x.gradNormG().format("%.3g"),
                    x.gradSpread().format("%.2f"), x.diverged() + "/" + x.runs().size(),
                    String.format(Locale.ROOT, "%.0f s", x.seconds())));
        }
        out.add(Section.Table.of(List.of("scheme", "modes covered", "modes hit", "high quality", "final ‖∇_φL_φ‖ (D)",
                "final ‖∇_θL_θ‖ (G)", "grad-norm fluctuation", "diverged", "time"), rows));
        out.add(new Section.Heading("Samples"));
        for (Dd4.SchemeResult x : r.schemes()) {
            Dd4.SeedRun first = x.runs().getFirst();
            out.add(new Section.Chart("samples_" + x.scheme().key(), x.scheme().title() + ", seed " + first.seed() + ": "
                    + first.coverage() + (first.run().diverged() ? ", diverged at step " + first.run().divergedAt() : ""),
                    scatter(x.scheme().title(), first.samples(), r.target())));
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

    /** Generated points (x₀, y₀, x₁, y₁, ...) and the real mode centres; also the game run report's sample plot. */
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
            p.add(Series.of(x.scheme().key(), steps, v));
        }
        return p.hasData() ? p.plot() : null;
    }
}
