package org.occam.lab.igr;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.occam.lab.plot.LinePlot;
import org.occam.lab.plot.Plot;
import org.occam.lab.plot.PlotGrid;
import org.occam.lab.plot.Series;
import org.occam.lab.plot.Theme;
import org.occam.lab.claim.Claim;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.Direction;
import org.occam.lab.plot.ClaimPlot;
import org.occam.lab.claim.Interval;
import org.occam.lab.claim.SeedStatistics;
import org.occam.lab.report.Rates;

/**
 * The charts of the igr-lr-sweep report. Every panel shows a paired change: each seed's value
 * minus (or relative to) the same seed's run at the smallest h without EGR, one thin grey line per
 * seed, the mean over seeds in bold and its 95 % t-interval dashed.
 */
final class IgrCharts {
    private static final Color SEED = new Color(0xB0B0B0);
    private static final int W = 640;
    private static final int H = 420;

    private IgrCharts() {
    }

    /**
     * The first chart: the GC-2 claims under SGD (larger h at a fixed batch; a small batch against
     * the full batch), one panel each, as in {@link #claims}; null when the setting has no SGD arms.
     */
    static Plot gc2(IgrResult r) {
        List<Plot> panels = new ArrayList<>();
        for (ClaimResult c : r.claims()) {
            if (c.claim().id().startsWith("GC-2 GC(")) {
                panels.add(claimPanel(c));
            }
        }
        return panels.isEmpty() ? null : new PlotGrid(panels, panels.size());
    }

    /**
     * All claims: one panel per claim below the edge of stability (full-batch h claims left, μ
     * claims right, then the GC-2 claims under SGD), each seed's paired change as a point (in %, or
     * accuracy points) and the mean with its 95 % interval as a bar, titled with the verdict; the claim
     * holds where the bar lies wholly on the predicted side of zero.
     */
    static Plot claims(IgrResult r) {
        List<ClaimResult> hs = new ArrayList<>();
        List<ClaimResult> mus = new ArrayList<>();
        List<ClaimResult> gcs = new ArrayList<>();
        for (ClaimResult c : r.claims()) {
            String id = c.claim().id();
            if (id.endsWith("(h)")) {
                hs.add(c);
            } else if (id.endsWith("(mu)")) {
                mus.add(c);
            } else if (id.startsWith("GC-2 GC(")) {
                gcs.add(c);
            }
        }
        List<Plot> panels = new ArrayList<>();
        for (int i = 0; i < hs.size(); i++) {
            panels.add(claimPanel(hs.get(i)));
            if (i < mus.size()) {
                panels.add(claimPanel(mus.get(i)));
            }
        }
        for (ClaimResult c : gcs) {
            panels.add(claimPanel(c));
        }
        return new PlotGrid(panels, mus.isEmpty() && gcs.size() < 2 ? 1 : 2);
    }

    private static Plot claimPanel(ClaimResult c) {
        boolean accuracy = c.claim().id().contains("test_acc");
        double scale = 100;
        String predicted = c.claim().direction() == Direction.INCREASE ? "predicted: above 0" : "predicted: below 0";
        double[] pts = new double[c.values().length];
        for (int k = 0; k < pts.length; k++) {
            pts[k] = scale * c.values()[k];
        }
        return new ClaimPlot(c.claim().id() + ": " + c.verdict().word() + " (" + predicted + ")",
                accuracy ? "change (accuracy points)" : "change (%)").size(W, 300)
                .seeds(pts)
                .interval(scale * c.effect(), scale * c.ci().lo(), scale * c.ci().hi())
                .plot();
    }

    /** Two metrics as rows, against h (left) and against μ (right). */
    static Plot grid(IgrResult r, Metric top, Metric bottom) {
        List<Plot> panels = new ArrayList<>();
        for (Metric m : List.of(top, bottom)) {
            panels.add(panel(r, m, false));
            if (r.setting().mus().length > 0) {
                panels.add(panel(r, m, true));
            }
        }
        return new PlotGrid(panels, r.setting().mus().length > 0 ? 2 : 1);
    }

    /** One metric's paired change against h (GD) or against μ (EGR at the smallest h). */
    static Plot panel(IgrResult r, Metric m, boolean againstMu) {
        IgrSetting s = r.setting();
        List<Arm> arms = againstMu ? muArms(s) : hArms(s);
        String against = againstMu ? "EGR strength mu (at h=" + fmt(s.hMin()) + ")" : "learning rate h (GD)";
        return panel(r, m, arms, new Arm(s.hMin(), 0, Arm.Regime.BELOW_EOS), againstMu,
                m.label() + " against " + (againstMu ? "mu" : "h") + ", paired within seed", against);
    }

    /** One metric's paired change against h under SGD, from each seed's SGD run at the smallest SGD rate. */
    static Plot sgdPanel(IgrResult r, Metric m) {
        IgrSetting s = r.setting();
        List<Arm> arms = new ArrayList<>();
        for (double h : s.sgdHs()) {
            arms.add(Arm.sgd(h, s.sgdBatch()));
        }
        return panel(r, m, arms, arms.get(0), false, m.label() + " against h under SGD (batch " + s.sgdBatch()
                + "), paired within seed", "learning rate h (SGD, batch " + s.sgdBatch() + ")");
    }

    private static Plot panel(IgrResult r, Metric m, List<Arm> arms, Arm base, boolean againstMu, String title,
                              String against) {
        IgrSetting s = r.setting();
        double[] x = new double[arms.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = againstMu ? arms.get(i).mu() : arms.get(i).h();
        }
        long[] seeds = s.seedList();
        double[][] y = new double[seeds.length][arms.size()];
        for (int k = 0; k < seeds.length; k++) {
            IgrRun b = run(r, base, seeds[k]);
            for (int i = 0; i < arms.size(); i++) {
                IgrRun a = run(r, arms.get(i), seeds[k]);
                y[k][i] = a.reachedTarget() && b.reachedTarget() ? 100 * m.change(b, a) : Double.NaN;
            }
        }
        String unit = m.relative() ? "change of " + m.label() + " (%)" : "change of " + m.label() + " (points)";
        LinePlot p = new LinePlot(title).xLabel(against).yLabel(unit).size(W, H);
        for (int k = 0; k < seeds.length; k++) {
            p.add(Series.of("seed " + seeds[k], x, y[k]).withColour(SEED));
        }
        double[] mean = new double[x.length];
        double[] lo = new double[x.length];
        double[] hi = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] col = new double[seeds.length];
            for (int k = 0; k < seeds.length; k++) {
                col[k] = y[k][i];
            }
            mean[i] = SeedStatistics.mean(col);
            Interval ci = SeedStatistics.tInterval(col, Claim.LEVEL);
            lo[i] = ci.defined() ? ci.lo() : mean[i];
            hi[i] = ci.defined() ? ci.hi() : mean[i];
        }
        Color c = Theme.series(0);
        p.add(Series.of("mean over seeds", x, mean).withColour(c));
        p.add(Series.dashed("95% interval (t), low", x, lo).withColour(c));
        p.add(Series.dashed("95% interval (t), high", x, hi).withColour(c));
        return p.plot();
    }

    /** h·λ_max along each arm's run of the first seed, against gradient-flow time t = step·h, with the limit dashed. */
    static Plot stability(IgrResult r) {
        IgrSetting s = r.setting();
        LinePlot p = new LinePlot("h·lambda_max along the runs (seed " + s.seedList()[0] + ")")
                .xLabel("gradient-flow time t = step·h").yLabel("h·lambda_max");
        double tMax = 0;
        for (Arm arm : s.arms()) {
            IgrRun run = run(r, arm, s.seedList()[0]);
            List<Checkpoint> cps = run.checkpoints();
            double[] t = new double[cps.size()];
            double[] v = new double[cps.size()];
            for (int i = 0; i < t.length; i++) {
                t[i] = cps.get(i).step() * arm.h();
                v[i] = cps.get(i).hLambda();
                tMax = Math.max(tMax, t[i]);
            }
            p.add(Series.of(arm.label(), t, v));
        }
        p.add(Series.dashed("limit " + fmt(s.hLambdaLimit()), new double[] {0, tMax},
                new double[] {s.hLambdaLimit(), s.hLambdaLimit()}));
        if (s.eosHs().length > 0) {
            p.add(Series.dashed("edge of stability (2)", new double[] {0, tMax}, new double[] {2, 2}));
        }
        return p.plot();
    }

    static List<Arm> hArms(IgrSetting s) {
        List<Arm> out = new ArrayList<>();
        for (double h : s.hs()) {
            out.add(new Arm(h, 0, Arm.Regime.BELOW_EOS));
        }
        return out;
    }

    static List<Arm> muArms(IgrSetting s) {
        List<Arm> out = new ArrayList<>();
        out.add(new Arm(s.hMin(), 0, Arm.Regime.BELOW_EOS));
        for (double mu : s.mus()) {
            out.add(new Arm(s.hMin(), mu, Arm.Regime.BELOW_EOS));
        }
        return out;
    }

    private static IgrRun run(IgrResult r, Arm arm, long seed) {
        return r.runs(arm).stream().filter(x -> x.seed() == seed).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no run for " + arm.label() + " seed " + seed));
    }

    /** A number in labels, as rates are printed ({@link Rates#num}). */
    static String fmt(double v) {
        return Rates.num(v);
    }
}
