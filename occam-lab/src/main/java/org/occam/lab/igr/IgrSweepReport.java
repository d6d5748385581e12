package org.occam.lab.igr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.occam.lab.plot.Plot;
import org.occam.lab.report.Pages;
import org.occam.lab.report.Section;
import org.occam.io.AtomicFiles;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.ClaimTable;
import org.occam.lab.claim.Outcome;
import org.occam.lab.report.Rates;

/** Writes the igr-lr-sweep results: results.csv (one row per run), claims.json and an offline report.html. */
public final class IgrSweepReport {
    /** The id of the reproduction in reports and JSON. */
    public static final String ID = "IGR-2 + GC-2";

    private IgrSweepReport() {
    }

    /**
     * Writes results.csv, report.html and claims.json (the outcome's JSON, as {@code --json} prints
     * it) into {@code dir} and returns the outcome.
     *
     * @param seconds wall time of the runs
     * @param r the result
     * @param dir the output folder
     * @return report.html
     * @throws IOException when writing fails
     */
    public static Outcome write(IgrResult r, double seconds, Path dir) throws IOException {
        List<Section> sections = sections(r);
        String csv = csv(r);
        String page = Pages.page("IGR-2 / GC-2: implicit and explicit gradient regularization on MNIST", sections);
        Map<String, Object> m = r.toMap();
        @SuppressWarnings("unchecked")
        Map<String, Object> setting = (Map<String, Object>) m.get("setting");
        Map<String, Object> extra = new LinkedHashMap<>();
        for (String k : List.of("full_batch_gc_context", "edge_of_stability_claims", "flagged_runs", "runs")) {
            extra.put(k, m.get(k));
        }
        extra.put("seconds", seconds);
        Path html = dir.resolve("report.html");
        Outcome o = new Outcome(ID, setting, r.setting().seedList(), r.claims(), r.setting().quick(), html, extra,
                notes(r, seconds));
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve("results.csv"), csv);
        AtomicFiles.writeString(html, page);
        AtomicFiles.writeString(dir.resolve("claims.json"), o.json() + "\n");
        return o;
    }

    /** The lines after the claim table: the stability check, flagged runs, the edge-of-stability contrast, wall time. */
    static List<String> notes(IgrResult r, double seconds) {
        IgrSetting s = r.setting();
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "Stability: largest h*lambda_max below the edge of stability %.3f (limit %s)",
                maxBelow(r), s.hLambdaLimit()));
        for (IgrRun f : r.flagged()) {
            out.add(String.format(Locale.ROOT, "  FLAG: %s seed %d reached h*lambda_max %.3f > %s (outside the"
                    + " first-order regime)", f.arm().label(), f.seed(), f.maxHLambda(), s.hLambdaLimit()));
        }
        if (!r.fullBatchGc().isEmpty()) {
            out.add("");
            out.add("GC in full batch: context, NOT GC-2 claims (the GC paper's learning-rate and batch claims are about"
                    + " SGD):");
            out.addAll(ClaimTable.lines(r.fullBatchGc(), false));
        }
        if (!r.edgeOfStability().isEmpty()) {
            out.add("");
            out.add("Edge of stability (h*lambda_max ~ 2): NOT evidence for first-order IGR, for contrast only:");
            out.addAll(ClaimTable.lines(r.edgeOfStability(), false));
        }
        out.add("");
        out.add(String.format(Locale.ROOT, "wall time of the runs: %.1f s", seconds));
        return out;
    }

    /** One row per run. */
    static String csv(IgrResult r) {
        StringBuilder b = new StringBuilder("arm,regime,h,mu,batch,seed,steps,reached_target,diverged,train_loss,r_ig,"
                + "lambda_max,lambda_residual,gc,test_accuracy,max_h_lambda,crossing,flagged\n");
        for (IgrRun run : r.runs()) {
            b.append(String.format(Locale.ROOT, "\"%s\",%s,%s,%s,%s,%d,%d,%b,%b,%.9g,%.9g,%.9g,%.3g,%.9g,%.6f,%.6g,%.4g,%b%n",
                    run.arm().label(), run.arm().regime().name().toLowerCase(Locale.ROOT), run.arm().h(),
                    run.arm().mu(), run.arm().batch() == 0 ? "full" : Integer.toString(run.arm().batch()), run.seed(),
                    run.steps(), run.reachedTarget(), run.diverged(), run.trainLoss(),
                    run.rIg(), run.lambdaMax(), run.lambdaResidual(), run.gc(), run.testAccuracy(), run.maxHLambda(),
                    run.crossing(), r.flagged().contains(run)));
        }
        return b.toString();
    }

    /** The report's sections, in order (the first chart: the GC-2 claims under SGD). */
    static List<Section> sections(IgrResult r) {
        IgrSetting s = r.setting();
        List<Section> out = new ArrayList<>();
        if (s.quick()) {
            out.add(new Section.Status("quick", ClaimTable.QUICK_WARNING));
        }
        out.add(new Section.Text(String.format(Locale.ROOT, "Full-batch gradient descent on %d MNIST training images "
                        + "(embedded in the jar), %s (m = %d parameters), cross-entropy, %s. Learning rates %s, "
                        + "kept below the edge of stability (h·λ_max ≤ %s along every run, checked); explicit gradient "
                        + "regularization E + μ‖∇E‖² at %s with μ = %s. Every run stops at the first step whose "
                        + "training loss is ≤ %s, and is measured there: R_IG = ‖∇E‖²/m, λ_max (Lanczos), GC of the "
                        + "logits on the training set (exact), accuracy on all %d test images (one image = %s). "
                        + "Seeds %s, the same for every setting, so each comparison is paired within seed.",
                r.trainSize(), s.model(), r.parameters(), s.dtype().name().toLowerCase(Locale.ROOT), Rates.hs(s.hs()),
                IgrCharts.fmt(s.hLambdaLimit()), Rates.h(s.hMin()), Rates.list(s.mus()), IgrCharts.fmt(s.lossTarget()),
                r.testSize(), IgrCharts.fmt(1.0 / r.testSize()), seeds(s))));
        if (s.sgdHs().length > 0) {
            out.add(new Section.Text("GC-2 is judged where the GC paper states it, under SGD: mini-batches of "
                    + s.sgdBatch() + " images at " + Rates.hs(s.sgdHs()) + " (one shuffle order per seed, shared by"
                    + " its SGD runs), each stopped at the first epoch end whose full training loss is ≤ "
                    + IgrCharts.fmt(s.lossTarget()) + " and interpolated to it; GC against h at this batch size, and "
                    + "against the full batch at h = " + IgrCharts.fmt(s.sgdHs()[s.sgdHs().length - 1]) + "."));
        }
        Plot gc2 = IgrCharts.gc2(r);
        if (gc2 != null) {
            out.add(new Section.Chart("gc2", "What to look at: whether each bar lies wholly below zero — each dot is"
                    + " one seed's change in the geometric complexity GC under SGD at training loss "
                    + IgrCharts.fmt(s.lossTarget()) + " (left: h = " + IgrCharts.fmt(s.sgdHs()[s.sgdHs().length - 1])
                    + " against " + IgrCharts.fmt(s.sgdHs()[0]) + " at batch " + s.sgdBatch() + "; right: batch "
                    + s.sgdBatch() + " against the full batch at h = "
                    + IgrCharts.fmt(s.sgdHs()[s.sgdHs().length - 1]) + "), the bar is the mean with its 95 % interval,"
                    + " and the GC paper (GC-2) predicts below zero; the verdict is in each title.", gc2));
        }
        out.add(new Section.Chart("claims",
                "All claims: one panel per claim, larger h (left, h = " + IgrCharts.fmt(s.hMax()) + " vs "
                        + IgrCharts.fmt(s.hMin()) + ") and EGR (right, μ = " + (s.mus().length > 0
                        ? IgrCharts.fmt(s.mus()[s.mus().length - 1]) : "-") + " vs 0 at h = " + IgrCharts.fmt(s.hMin())
                        + ") in full batch; bottom row: GC under SGD (larger h at a fixed batch, left; a small batch"
                        + " against the full batch, right); all measured at the same training loss. Each dot is one"
                        + " seed's change against its own baseline run; the bar is the mean with its 95 % interval."
                        + " The predictions: R_IG, λ_max and GC below zero, test accuracy above it; a claim holds only"
                        + " where the whole bar is on the predicted side (the title gives the verdict).",
                IgrCharts.claims(r)));
        out.add(new Section.Chart("accuracy_rig",
                "Along the sweep: does test accuracy go UP (top row) and R_IG go DOWN (bottom row) as the learning "
                        + "rate h grows (left) and as the EGR strength μ grows (right)? Each grey line is one seed, "
                        + "drawn as the change from the same seed's run at " + Rates.h(s.hMin())
                        + " without EGR; the bold line is the mean over seeds and the dashed lines its 95 % interval. "
                        + "An effect is real when the dashed band leaves zero.",
                IgrCharts.grid(r, Metric.TEST_ACCURACY, Metric.R_IG)));
        out.add(new Section.Heading("Claims (below the edge of stability)"));
        out.add(claimTable(r.claims()));
        out.add(new Section.Code(String.join("\n", ClaimTable.lines(r.claims(), s.quick()))));
        out.add(new Section.Chart("lambda_gc", "Sharpness λ_max (top) and geometric complexity GC (bottom) in the same"
                + " paired form, in full batch: IGR predicts λ_max goes down as h or μ grows; full-batch GC is"
                + " context, not the GC paper's setting.", IgrCharts.grid(r, Metric.LAMBDA_MAX, Metric.GC)));
        if (s.sgdHs().length > 0) {
            out.add(new Section.Chart("gc_sgd", "GC-2 in its own setting: GC under SGD (batch " + s.sgdBatch()
                    + ") against h, each seed as the change from its SGD run at h = " + IgrCharts.fmt(s.sgdHs()[0])
                    + "; the GC paper predicts it goes DOWN as h grows.", IgrCharts.sgdPanel(r, Metric.GC)));
        }
        out.add(new Section.Heading("Stability check"));
        List<IgrRun> flagged = r.flagged();
        out.add(new Section.Text(flagged.isEmpty()
                ? String.format(Locale.ROOT, "Every run below the edge of stability kept h·λ_max ≤ %s (largest: %.3f).",
                        IgrCharts.fmt(s.hLambdaLimit()), maxBelow(r))
                : "FLAGGED (h·λ_max above " + IgrCharts.fmt(s.hLambdaLimit()) + ", outside the first-order regime): "
                        + String.join(", ", flagged.stream().map(x -> x.arm().label() + " seed " + x.seed()
                        + String.format(Locale.ROOT, " (%.3f)", x.maxHLambda())).toList())));
        out.add(new Section.Chart("stability", "h·λ_max at the checkpoints of each run of the first seed (Lanczos), "
                + "against gradient-flow time; dashed: the limit of the first-order regime.", IgrCharts.stability(r)));
        if (!r.fullBatchGc().isEmpty()) {
            out.add(new Section.Heading("GC in full batch (context, not GC-2 claims)"));
            out.add(new Section.Text("Full-batch GD and EGR penalise the mean gradient ‖∇E‖², which bounds no"
                    + " per-example output gradient; the GC paper's learning-rate and batch-size claims are about SGD"
                    + " and are judged above. These full-batch comparisons are shown for context."));
            out.add(claimTable(r.fullBatchGc()));
        }
        if (!r.edgeOfStability().isEmpty()) {
            out.add(new Section.Heading("Edge of stability (not evidence for first-order IGR)"));
            out.add(new Section.Text("GD at " + Rates.hs(s.eosHs()) + " reaches h·λ_max ≈ 2, where the modified loss "
                    + "E + (h/4)‖∇E‖² no longer describes it (METHODS §10.2): the sharpness is held near 2/h by a "
                    + "different mechanism. These comparisons with " + Rates.h(s.hMax())
                    + " are shown for contrast only."));
            out.add(claimTable(r.edgeOfStability()));
        }
        out.add(new Section.Heading("Runs"));
        List<List<String>> rows = new ArrayList<>();
        for (IgrRun run : r.runs()) {
            rows.add(List.of(run.arm().label(), Long.toString(run.seed()), Long.toString(run.steps()),
                    run.diverged() ? "diverged" : run.reachedTarget() ? "at target" : "step limit",
                    f(run.trainLoss()), f(run.rIg()), f(run.lambdaMax()), f(run.gc()), f(run.testAccuracy()),
                    f(run.maxHLambda())));
        }
        out.add(Section.Table.of(List.of("run", "seed", "steps", "end", "train loss", "R_IG", "λ_max", "GC",
                "test accuracy", "max h·λ_max"), rows));
        return out;
    }

    private static Section claimTable(List<ClaimResult> claims) {
        List<List<String>> rows = new ArrayList<>();
        for (ClaimResult c : claims) {
            rows.add(List.of(c.claim().id(), f(c.effect()), c.intervalText(), Integer.toString(c.n()),
                    f(c.claim().resolution()), c.verdict().word(), c.claim().statistic()));
        }
        return Section.Table.of(List.of("claim", "effect", "95% interval", "n", "resolution", "verdict", "statistic"),
                rows);
    }

    private static double maxBelow(IgrResult r) {
        return r.runs().stream().filter(x -> x.arm().regime() == Arm.Regime.BELOW_EOS)
                .mapToDouble(IgrRun::maxHLambda).max().orElse(Double.NaN);
    }


    private static String seeds(IgrSetting s) {
        long[] v = s.seedList();
        return v.length == 1 ? Long.toString(v[0]) : v[0] + ".." + v[v.length - 1];
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, Math.abs(v) != 0 && Math.abs(v) < 1e-3 ? "%.3e" : "%.4g", v);
    }
}
