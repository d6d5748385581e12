package org.occam.lab.mgc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.occam.lab.claim.LrSweepClaim;
import org.occam.lab.claim.Trend;
import org.occam.lab.report.LrSweepCurves;

/**
 * The MGC-1 claims (METHODS §7.3, §11) checked on a set of runs: every run fits its training
 * labels; random labels give much larger GC/γ² than true labels (every random-label run above
 * every true-label run); across runs GC/γ² rank-correlates positively with the generalisation
 * gap. Reported next to them: the same correlation for GC alone and within true labels.
 */
final class MgcClaims {
    private MgcClaims() {
    }

    static List<LrSweepClaim> of(List<MgcSweep.Run> runs) {
        List<LrSweepClaim> out = new ArrayList<>();
        long fitted = runs.stream().filter(MgcSweep.Run::reached).count();
        out.add(new LrSweepClaim("MGC-1", "every run trained to 100 % training accuracy (and the loss target)",
                fitted + " of " + runs.size() + " runs fitted", fitted == runs.size()));
        List<MgcSweep.Run> truth = runs.stream().filter(r -> r.corruption() == 0).toList();
        List<MgcSweep.Run> random = runs.stream().filter(r -> r.corruption() == 1).toList();
        if (!truth.isEmpty() && !random.isEmpty()) {
            double maxTrue = max(truth);
            double minRandom = min(random);
            out.add(new LrSweepClaim("MGC-1 random vs true labels", "random labels give much larger GC/gamma^2",
                    String.format(Locale.ROOT, "median GC/gamma^2 %.4g (true) vs %.4g (random), x%.1f; smallest random"
                                    + " %.4g vs largest true %.4g", median(truth), median(random),
                            median(random) / median(truth), minRandom, maxTrue), minRandom > maxTrue));
        }
        List<MgcSweep.Run> finite = runs.stream().filter(r -> Double.isFinite(r.bound().gcOverGamma2())).toList();
        if (finite.size() >= 3) {
            double rho = spearman(finite, r -> r.bound().gcOverGamma2());
            out.add(new LrSweepClaim("MGC-1 rho(GC/gamma^2, gap)", "GC/gamma^2 rank-correlates with the generalization gap",
                    String.format(Locale.ROOT, "Spearman %+.2f over %d runs (gap = train - test accuracy)", rho,
                            finite.size()), rho > 0));
            out.add(LrSweepClaim.info("MGC-1 rho(GC, gap)", "GC alone, without the margin (for comparison)",
                    String.format(Locale.ROOT, "Spearman %+.2f over %d runs", spearman(finite, r -> r.bound().gc()),
                            finite.size())));
        } else {
            out.add(new LrSweepClaim("MGC-1 rho(GC/gamma^2, gap)", "GC/gamma^2 rank-correlates with the generalization gap",
                    "fewer than 3 runs with a positive margin quantile", false));
        }
        List<MgcSweep.Run> finiteTrue = truth.stream().filter(r -> Double.isFinite(r.bound().gcOverGamma2())).toList();
        if (finiteTrue.size() >= 3) {
            out.add(LrSweepClaim.info("MGC-1 true labels only", "GC/gamma^2 against the gap within true labels",
                    String.format(Locale.ROOT, "Spearman %+.2f over %d runs", spearman(finiteTrue,
                            r -> r.bound().gcOverGamma2()), finiteTrue.size())));
        }
        if (runs.stream().anyMatch(r -> !Double.isFinite(r.bound().gcOverGamma2()))) {
            out.add(LrSweepClaim.info("MGC-1", "GC/gamma^2 needs gamma > 0", (runs.size() - finite.size())
                    + " runs left out: their 10th-percentile training margin is not positive"));
        }
        return out;
    }

    private static double spearman(List<MgcSweep.Run> runs, ToDoubleFunction<MgcSweep.Run> x) {
        return Trend.spearman(runs.stream().mapToDouble(x).toArray(), runs.stream().mapToDouble(MgcSweep.Run::gap).toArray());
    }

    private static double[] ratios(List<MgcSweep.Run> runs) {
        return runs.stream().mapToDouble(r -> r.bound().gcOverGamma2()).toArray();
    }

    private static double max(List<MgcSweep.Run> runs) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : ratios(runs)) {
            m = Double.isNaN(v) ? Double.POSITIVE_INFINITY : Math.max(m, v);
        }
        return m;
    }

    private static double min(List<MgcSweep.Run> runs) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : ratios(runs)) {
            m = Double.isNaN(v) ? Double.NEGATIVE_INFINITY : Math.min(m, v);
        }
        return m;
    }

    private static double median(List<MgcSweep.Run> runs) {
        return LrSweepCurves.median(ratios(runs));
    }
}
