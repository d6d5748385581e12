package org.occam.maxmargin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.occam.data.Synthetic;
import org.occam.tensor.Rng;

/**
 * GD on separable data turns towards the ℓ2-SVM direction (Soudry et al.: angle ~ 1/ln t), ℓ∞
 * steepest descent towards the ℓ∞-margin direction (Gunasekar et al.), on a small random set.
 */
class MaxMarginConvergenceTest {
    static final Separable DATA = Separable.of(Synthetic.linearlySeparable(16, 3, 0.1, Rng.seed(7)));

    @Test
    void gdDirectionApproachesTheSvmLikeOneOverLogT() {
        double[] svm = HardMarginSvm.solve(DATA).w();
        for (LinearLoss loss : LinearLoss.values()) {
            double eta = 1 / LinearDescent.dualRadiusSquared(DATA, Norm.L2);
            LinearDescent.Trace tr = LinearDescent.run(DATA, new LinearDescent.Settings(loss, Norm.L2, eta,
                    LinearDescent.StepRule.FIXED, 1 << 16));
            int n = tr.steps().length;
            double early = Angles.between(tr.iterates().get(n - 7), svm);
            double late = Angles.between(tr.iterates().get(n - 1), svm);
            assertTrue(late < early, loss + ": angle did not shrink: " + early + " -> " + late);
            // angle·ln t roughly constant: far from a power law in t (that would shrink by 2^6 = 64×)
            double ratio = late * Math.log(tr.steps()[n - 1]) / (early * Math.log(tr.steps()[n - 7]));
            assertTrue(ratio > 0.5 && ratio < 1.5, loss + ": angle·ln t changed by " + ratio);
        }
    }

    @Test
    void signDescentApproachesTheLinfMarginDirection() {
        LinfMaxMargin.Solution linf = LinfMaxMargin.solve(DATA);
        assertTrue(linf.unique());
        double[] svm = HardMarginSvm.solve(DATA).w();
        double eta = 1 / LinearDescent.dualRadiusSquared(DATA, Norm.LINF);
        LinearDescent.Trace tr = LinearDescent.run(DATA, new LinearDescent.Settings(LinearLoss.EXPONENTIAL, Norm.LINF, eta,
                LinearDescent.StepRule.LOSS_SCALED, 1 << 14));
        int n = tr.steps().length;
        double early = Angles.between(tr.iterates().get(n - 7), linf.w());
        double late = Angles.between(tr.iterates().get(n - 1), linf.w());
        assertTrue(late < early, "angle to the l-infinity direction did not shrink: " + early + " -> " + late);
        assertTrue(late < Angles.between(tr.last(), svm), "closer to the l2 SVM than to the l-infinity solution");
    }
}
