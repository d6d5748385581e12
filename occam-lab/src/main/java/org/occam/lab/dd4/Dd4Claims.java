package org.occam.lab.dd4;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.occam.lab.claim.Claim;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.Direction;

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

    /**
     * A diverged run's gradient-norm fluctuation for the paired stability statistic: larger than any
     * finite run's (decades of log10‖∇‖), so divergence counts as the least stable.
     */
    static final double DIVERGED_SPREAD = 10;

    /**
     * The claims whose schemes were run, judged over seeds. Every scheme runs the same seeds (the
     * same initialisations), so each statistic is a paired difference per seed: coverage by modes
     * hit and the high-quality fraction (never by modes covered alone, which a generator collapsed on
     * one mode inflates), and stability by the gradient-norm fluctuation (a divergence scores
     * {@link #DIVERGED_SPREAD}). New distances to the target (W₂, mode KL) are one more
     * {@link #paired} line each.
     */
    static List<ClaimResult> check(List<Dd4.SchemeResult> results) {
        Dd4.SchemeResult sim = find(results, Dd4Scheme.SIMULTANEOUS);
        Dd4.SchemeResult alt = find(results, Dd4Scheme.ALTERNATING);
        Dd4.SchemeResult cancel = find(results, Dd4Scheme.CANCEL);
        List<ClaimResult> out = new ArrayList<>();
        if (sim != null && cancel != null) {
            out.add(paired("DD-4 cancel: modes hit", "cancelling the interaction terms covers more of the ring than plain"
                    + " simultaneous", "modes hit (late mean), cancel − simultaneous", Direction.INCREASE, cancel, sim,
                    Dd4.SeedRun::hit));
            out.add(paired("DD-4 cancel: quality", "cancelling the interaction terms puts more samples near a mode",
                    "high-quality fraction (late mean), cancel − simultaneous", Direction.INCREASE, cancel, sim,
                    Dd4.SeedRun::highQuality));
            out.add(paired("DD-4 cancel: stability", "cancelling the interaction terms is more stable than plain"
                    + " simultaneous", "gradient-norm fluctuation, cancel − simultaneous", Direction.DECREASE, cancel, sim,
                    Dd4Claims::spread));
        }
        if (sim != null && alt != null) {
            out.add(paired("DD-4 alternating: stability", "alternating updates are more stable than simultaneous",
                    "gradient-norm fluctuation, alternating − simultaneous", Direction.DECREASE, alt, sim, Dd4Claims::spread));
        }
        return out;
    }

    /** A paired claim: per seed, f(a's run) − f(b's run). */
    static ClaimResult paired(String id, String statement, String statistic, Direction d, Dd4.SchemeResult a,
                              Dd4.SchemeResult b, ToDoubleFunction<Dd4.SeedRun> f) {
        int n = Math.min(a.runs().size(), b.runs().size());
        double[] diff = new double[n];
        for (int i = 0; i < n; i++) {
            diff[i] = f.applyAsDouble(a.runs().get(i)) - f.applyAsDouble(b.runs().get(i));
        }
        return Claim.of(id, statement, statistic + ", same seed", d, 0, 0).test(diff);
    }

    private static double spread(Dd4.SeedRun r) {
        return r.run().diverged() || !Double.isFinite(r.gradSpread()) ? DIVERGED_SPREAD : r.gradSpread();
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
