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
 * The distance to the target is the sample W₂; coverage compares modes hit and the high-quality
 * fraction, never modes covered alone. Stability compares diverged runs first,
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
     * The claims whose schemes were run, judged over seeds, at each rate multiplier (the id names the
     * multiplier when there are several). Every scheme runs the same seeds (the same
     * initialisations and reference samples), so each statistic is a paired difference per seed:
     * the distance to the target by the sample W₂ (resolution: the spread over seeds of a perfect
     * generator's W₂, {@link #w2Resolution}), coverage by modes hit and the high-quality fraction
     * (never by modes covered alone, which a generator collapsed on one mode inflates), and
     * stability by the gradient-norm fluctuation (a divergence scores {@link #DIVERGED_SPREAD}).
     * METHODS words the cancel claims as "at least as good": they are tested in the direction
     * "better", so "contradicted" refutes them and "inconclusive" is consistent with them.
     */
    static List<ClaimResult> check(List<Dd4.SchemeResult> results) {
        List<Double> scales = results.stream().map(Dd4.SchemeResult::lrScale).distinct().toList();
        List<ClaimResult> out = new ArrayList<>();
        for (double scale : scales) {
            List<Dd4.SchemeResult> at = results.stream().filter(r -> r.lrScale() == scale).toList();
            String tag = scales.size() > 1 ? " (rates x" + Dd4Report.num(scale) + ")" : "";
            Dd4.SchemeResult sim = find(at, Dd4Scheme.SIMULTANEOUS);
            Dd4.SchemeResult alt = find(at, Dd4Scheme.ALTERNATING);
            Dd4.SchemeResult cancel = find(at, Dd4Scheme.CANCEL);
            if (sim != null && cancel != null) {
                out.add(paired("DD-4 cancel: W2" + tag, "cancelling the interaction terms brings the generator at least as"
                        + " close to the target mixture as plain simultaneous", "sample W2 to the target (late mean),"
                        + " cancel − simultaneous", Direction.DECREASE, w2Resolution(sim, cancel), cancel, sim,
                        Dd4.SeedRun::w2));
                out.add(paired("DD-4 cancel: modes hit" + tag, "cancelling the interaction terms covers more of the ring"
                        + " than plain simultaneous", "modes hit (late mean), cancel − simultaneous", Direction.INCREASE, 0,
                        cancel, sim, Dd4.SeedRun::hit));
                out.add(paired("DD-4 cancel: quality" + tag, "cancelling the interaction terms puts more samples near a"
                        + " mode", "high-quality fraction (late mean), cancel − simultaneous", Direction.INCREASE, 0, cancel,
                        sim, Dd4.SeedRun::highQuality));
                out.add(paired("DD-4 cancel: stability" + tag, "cancelling the interaction terms is at least as stable as"
                        + " plain simultaneous", "gradient-norm fluctuation, cancel − simultaneous", Direction.DECREASE, 0,
                        cancel, sim, Dd4Claims::spread));
            }
            if (sim != null && alt != null) {
                out.add(paired("DD-4 alternating: stability" + tag, "alternating updates are more stable than"
                        + " simultaneous", "gradient-norm fluctuation, alternating − simultaneous", Direction.DECREASE, 0,
                        alt, sim, Dd4Claims::spread));
            }
        }
        return out;
    }

    /**
     * The W₂ resolution: the sample standard deviation over seeds of a perfect generator's W₂ at the
     * same sample size (each seed draws its own reference and perfect samples), the larger of the two
     * schemes'; 0 with fewer than two seeds.
     */
    static double w2Resolution(Dd4.SchemeResult a, Dd4.SchemeResult b) {
        double sa = a.w2Floor().sd();
        double sb = b.w2Floor().sd();
        return Math.max(Double.isFinite(sa) ? sa : 0, Double.isFinite(sb) ? sb : 0);
    }

    /** A paired claim: per seed, f(a's run) − f(b's run). */
    static ClaimResult paired(String id, String statement, String statistic, Direction d, double resolution,
                              Dd4.SchemeResult a, Dd4.SchemeResult b, ToDoubleFunction<Dd4.SeedRun> f) {
        int n = Math.min(a.runs().size(), b.runs().size());
        double[] diff = new double[n];
        for (int i = 0; i < n; i++) {
            diff[i] = f.applyAsDouble(a.runs().get(i)) - f.applyAsDouble(b.runs().get(i));
        }
        return Claim.of(id, statement, statistic + ", same seed", d, 0, resolution).test(diff);
    }

    private static double spread(Dd4.SeedRun r) {
        return r.run().diverged() || !Double.isFinite(r.gradSpread()) ? DIVERGED_SPREAD : r.gradSpread();
    }

    /**
     * The scheme results by mean W₂ to the target (NaN last), then mean high-quality fraction, best
     * first (ties keep the run order); not by modes covered, which a collapsed generator inflates.
     */
    static List<Dd4.SchemeResult> ranking(List<Dd4.SchemeResult> results) {
        return results.stream().sorted(Comparator.comparingDouble((Dd4.SchemeResult r) -> inf(r.w2().mean()))
                .thenComparingDouble(r -> -nan0(r.highQuality().mean()))).toList();
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
