package org.occam.lab.hom;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.occam.lab.claim.Claim;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.Direction;
import org.occam.train.RunStatus;

/**
 * The HOM-1 claims of METHODS §11 (Lyu &amp; Li; Ji &amp; Telgarsky), judged over seeds: each seed draws
 * its own separable data and initialization and trains once; a run that stopped early, or never
 * reached L &lt; log 2, gives NaN (inconclusive).
 */
public final class HomClaims {
    /** float64 round-off of the cosines and R², the resolution of the convergence claims. */
    public static final double FLOAT64_RESOLUTION = 1e-12;

    private HomClaims() {
    }

    /**
     * Monotone smoothed margin, converging margins, ‖θ‖ like (log t)^{1/L}, directional convergence, alignment.
     *
     * @param seeds the result of each seed
     * @return the judged claims
     */
    public static List<ClaimResult> of(List<HomSweep.Result> seeds) {
        return List.of(
                Claim.within("HOM-1 γ̃ monotone", "the smoothed margin γ̃ is non-decreasing once L < log 2",
                        "decreases of γ̃ beyond round-off (relative 1e-10) after L < log 2 (a count)", 0, 0.5, 0)
                        .test(per(seeds, t -> t.fittedStep() < 0 ? Double.NaN : t.violations())),
                Claim.of("HOM-1 margins converge", "the smoothed and normalized margins converge to one limit",
                        "ln((γ̄ − γ̃) at the end ÷ (γ̄ − γ̃) at the start of the late window)", Direction.DECREASE, 0,
                        FLOAT64_RESOLUTION).test(per(seeds, t -> t.finalGap() >= 0 && t.gapAtWindowStart() > 0
                        ? Math.log(Math.max(t.finalGap(), Double.MIN_NORMAL) / t.gapAtWindowStart()) : Double.NaN)),
                Claim.within("HOM-1 ‖θ‖ ~ log t", "‖θ‖ grows like (log t)^{1/L}: ‖θ‖^L is linear in ln t",
                        "R² of ‖θ‖^L against ln t over the late window (NaN unless the slope is positive)", 1, 0.01,
                        FLOAT64_RESOLUTION).test(per(seeds, t -> t.normSlope() > 0 ? t.normR2() : Double.NaN)),
                Claim.within("HOM-1 direction", "cos(θ_t, θ_2t) → 1 (directional convergence)",
                        "cos(θ_t, θ_2t) at the last measurement", 1, 1e-3, FLOAT64_RESOLUTION)
                        .test(per(seeds, t -> last(t.dirCos()))),
                Claim.within("HOM-1 alignment", "cos(θ, −∇L) → 1 (alignment)", "cos(θ, −∇L) at the last measurement",
                        1, 0.1, FLOAT64_RESOLUTION).test(per(seeds, t -> last(t.alignCos()))));
    }

    private static double[] per(List<HomSweep.Result> seeds, ToDoubleFunction<HomTrends> f) {
        return seeds.stream().mapToDouble(r -> r.run().status().state() == RunStatus.State.COMPLETED
                ? f.applyAsDouble(r.trends()) : Double.NaN).toArray();
    }

    private static double last(double[] v) {
        return v.length == 0 ? Double.NaN : v[v.length - 1];
    }
}
