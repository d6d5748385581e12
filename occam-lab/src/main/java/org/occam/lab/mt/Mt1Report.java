package org.occam.lab.mt;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.occam.io.AtomicFiles;
import org.occam.lab.plot.LinePlot;
import org.occam.lab.plot.Plot;
import org.occam.lab.plot.Series;
import org.occam.lab.plot.Theme;
import org.occam.lab.report.LrSweepCurves;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.report.ClaimSections;
import org.occam.lab.report.LrSweepPages;
import org.occam.lab.report.Section;
import org.occam.multitask.Forgetting;
import org.occam.multitask.MultitaskGd;
import org.occam.multitask.TaskMetrics;
import org.occam.lab.report.Rates;

/** Writes the MT-1 results: results.csv (joint runs), continual.csv, summary.txt, chart PNGs and report.html. */
public final class Mt1Report {
    private Mt1Report() {
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
    public static Path write(List<Mt1.Result> seeds, List<ClaimResult> claims, boolean quick, Path dir) throws IOException {
        Mt1.Result r = seeds.getFirst();
        long[] ids = seeds.stream().mapToLong(x -> x.settings().seed()).toArray();
        Path html = LrSweepPages.write(dir, "MT-1: task-gradient conflict in multitask and continual learning", 
                sections(r, claims, quick),
                LrSweepPages.seedCsv(ids, seeds.stream().map(Mt1Report::csv).toList()), LrSweepPages.summary(claims, quick));
        AtomicFiles.writeString(dir.resolve("continual.csv"), continualCsv(r.continual()));
        return html;
    }

    private static String csv(Mt1.Result r) {
        StringBuilder csv = new StringBuilder("seed,run,lr,conflict_multiplier,steps,diverged,window_cos,equal_loss_cos,final_cos,"
                + "final_loss,final_loss_a,final_loss_b,lr_times_final_sharpness,seconds\n");
        for (Mt1Joint.Seed sd : r.joint().seeds()) {
            for (Mt1Joint.Run run : runs(sd)) {
                TaskMetrics.Snapshot last = run.result().rows().getLast().metrics();
                csv.append(String.format(Locale.ROOT, "%d,%s,%g,%g,%d,%b,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.4g,%.2f%n", sd.seed(),
                        run.label(), run.h(), run.multiplier(), run.result().steps(), run.result().diverged(),
                        run.windowCosine(), run.equalLossCosine(), last.meanCosine(), last.jointLoss(), last.losses()[0],
                        last.losses()[1], run.h() * run.finalSharpness(), run.seconds()));
            }
        }
        return csv.toString();
    }

    private static String continualCsv(Mt1Continual.Result c) {
        StringBuilder csv = new StringBuilder("run,step,loss_a,loss_b,cos,bracket_norm\n");
        for (Mt1Continual.Run run : c.runs()) {
            for (MultitaskGd.Row row : run.result().rows()) {
                TaskMetrics.Snapshot m = row.metrics();
                csv.append(String.format(Locale.ROOT, "%s,%d,%.6g,%.6g,%.6g,%.6g%n", run.label(), row.step(), m.losses()[0],
                        m.losses()[1], m.meanCosine(), m.brackets()[0][1]));
            }
        }
        return csv.toString();
    }

    private static List<Mt1Joint.Run> runs(Mt1Joint.Seed sd) {
        List<Mt1Joint.Run> all = new ArrayList<>(sd.sweep());
        all.add(sd.boosted());
        all.add(sd.cancelled());
        return all;
    }

    private static List<Section> sections(Mt1.Result r, List<ClaimResult> claims, boolean quick) {
        Mt1.Settings s = r.settings();
        List<Section> out = new ArrayList<>();
        out.add(new Section.Text("Two regression tasks A and B, the two target columns of " + s.samples() + " samples of"
                + " two tanh teachers on shared Gaussian inputs in " + s.inputs() + " dimensions (relatedness ρ = "
                + LrSweepPages.num(s.relatedness()) + ", noise " + LrSweepPages.num(s.noise()) + "), learnt by one shared"
                + " network " + s.model() + " with an output per task, full-batch GD in float64 on the sum L = L_A + L_B"
                + " (each L_k the mean squared error of its column). METHODS §6: GD at rate h implicitly minimizes"
                + " L + (h/4)(‖∇L_A‖² + ‖∇L_B‖²) + (h/2)⟨∇L_A, ∇L_B⟩; the last, conflict term rewards negatively aligned"
                + " task gradients, so cos∠(∇L_A, ∇L_B) should be lower at larger h. Every run covers the same"
                + " gradient-flow time T = h·steps = " + LrSweepPages.num(s.time()) + "; the alignment is the mean cosine"
                + " over t ∈ [T/10, T] and the cosine where the joint loss crosses 8 common levels (equal loss). "
                + s.seeds() + " seeds (new data and initialization each); trends are judged on the means over seeds. At"
                + " initialization (seed " + s.seed() + ") λ_max = " + LrSweepPages.f(r.initialSharpness())
                + ", so GD is stable below " + Rates.h(2 / r.initialSharpness()) + ". Explicit arms: the"
                + " conflict regularizer multiplier·(h/2)⟨∇L_A, ∇L_B⟩ at the smallest rate with the largest rate's"
                + " coefficient, and at the largest rate with multiplier −1 (the implicit conflict term cancelled)."
                + " A larger h strengthens both implicit terms: the flatness term shrinks ‖∇L_A‖ and ‖∇L_B‖ and can move"
                + " the cosine the other way, so the h sweep shows their net effect while the explicit runs isolate the"
                + " conflict term (valid while h·λ_max is well below 2)."));
        out.addAll(ClaimSections.of(claims, quick));
        out.add(new Section.Text("The runs and curves below are those of seed " + r.settings().seed() + ", the first seed;"
                + " results.csv holds every seed's runs."));
        out.add(new Section.Heading("Joint training: alignment against h"));
        out.add(jointTable(r));
        LrSweepPages.chart(out, "cos_vs_h", "Mean cos∠(∇L_A, ∇L_B) over t ∈ [T/10, T] against h: one thin line per seed,"
                + " the mean over seeds in bold", cosVsH(r));
        Mt1Joint.Seed first = r.joint().seeds().getFirst();
        LrSweepPages.chart(out, "cos_vs_time", "cos∠(∇L_A, ∇L_B) against gradient-flow time t = h·step (seed " + first.seed()
                + "; dashed: the explicit-regularizer runs)", curves(first, true, "cos∠(∇L_A, ∇L_B)", false,
                m -> m.meanCosine()));
        LrSweepPages.chart(out, "cos_vs_loss", "cos∠(∇L_A, ∇L_B) against the joint loss (seed " + first.seed()
                + "): equal loss is a vertical line", curves(first, false, "cos∠(∇L_A, ∇L_B)", false, m -> m.meanCosine()));
        LrSweepPages.chart(out, "loss", "Joint loss L_A + L_B against t = h·step (seed " + first.seed() + ")",
                curves(first, true, "L_A + L_B", true, TaskMetrics.Snapshot::jointLoss));
        out.add(new Section.Heading("Continual learning at " + Rates.h(s.continualLr())));
        out.add(new Section.Text("The same tasks (seed " + s.seed() + ") trained " + s.continualSteps() + " steps on a"
                + " schedule: sequential (A, then B from step " + s.continualSteps() / 2 + "), alternating in blocks of "
                + s.period() + " steps, alternating A, B every step, and joint for " + s.continualSteps() / 2 + " steps (each"
                + " task then gets as many gradient steps as in the others). METHODS §2.1/§6: alternating A, B follows"
                + " −½∇[L_A + L_B + (h/4)(‖∇L_A‖² + ‖∇L_B‖²)] + (h/4)[∇L_A, ∇L_B], where the Lie bracket"
                + " [∇L_A, ∇L_B] = H_B∇L_A − H_A∇L_B is not a gradient and flips sign with the order; the bracket"
                + " correction moves each step by −h·(h/4)[∇L_A, ∇L_B] so that A-first and B-first training follow the"
                + " same flow."));
        out.add(continualTable(r.continual()));
        out.add(orderTable(r.continual()));
        LrSweepPages.chart(out, "forgetting", "Task losses along the sequential run (solid) and the block-alternating run"
                + " (dashed): A's loss rises while B trains", forgetting(r.continual()));
        LrSweepPages.chart(out, "bracket", "Lie-bracket norm ‖[∇L_A, ∇L_B]‖ along each schedule", bracket(r.continual()));
        return out;
    }

    private static Section jointTable(Mt1.Result r) {
        List<Mt1Joint.Seed> seeds = r.joint().seeds();
        List<List<String>> rows = new ArrayList<>();
        int n = runs(seeds.getFirst()).size();
        for (int i = 0; i < n; i++) {
            int k = i;
            Mt1Joint.Run any = runs(seeds.getFirst()).get(k);
            double[] window = seeds.stream().mapToDouble(sd -> runs(sd).get(k).windowCosine()).toArray();
            double[] equal = seeds.stream().mapToDouble(sd -> runs(sd).get(k).equalLossCosine()).toArray();
            double[] loss = seeds.stream().mapToDouble(sd -> runs(sd).get(k).finalLoss()).toArray();
            double[] edge = seeds.stream().mapToDouble(sd -> runs(sd).get(k).h() * runs(sd).get(k).finalSharpness()).toArray();
            long diverged = seeds.stream().filter(sd -> runs(sd).get(k).result().diverged()).count();
            rows.add(List.of(any.label(), Long.toString(any.result().steps()), meanSd(window), meanSd(equal),
                    LrSweepPages.f(LrSweepCurves.mean(loss)), LrSweepPages.f(LrSweepCurves.mean(edge)),
                    diverged == 0 ? "-" : diverged + "/" + seeds.size()));
        }
        return Section.Table.of(List.of("run", "steps", "mean cos, t ∈ [T/10, T]", "cos at equal loss", "final L",
                "h·λ_max at end", "diverged"), rows);
    }

    private static String meanSd(double[] v) {
        double m = LrSweepCurves.mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return v.length < 2 ? String.format(Locale.ROOT, "%+.4f", m)
                : String.format(Locale.ROOT, "%+.4f ± %.4f", m, Math.sqrt(ss / (v.length - 1)));
    }

    private static Section continualTable(Mt1Continual.Result c) {
        List<List<String>> rows = new ArrayList<>();
        for (Mt1Continual.Run run : c.runs()) {
            TaskMetrics.Snapshot last = run.result().rows().getLast().metrics();
            rows.add(List.of(run.label(), Long.toString(run.result().steps()), LrSweepPages.f(last.losses()[0]),
                    LrSweepPages.f(last.losses()[1]), LrSweepPages.f(run.meanBracket()),
                    String.format(Locale.ROOT, "%.1f s", run.seconds())));
        }
        Forgetting.Summary seq = c.sequentialForgetting();
        double blockMax = c.blockForgetting().stream().mapToDouble(Forgetting.Summary::maxDrop).max().orElse(Double.NaN);
        rows.add(List.of("forgetting of A", "-", "sequential: max rise " + LrSweepPages.f(seq.maxDrop()) + ", final "
                + LrSweepPages.f(seq.finalDrop()), "blocks: max rise per B block " + LrSweepPages.f(blockMax), "-", "-"));
        return Section.Table.of(List.of("schedule", "steps", "final L_A", "final L_B", "mean ‖[∇L_A, ∇L_B]‖", "time"), rows);
    }

    private static Section orderTable(Mt1Continual.Result c) {
        List<List<String>> rows = new ArrayList<>();
        for (Mt1Continual.OrderGap g : c.gaps()) {
            rows.add(List.of(Integer.toString(g.passes()), String.format(Locale.ROOT, "%.3e", g.plain()),
                    String.format(Locale.ROOT, "%.3e", g.corrected())));
        }
        return Section.Table.of(List.of("A, B passes", "‖θ_AB − θ_BA‖ plain", "with the bracket correction"), rows);
    }

    private static Plot cosVsH(Mt1.Result r) {
        LinePlot p = new LinePlot("alignment against h").xLabel("h").yLabel("mean cos∠(∇L_A, ∇L_B)");
        double[] h = r.joint().lrs();
        int i = 0;
        for (Mt1Joint.Seed sd : r.joint().seeds()) {
            p.add(Series.dashed("seed " + sd.seed(), h, sd.windowCosines()).withColour(Theme.series(i++)));
        }
        p.add(Series.of("mean over seeds", h, r.joint().meanWindowCosines()).withColour(Theme.INK));
        return LrSweepCurves.plotOrNull(p);
    }

    private static Plot curves(Mt1Joint.Seed sd, boolean againstTime, String yLabel, boolean logY,
                               ToDoubleFunction<TaskMetrics.Snapshot> y) {
        LinePlot p = new LinePlot(yLabel).xLabel(againstTime ? "t = h·step" : "L_A + L_B").yLabel(yLabel).logY(logY)
                .logX(!againstTime);
        int i = 0;
        for (Mt1Joint.Run run : runs(sd)) {
            List<MultitaskGd.Row> rows = run.result().rows();
            double[] xs = new double[rows.size()];
            double[] ys = new double[rows.size()];
            for (int k = 0; k < xs.length; k++) {
                xs[k] = againstTime ? rows.get(k).step() * run.h() : rows.get(k).metrics().jointLoss();
                ys[k] = y.applyAsDouble(rows.get(k).metrics());
            }
            Color c = Theme.series(i++);
            Series line = run.multiplier() == 0 ? Series.of(run.label(), xs, ys) : Series.dashed(run.label(), xs, ys);
            p.add(line.withColour(c).positive(!againstTime, logY));
        }
        return LrSweepCurves.plotOrNull(p);
    }

    private static Plot forgetting(Mt1Continual.Result c) {
        LinePlot p = new LinePlot("task losses").xLabel("step").yLabel("loss").logY(true);
        Mt1Continual.Run seq = c.runs().get(1);
        Mt1Continual.Run blocks = c.runs().get(2);
        for (int task = 0; task < 2; task++) {
            Color col = Theme.series(task);
            String name = task == 0 ? "A" : "B";
            p.add(series("L_" + name + " " + seq.label(), seq, task, false).withColour(col).positive(false, true));
            p.add(series("L_" + name + " " + blocks.label(), blocks, task, true).withColour(col).positive(false, true));
        }
        return LrSweepCurves.plotOrNull(p);
    }

    private static Series series(String name, Mt1Continual.Run run, int task, boolean dashed) {
        List<MultitaskGd.Row> rows = run.result().rows();
        double[] x = new double[rows.size()];
        double[] y = new double[rows.size()];
        for (int k = 0; k < x.length; k++) {
            x[k] = rows.get(k).step();
            y[k] = rows.get(k).metrics().losses()[task];
        }
        return dashed ? Series.dashed(name, x, y) : Series.of(name, x, y);
    }

    private static Plot bracket(Mt1Continual.Result c) {
        LinePlot p = new LinePlot("Lie-bracket norm").xLabel("step").yLabel("‖[∇L_A, ∇L_B]‖").logY(true);
        int i = 0;
        for (Mt1Continual.Run run : c.runs()) {
            List<MultitaskGd.Row> rows = run.result().rows();
            double[] x = new double[rows.size()];
            double[] y = new double[rows.size()];
            for (int k = 0; k < x.length; k++) {
                x[k] = rows.get(k).step();
                y[k] = rows.get(k).metrics().brackets()[0][1];
            }
            p.add(Series.of(run.label(), x, y).withColour(Theme.series(i++)).positive(false, true));
        }
        return LrSweepCurves.plotOrNull(p);
    }
}
