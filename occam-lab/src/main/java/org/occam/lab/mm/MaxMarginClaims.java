package org.occam.lab.mm;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.occam.lab.claim.Claim;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.Direction;

/**
 * The MM-1 claims (docs/max-margin.md), judged over seeds, one random separable data set each. The
 * tolerances are set a priori: ±0.05 on the ln t slope of the SVM coordinate; ±0.25 on the ratio of the
 * residual norms, which excludes a constant angle (ratio ln T/ln t₀ = 1.83 on the default window) and
 * 1/ln² t (0.55).
 */
public final class MaxMarginClaims {
    /** Angles are exact to float64 round-off far below this. */
    public static final double RESOLUTION = 1e-9;

    private MaxMarginClaims() {
    }

    /**
     * Rates of GD towards the SVM (both losses), its convergence, sign descent towards the ℓ∞ solution, the contrast.
     *
     * @param seeds the result of each seed
     * @return the judged claims
     */
    public static List<ClaimResult> of(List<MaxMarginSweep.Result> seeds) {
        return List.of(
                Claim.within("MM-1 ŵ ln t (logistic)", "w_t = ŵ ln t + ρ_t with ŵ the margin-1 SVM (Soudry et al., Thm 3)",
                        "slope of ŵᵀw_t/‖ŵ‖² against ln t over the late window, GD logistic", 1, 0.05, RESOLUTION)
                        .test(per(seeds, r -> r.logisticFit().slope())),
                Claim.within("MM-1 ŵ ln t (exponential)", "the same for the exponential loss",
                        "slope of ŵᵀw_t/‖ŵ‖² against ln t over the late window, GD exponential", 1, 0.05, RESOLUTION)
                        .test(per(seeds, r -> r.exponentialFit().slope())),
                Claim.within("MM-1 angle ∝ 1/ln t", "ρ_t stays bounded, so angle·(ŵᵀw_t/‖ŵ‖²) → ‖ρ⊥‖/‖ŵ‖: the angle"
                        + " decays like 1/ln t", "‖ρ⊥‖ at the last step ÷ at the window start, GD logistic", 1, 0.25,
                        RESOLUTION).test(per(seeds, r -> r.logisticFit().perpRatio())),
                Claim.of("MM-1 direction → SVM", "w_t/‖w_t‖ converges to the hard-margin SVM direction",
                        "ln(angle at the last step ÷ angle at the window start), logistic", Direction.DECREASE, 0, RESOLUTION)
                        .test(per(seeds, r -> Math.log(r.logisticFit().endAngle() / r.logisticFit().startAngle()))),
                Claim.of("MM-1 l∞ → l∞ margin", "ℓ∞ steepest (sign) descent converges to the ℓ∞-margin direction",
                        "ln(angle to the ℓ∞-margin direction at the last step ÷ at the window start)", Direction.DECREASE, 0,
                        RESOLUTION).test(per(seeds, r -> r.linfUnique()
                        ? Math.log(last(r.sign()) / at(r, r.sign())) : Double.NaN)),
                Claim.of("MM-1 l∞ geometry", "sign descent ends nearer the ℓ∞-margin direction than the SVM's",
                        "angle to the ℓ∞ direction − angle to the SVM direction, sign descent, last step (rad)",
                        Direction.DECREASE, 0, RESOLUTION).test(per(seeds, r -> r.linfUnique()
                        ? last(r.sign()) - last(r.signToSvm()) : Double.NaN)),
                Claim.of("MM-1 l2 geometry", "GD ends nearer the SVM direction than the ℓ∞-margin direction's",
                        "angle to the ℓ∞ direction − angle to the SVM direction, GD logistic, last step (rad)",
                        Direction.INCREASE, 0, RESOLUTION).test(per(seeds, r -> r.linfUnique()
                        ? last(r.gdToLinf()) - last(r.logistic()) : Double.NaN)));
    }

    private static double[] per(List<MaxMarginSweep.Result> seeds, ToDoubleFunction<MaxMarginSweep.Result> f) {
        return seeds.stream().mapToDouble(f).toArray();
    }

    private static double last(double[] v) {
        return v[v.length - 1];
    }

    /** The value at the window start t = 2^windowLog2. */
    private static double at(MaxMarginSweep.Result r, double[] v) {
        long start = 1L << r.settings().windowLog2();
        for (int i = 0; i < r.steps().length; i++) {
            if (r.steps()[i] >= start) {
                return v[i];
            }
        }
        return Double.NaN;
    }
}
