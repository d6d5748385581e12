package org.occam.lab.mgc;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.occam.lab.claim.Claim;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.Direction;
import org.occam.lab.claim.Effects;
import org.occam.lab.report.LrSweepCurves;

/**
 * The MGC-1 claims (METHODS §7.3, §11) judged over seeds. One seed trains every (corruption,
 * rate) run; its statistics: the fraction of runs that fit their labels, ln of the median GC/γ²
 * with random over true labels, and Spearman ρ of GC/γ² (and of GC alone, for comparison) with the
 * generalisation gap across its runs. Runs whose 10th-percentile margin is not positive have no
 * GC/γ² and are left out of the ρ (fewer than 3 left: NaN).
 */
final class MgcClaims {
    private MgcClaims() {
    }

    static List<ClaimResult> of(List<MgcSweep.Result> seeds) {
        int runs = seeds.getFirst().runs().size();
        return List.of(
                Claim.within("MGC-1 fitted", "every run trains to 100 % training accuracy (and the loss target)",
                        "fraction of the seed's runs that fitted", 1, 1e-9, 1.0 / runs)
                        .test(per(seeds, rs -> rs.stream().filter(MgcSweep.Run::reached).count() / (double) rs.size())),
                Claim.of("MGC-1 random > true", "random labels give much larger GC/γ² than true labels",
                        "ln(median GC/γ² with random labels ÷ median with true labels)", Direction.INCREASE, 0, 0)
                        .test(per(seeds, MgcClaims::lnRandomOverTrue)),
                Claim.of("MGC-1 ρ(GC/γ², gap)", "GC/γ² rank-correlates with the generalization gap across runs",
                        "Spearman ρ(GC/γ², train − test accuracy) across the seed's runs", Direction.INCREASE, 0, 0)
                        .test(per(seeds, rs -> rho(rs, r -> r.bound().gcOverGamma2()))),
                Claim.of("MGC-1 ρ(GC, gap)", "for comparison: GC alone, without the margin, rank-correlates with the gap",
                        "Spearman ρ(GC, train − test accuracy) across the seed's runs", Direction.INCREASE, 0, 0)
                        .test(per(seeds, rs -> rho(rs, r -> r.bound().gc()))));
    }

    private static double[] per(List<MgcSweep.Result> seeds, ToDoubleFunction<List<MgcSweep.Run>> f) {
        return seeds.stream().mapToDouble(s -> f.applyAsDouble(s.runs())).toArray();
    }

    private static double lnRandomOverTrue(List<MgcSweep.Run> runs) {
        double t = median(runs.stream().filter(r -> r.corruption() == 0).toList());
        double r = median(runs.stream().filter(x -> x.corruption() == 1).toList());
        return t > 0 && r > 0 ? Math.log(r / t) : Double.NaN;
    }

    private static double rho(List<MgcSweep.Run> runs, ToDoubleFunction<MgcSweep.Run> x) {
        List<MgcSweep.Run> finite = runs.stream().filter(r -> Double.isFinite(r.bound().gcOverGamma2())).toList();
        return finite.size() < 3 ? Double.NaN : Effects.spearman(finite.stream().mapToDouble(x).toArray(),
                finite.stream().mapToDouble(MgcSweep.Run::gap).toArray());
    }

    private static double median(List<MgcSweep.Run> runs) {
        double[] v = runs.stream().mapToDouble(r -> r.bound().gcOverGamma2()).toArray();
        return v.length == 0 ? Double.NaN : LrSweepCurves.median(v);
    }
}
