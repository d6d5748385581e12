package org.occam.lab.eos;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.occam.lab.claim.Claim;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.Direction;

/**
 * The EOS-1 claims of METHODS §11, judged over seeds. Each seed runs every rate; its statistic is
 * the mean over the rates (a diverged run makes it NaN, so the claim is inconclusive).
 */
public final class EosClaims {
    /** Relative accuracy of a 20-step Lanczos λ_max estimate, the resolution of ratios of λ_max (in ln units). */
    public static final double LANCZOS_RESOLUTION = 0.01;

    private EosClaims() {
    }

    /**
     * Sharpening, hovering at 2/h, falling loss, non-monotone loss.
     *
     * @param seeds the result of each seed
     * @return the judged claims
     */
    public static List<ClaimResult> of(List<EosSweep.Result> seeds) {
        return List.of(
                Claim.of("EOS-1 sharpening", "λ_max rises during training (progressive sharpening)",
                        "ln(λ_max before reaching 2/h ÷ λ_max at step 0), mean over the rates", Direction.INCREASE, 0,
                        LANCZOS_RESOLUTION).test(perSeed(seeds, r -> Math.log(r.eos().sharpeningRatio()))),
                Claim.within("EOS-1 at the edge", "then λ_max hovers within ~10 % of 2/h",
                        "mean λ_max·h/2 after first reaching 0.9·2/h, mean over the rates", 1, 0.1, LANCZOS_RESOLUTION)
                        .test(perSeed(seeds, r -> r.eos().reachedEdge() ? r.eos().meanEdgeRatioAfter() : Double.NaN)),
                Claim.of("EOS-1 loss falls", "the loss still falls at the edge", "ln(final loss ÷ loss at step 0), mean"
                        + " over the rates", Direction.DECREASE, 0, 0).test(perSeed(seeds,
                        r -> Math.log(r.lastLoss() / r.firstLoss()))),
                Claim.of("EOS-1 non-monotone", "the loss is non-monotone (it rises at some steps)", "steps at which the"
                        + " loss rose, mean over the rates (a count: exact)", Direction.INCREASE, 0, 0)
                        .test(perSeed(seeds, r -> r.diverged() ? Double.NaN : r.increases())));
    }

    private static double[] perSeed(List<EosSweep.Result> seeds, ToDoubleFunction<EosSweep.Run> f) {
        return seeds.stream().mapToDouble(s -> s.runs().stream().mapToDouble(r -> r.diverged() ? Double.NaN
                : f.applyAsDouble(r)).average().orElse(Double.NaN)).toArray();
    }
}
