package org.occam.lab.dd4;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.occam.lab.claim.LrSweepClaim;

/**
 * The claims of METHODS §11 DD-4 checked on the observed schemes, and the observed ranking.
 * Coverage compares the mean number of modes covered. Stability compares diverged runs first,
 * then the fluctuation of the gradient norms over the second half of training
 * ({@link Dd4.SeedRun#gradSpread()}, mean over the runs that did not diverge). The final
 * gradient norms themselves do not rank stability: with the saturating loss a collapsed
 * generator that the discriminator rejects outright has a vanishing gradient (METHODS §3.4).
 */
final class Dd4Claims {
    private Dd4Claims() {
    }

    /** The checked claims (those whose schemes were run) and informational lines. */
    static List<LrSweepClaim> check(List<Dd4.SchemeResult> results) {
        Dd4.SchemeResult sim = find(results, Dd4Scheme.SIMULTANEOUS);
        Dd4.SchemeResult alt = find(results, Dd4Scheme.ALTERNATING);
        Dd4.SchemeResult cancel = find(results, Dd4Scheme.CANCEL);
        List<LrSweepClaim> out = new ArrayList<>();
        if (sim != null && cancel != null) {
            out.add(new LrSweepClaim(Dd4.ID, "cancelling the interaction terms >= plain simultaneous in coverage",
                    String.format(Locale.ROOT, "modes covered %s (cancel) vs %s (simultaneous); high quality %s vs %s",
                            cancel.covered().format("%.2f"), sim.covered().format("%.2f"), pct(cancel.highQuality()),
                            pct(sim.highQuality())),
                    cancel.covered().mean() >= sim.covered().mean()));
            out.add(LrSweepClaim.info(Dd4.ID, "coverage counted by modes hit (at least one high-quality sample), which a"
                    + " generator collapsed onto one mode cannot inflate", String.format(Locale.ROOT,
                    "modes hit %s (cancel) vs %s (simultaneous)", cancel.hit().format("%.2f"), sim.hit().format("%.2f"))));
            out.add(new LrSweepClaim(Dd4.ID, "cancelling the interaction terms >= plain simultaneous in stability",
                    stability(cancel, "cancel") + " vs " + stability(sim, "simultaneous"), compareStability(cancel, sim) <= 0));
        }
        if (sim != null && alt != null) {
            out.add(new LrSweepClaim(Dd4.ID, "alternating more stable than simultaneous",
                    stability(alt, "alternating") + " vs " + stability(sim, "simultaneous"), compareStability(alt, sim) < 0));
        }
        for (Dd4Scheme other : new Dd4Scheme[] {Dd4Scheme.SGA, Dd4Scheme.CONSENSUS}) {
            Dd4.SchemeResult o = find(results, other);
            if (cancel != null && o != null) {
                out.add(LrSweepClaim.info(Dd4.ID, "drift regularisers match or beat " + other.key()
                        + " at tuned strengths (here gamma is not tuned)",
                        String.format(Locale.ROOT, "modes covered %s (cancel) vs %s (%s)", cancel.covered().format("%.2f"),
                                o.covered().format("%.2f"), other.key())));
            }
        }
        Dd4.SchemeResult adam = find(results, Dd4Scheme.ADAM);
        if (adam != null && sim != null && cancel != null) {
            out.add(LrSweepClaim.info(Dd4.ID, "SGD with drift cancellation closes much of the gap to Adam (METHODS §3.7)",
                    String.format(Locale.ROOT, "modes covered %s (sim) / %s (cancel) / %s (adam); modes hit %s / %s / %s",
                            sim.covered().format("%.2f"), cancel.covered().format("%.2f"), adam.covered().format("%.2f"),
                            sim.hit().format("%.2f"), cancel.hit().format("%.2f"), adam.hit().format("%.2f"))));
        }
        List<Dd4Scheme> rank = ranking(results);
        StringBuilder r = new StringBuilder();
        for (Dd4Scheme s : rank) {
            Dd4.SchemeResult x = find(results, s);
            r.append(r.isEmpty() ? "" : " > ").append(s.key()).append(String.format(Locale.ROOT, " (%.2f)",
                    x.covered().mean()));
        }
        out.add(LrSweepClaim.info(Dd4.ID, "observed ranking by mean modes covered, then high quality", r.toString()));
        return out;
    }

    /** The schemes by mean modes covered, then mean high-quality fraction, best first (ties keep the run order). */
    static List<Dd4Scheme> ranking(List<Dd4.SchemeResult> results) {
        return results.stream().sorted(Comparator.comparingDouble((Dd4.SchemeResult r) -> -nan0(r.covered().mean()))
                .thenComparingDouble(r -> -nan0(r.highQuality().mean()))).map(Dd4.SchemeResult::scheme).toList();
    }

    /** Negative when a is more stable than b: fewer diverged runs, then a smaller gradient-norm fluctuation (NaN as +∞). */
    static int compareStability(Dd4.SchemeResult a, Dd4.SchemeResult b) {
        int d = Integer.compare(a.diverged(), b.diverged());
        if (d != 0) {
            return d;
        }
        return Double.compare(inf(a.gradSpread().mean()), inf(b.gradSpread().mean()));
    }

    private static String stability(Dd4.SchemeResult r, String name) {
        return String.format(Locale.ROOT, "%s: %d/%d diverged, grad-norm fluctuation %s", name, r.diverged(),
                r.runs().size(), r.gradSpread().format("%.3g"));
    }

    static String pct(Dd4Stats s) {
        return s.n() == 0 ? "-" : String.format(Locale.ROOT, "%.1f%% ± %.1f%%", 100 * s.mean(), 100 * s.sd());
    }

    private static Dd4.SchemeResult find(List<Dd4.SchemeResult> rs, Dd4Scheme s) {
        return rs.stream().filter(r -> r.scheme() == s).findFirst().orElse(null);
    }

    private static double nan0(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static double inf(double v) {
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
    }
}
