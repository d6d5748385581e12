package org.occam.lab.nc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.occam.lab.claim.LrSweepClaim;
import org.occam.lab.claim.Trend;

/**
 * The NC-1 claims (METHODS §7.4, §11) as Spearman correlations over the runs of {@link NcSweep}:
 * the chain lower source GC → lower target CDNV → higher k-shot accuracy over all runs, and the
 * knobs the paper names for lower source GC (larger h, smaller B, more L2, and the explicit GC
 * penalty) along each one-factor line through the base run.
 */
final class NcClaims {
    private NcClaims() {
    }

    static List<LrSweepClaim> of(List<NcSweep.Run> all, int shots) {
        List<NcSweep.Run> runs = all.stream().filter(r -> !r.diverged()).toList();
        List<LrSweepClaim> out = new ArrayList<>();
        String acc = shots + "-shot accuracy";
        out.add(trend("NC-1 all runs", runs, "source GC", NcSweep.Run::sourceGc, "target CDNV", NcSweep.Run::targetCdnv, 1,
                "lower source GC goes with lower target CDNV"));
        out.add(trend("NC-1 all runs", runs, "target CDNV", NcSweep.Run::targetCdnv, acc, NcSweep.Run::fewShot, -1,
                "lower target CDNV goes with higher " + acc));
        out.add(trend("NC-1 all runs", runs, "source GC", NcSweep.Run::sourceGc, acc, NcSweep.Run::fewShot, -1,
                "lower source GC goes with higher " + acc));
        out.add(line(runs, "h", r -> r.config().lr(), -1, "larger learning rate lowers source GC"));
        out.add(line(runs, "B", r -> r.config().batch(), 1, "smaller batch lowers source GC"));
        out.add(line(runs, "L2", r -> r.config().l2(), -1, "more L2 lowers source GC"));
        out.add(line(runs, "GC", r -> r.config().gc(), -1, "the explicit GC penalty (on the embedding) lowers source GC"));
        out.add(trend("NC-1 all runs", runs, "Poincare bound", r -> r.stats().link().meanBound(), "target CDNV",
                NcSweep.Run::targetCdnv, 0, "reported, no claim: the scale-free GC of the Poincare link, mean"
                        + " (GC_i+GC_j)/(2|mu_i-mu_j|^2) on the source classes (METHODS §7.4), against target CDNV"));
        return out.stream().filter(c -> c != null).toList();
    }

    /** A claim on the base run and the runs that vary {@code factor}; null with fewer than 2 such runs. */
    private static LrSweepClaim line(List<NcSweep.Run> runs, String factor, ToDoubleFunction<NcSweep.Run> x, int sign,
                                     String claim) {
        List<NcSweep.Run> on = runs.stream().filter(r -> r.config().factor().equals(factor)
                || r.config().factor().equals("base")).toList();
        if (on.size() < 2 || on.stream().noneMatch(r -> r.config().factor().equals(factor))) {
            return null;
        }
        return trend("NC-1 " + factor + " line", on, factor, x, "source GC", NcSweep.Run::sourceGc, sign, claim);
    }

    /** A checked claim on the sign of ρ(x, y) (sign ±1), or a reported correlation (sign 0). */
    private static LrSweepClaim trend(String id, List<NcSweep.Run> runs, String xName, ToDoubleFunction<NcSweep.Run> x,
                                      String yName, ToDoubleFunction<NcSweep.Run> y, int sign, String claim) {
        if (runs.size() < 2) {
            return LrSweepClaim.info(id, claim, "fewer than 2 finished runs");
        }
        double[] a = runs.stream().mapToDouble(x).toArray();
        double[] b = runs.stream().mapToDouble(y).toArray();
        Trend t = new Trend(xName, yName, Trend.spearman(a, b), sign, claim);
        String observed = String.format(Locale.ROOT, "rho(%s, %s) = %+.2f over %d runs", xName, yName, t.spearman(),
                runs.size());
        if (sign == 0) {
            return LrSweepClaim.info(id, claim, observed);
        }
        return new LrSweepClaim(id, claim, observed + " (expected sign " + (sign > 0 ? "+" : "-") + ")", t.consistent());
    }
}
