package org.occam.lab.mt;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.occam.lab.claim.Claim;
import org.occam.lab.claim.ClaimResult;
import org.occam.lab.claim.Direction;
import org.occam.lab.claim.Effects;
import org.occam.multitask.Forgetting;

/**
 * The MT-1 claims (METHODS §6, §11) judged over seeds; each seed has its own data and
 * initialization and runs both arms. The paper is theoretical and the effect small, so each claim
 * reports its size with an interval. The joint arm is only first-order IGR's regime while
 * hλ_max &lt; 0.5, which is itself a claim here (checked at the start and the end of every run).
 */
public final class Mt1Claims {
    private Mt1Claims() {
    }

    /**
     * Alignment against h, the explicit and cancelled conflict terms, hλ_max, and the continual arm.
     *
     * @param seeds the result of each seed
     * @return the judged claims
     */
    public static List<ClaimResult> of(List<Mt1.Result> seeds) {
        return List.of(
                Claim.of("MT-1 hλ_max < 0.5", "the sweep stays in the first-order regime: hλ_max < 0.5 throughout",
                        "max over the rates of h·max(λ_max at the start, λ_max at the end) (reference 0.5)", Direction.DECREASE,
                        0.5, 0).test(per(seeds, Mt1Claims::maxEdge)),
                Claim.of("MT-1 cos vs h", "more negative task-gradient alignment at larger h (the conflict term acts)",
                        "Spearman ρ(h, mean cos∠(∇L_A, ∇L_B) over t ∈ [T/10, T])", Direction.DECREASE, 0, 0)
                        .test(per(seeds, r -> rho(r, Mt1Joint.Seed::windowCosines))),
                Claim.of("MT-1 cos vs h, equal loss", "the same at equal joint loss",
                        "Spearman ρ(h, cos at equal joint loss)", Direction.DECREASE, 0, 0)
                        .test(per(seeds, r -> rho(r, Mt1Joint.Seed::equalLossCosines))),
                Claim.of("MT-1 explicit conflict term", "at the smallest h, adding the largest h's conflict coefficient lowers"
                                + " the mean cos", "mean cos with the explicit term − without, smallest h",
                        Direction.DECREASE, 0, 0).test(per(seeds, r -> joint(r).boosted().windowCosine()
                        - joint(r).sweep().getFirst().windowCosine())),
                Claim.of("MT-1 cancelled conflict term", "at the largest h, cancelling the implicit conflict term raises the"
                                + " mean cos", "mean cos with the term cancelled − plain GD, largest h", Direction.INCREASE, 0, 0)
                        .test(per(seeds, r -> joint(r).cancelled().windowCosine() - joint(r).sweep().getLast().windowCosine())),
                Claim.of("MT-1 continual: forgetting", "training on B after A forgets A (A's loss rises)",
                        "largest rise of A's loss during the B phase of the sequential run", Direction.INCREASE, 0, 0)
                        .test(per(seeds, r -> r.continual().sequentialForgetting().maxDrop())),
                Claim.of("MT-1 continual: blocks", "short alternating blocks forget less per switch than one long block",
                        "largest rise of A's loss per B block − the sequential run's", Direction.DECREASE, 0, 0)
                        .test(per(seeds, r -> r.continual().blockForgetting().stream().mapToDouble(Forgetting.Summary::maxDrop)
                                .max().orElse(Double.NaN) - r.continual().sequentialForgetting().maxDrop())),
                Claim.of("MT-1 continual: Lie bracket", "the bracket correction removes the O(h²)-per-pass order dependence of"
                                + " alternating A, B training", "ln(|θ_AB − θ_BA| corrected ÷ plain) after the most passes",
                        Direction.DECREASE, 0, 0).test(per(seeds, r -> {
                            Mt1Continual.OrderGap g = r.continual().gaps().getLast();
                            return Math.log(g.corrected() / g.plain());
                        })));
    }

    private static Mt1Joint.Seed joint(Mt1.Result r) {
        return r.joint().seeds().getFirst();
    }

    private static double rho(Mt1.Result r, Function<Mt1Joint.Seed, double[]> f) {
        double[] y = f.apply(joint(r));
        for (double v : y) {
            if (!Double.isFinite(v)) {
                return Double.NaN;
            }
        }
        return Effects.spearman(r.joint().lrs(), y);
    }

    private static double maxEdge(Mt1.Result r) {
        double worst = 0;
        for (Mt1Joint.Run run : joint(r).sweep()) {
            worst = Math.max(worst, run.h() * Math.max(r.initialSharpness(), run.finalSharpness()));
        }
        return worst;
    }

    private static double[] per(List<Mt1.Result> seeds, ToDoubleFunction<Mt1.Result> f) {
        return seeds.stream().mapToDouble(f).toArray();
    }
}
