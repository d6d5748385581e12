package org.occam.lr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.optim.LearningRateRule;
import org.occam.optim.Schedule;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/** DAL-p (METHODS §4.2): the rate formula, both Hg oracles, the window, the cap, p = 0. */
class DriftAdaptiveLearningRateTest {
    static final double[] A = {4, 1, 0.25};
    static final Function<Params, Tensor> QUAD = LrFixtures.quadratic(A);
    static final Params W = LrFixtures.vector(0.3, -0.7, 1.1);

    /** v = ‖A²w‖/‖Aw‖ for E = ½ wᵀ diag(A) w, computed by hand. */
    static double driftByHand(double[] w) {
        double[] g = new double[w.length];
        double[] hg = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            g[i] = A[i] * w[i];
            hg[i] = A[i] * g[i];
        }
        return LrFixtures.norm(hg) / LrFixtures.norm(g);
    }

    static DriftAdaptiveLearningRate dal(double p, HessianGradient hg) {
        return DriftAdaptiveLearningRate.driftAdaptiveLearningRate(0.01, p, StepLoss.of(QUAD, true), hg);
    }

    @Test
    void powerOneGivesTwoOverDriftExactly() {
        DriftAdaptiveLearningRate rule = dal(1, HessianGradient.exact());
        double h = rule.learningRate(LrFixtures.context(0, QUAD, W));
        double v = driftByHand(LrFixtures.values(W));
        assertEquals(2 / v, h, 1e-14 * (2 / v));
        assertEquals(v, rule.last().driftRatio(), 1e-14 * v);
        assertTrue(rule.last().scaled() && !rule.last().capped());
        assertTrue(v <= A[0] && v >= A[2], "v lies between the extreme eigenvalues: " + v);
    }

    @Test
    void otherPowersFollowTheFormula() {
        double v = driftByHand(LrFixtures.values(W));
        for (double p : new double[] {0.5, 2}) {
            double h = dal(p, HessianGradient.exact()).learningRate(LrFixtures.context(3, QUAD, W));
            assertEquals(Math.min(5, 2 / Math.pow(v, p)), h, 1e-13, "p = " + p);
        }
        assertEquals(5, DriftAdaptiveLearningRate.rate(0, 1, 5));
        assertEquals(0.5, DriftAdaptiveLearningRate.rate(4, 1, 5));
        assertEquals(0.125, DriftAdaptiveLearningRate.rate(4, 2, 5));
        assertEquals(1, DriftAdaptiveLearningRate.rate(4, 0.5, 5));
    }

    /** On a quadratic the gradient is linear, so the one-sided difference is exact up to round-off. */
    @Test
    void finiteDifferenceIsExactOnAQuadratic() {
        DriftAdaptiveLearningRate rule = dal(1, HessianGradient.finiteDifference());
        double h = rule.learningRate(LrFixtures.context(0, QUAD, W));
        assertEquals(2 / driftByHand(LrFixtures.values(W)), h, 1e-9);
    }

    /**
     * On a tanh MLP the one-sided difference has an O(ε) error: within a small multiple of the step
     * length 0.01, and halving the step halves the error (first order, METHODS §10 pitfall 7).
     */
    @Test
    void finiteDifferenceErrorIsFirstOrderInTheStep() {
        Objective mse = Objective.mse(LrFixtures.MLP);
        var batch = LrFixtures.data().all();
        Function<Params, Tensor> f = p -> mse.loss(p, batch);
        Params p = LrFixtures.mlpParams().scale(1.5);
        LearningRateRule.Context ctx = LrFixtures.context(0, f, p);
        double exact = rate(f, HessianGradient.exact(), ctx);
        double e1 = Math.abs(rate(f, HessianGradient.finiteDifference(0.01), ctx) - exact) / exact;
        double e2 = Math.abs(rate(f, HessianGradient.finiteDifference(0.005), ctx) - exact) / exact;
        double e3 = Math.abs(rate(f, HessianGradient.finiteDifference(0.0025), ctx) - exact) / exact;
        assertTrue(e1 > 1e-7 && e1 < 0.05, "relative error at step 0.01: " + e1);
        assertEquals(2, e1 / e2, 0.3, "error ratio when halving the step");
        assertEquals(2, e2 / e3, 0.3, "error ratio when halving the step again");
    }

    /**
     * The reference difference moves the parameters by a step of length ℓ = 0.01 (ε = ℓ/‖g‖): on
     * E = w⁴/4 at w = 2 (g = 8, Hg = 96) it gives ((2 + 0.01)³ − 8)/(0.01/8) = 96.4808.
     */
    @Test
    void finiteDifferenceStepHasTheReferenceLength() {
        Function<Params, Tensor> f = p -> p.get("w").pow(4).sum().mul(0.25);
        Params w = LrFixtures.vector(2);
        Params g = LrFixtures.vector(8);
        assertEquals(96.4808, LrFixtures.values(HessianGradient.finiteDifference().apply(f, w, g))[0], 1e-8);
        assertEquals(96, LrFixtures.values(HessianGradient.exact().apply(f, w, g))[0], 1e-12);
        assertEquals("fd(0.01)", HessianGradient.finiteDifference().describe());
    }

    static double rate(Function<Params, Tensor> f, HessianGradient hg, LearningRateRule.Context ctx) {
        return DriftAdaptiveLearningRate.driftAdaptiveLearningRate(0.01, 1, StepLoss.of(f, true), hg).learningRate(ctx);
    }

    @Test
    void windowUsesTheBaseRateOutsideStrictly() {
        DriftAdaptiveLearningRate.Settings s = DriftAdaptiveLearningRate.Settings.of(1).withWindow(2, 5);
        DriftAdaptiveLearningRate rule = DriftAdaptiveLearningRate.driftAdaptiveLearningRate(
                LearningRateRule.of(Schedule.constant(0.07)), s, StepLoss.of(QUAD, true), HessianGradient.exact());
        double dal = 2 / driftByHand(LrFixtures.values(W));
        for (long step = 0; step < 8; step++) {
            double h = rule.learningRate(LrFixtures.context(step, QUAD, W));
            boolean inside = step > 2 && step < 5;
            assertEquals(inside ? dal : 0.07, h, 1e-12, "step " + step);
            assertEquals(inside, rule.last().scaled());
            assertFalse(Double.isNaN(rule.last().driftRatio()), "v is measured outside the window too");
        }
        DriftAdaptiveLearningRate quiet = DriftAdaptiveLearningRate.driftAdaptiveLearningRate(
                LearningRateRule.of(Schedule.constant(0.07)), s.withMeasureOutside(false), StepLoss.of(QUAD, true),
                HessianGradient.exact());
        quiet.learningRate(LrFixtures.context(0, QUAD, W));
        assertTrue(Double.isNaN(quiet.last().driftRatio()));
    }

    @Test
    void powerZeroIsPlainGradientDescentAtTheBaseRate() {
        DriftAdaptiveLearningRate rule = dal(0, HessianGradient.exact());
        assertEquals(0.01, rule.learningRate(LrFixtures.context(4, QUAD, W)));
        assertFalse(rule.last().scaled());
        assertEquals(driftByHand(LrFixtures.values(W)), rule.last().driftRatio(), 1e-12);
    }

    /** A flat direction (tiny curvature) would ask for a huge step; the cap holds it at h_max. */
    @Test
    void capHoldsTheRateAtTheMaximum() {
        Function<Params, Tensor> flat = LrFixtures.quadratic(1e-3, 2e-3);
        Params w = LrFixtures.vector(1, 1);
        DriftAdaptiveLearningRate.Settings s = DriftAdaptiveLearningRate.Settings.of(1).withMaxLr(3);
        DriftAdaptiveLearningRate rule = DriftAdaptiveLearningRate.driftAdaptiveLearningRate(
                LearningRateRule.of(Schedule.constant(0.1)), s, StepLoss.of(flat, true), HessianGradient.exact());
        assertEquals(3, rule.learningRate(LrFixtures.context(0, flat, w)));
        assertTrue(rule.last().capped());
        // and at a critical point (g = 0, v = 0)
        assertEquals(3, rule.learningRate(LrFixtures.context(1, flat, LrFixtures.vector(0, 0))));
    }

    /** With an own-gradient step loss the rule differentiates it instead of using the context's gradient. */
    @Test
    void ownGradientIgnoresTheContextGradient() {
        DriftAdaptiveLearningRate rule = DriftAdaptiveLearningRate.driftAdaptiveLearningRate(0.01, 1,
                StepLoss.of(QUAD, false), HessianGradient.exact());
        LearningRateRule.Context real = LrFixtures.context(0, QUAD, W);
        LearningRateRule.Context wrong = new LearningRateRule.Context(0, W, real.grad().scale(-3).add(W), null);
        assertEquals(2 / driftByHand(LrFixtures.values(W)), rule.learningRate(wrong), 1e-12);
    }

    @Test
    void reusingAGradientOfAnotherLossIsCaught() {
        DriftAdaptiveLearningRate rule = dal(1, HessianGradient.exact());
        LearningRateRule.Context other = LrFixtures.context(0, LrFixtures.quadratic(1, 1, 1), W);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> rule.learningRate(other));
        assertTrue(e.getMessage().contains("cannot be reused"), e.getMessage());
    }

    static DriftAdaptiveLearningRate normalized(Function<Params, Tensor> f, double p, boolean on) {
        DriftAdaptiveLearningRate.Settings s = DriftAdaptiveLearningRate.Settings.of(p).withNormalized(on);
        return DriftAdaptiveLearningRate.driftAdaptiveLearningRate(LearningRateRule.of(Schedule.constant(0.07)), s,
                StepLoss.of(f, true), HessianGradient.exact());
    }

    /**
     * Normalised v: multiplying the loss by c leaves every h_t unchanged (v_t and v_0 both scale by c),
     * h_0 is the base rate, and later rates are h_base/(v_t/v_0)^p by hand; the reference rule 2/v^p is
     * not invariant (its rates change by c^−p), which is what the normalisation fixes.
     */
    @Test
    void normalizedDriftIsInvariantToTheScaleOfTheLoss() {
        double c = 100;
        Function<Params, Tensor> scaledQuad = q -> QUAD.apply(q).mul(c);
        Params[] path = {W, LrFixtures.vector(0.05, -0.6, 1.0), LrFixtures.vector(0.01, 0.2, 0.9)};
        double v0 = driftByHand(LrFixtures.values(path[0]));
        for (double p : new double[] {0.75, 2}) {
            DriftAdaptiveLearningRate plain = normalized(QUAD, p, true);
            DriftAdaptiveLearningRate scaled = normalized(scaledQuad, p, true);
            DriftAdaptiveLearningRate reference = normalized(QUAD, p, false);
            DriftAdaptiveLearningRate referenceScaled = normalized(scaledQuad, p, false);
            for (int t = 0; t < path.length; t++) {
                double h = plain.learningRate(LrFixtures.context(t, QUAD, path[t]));
                double hc = scaled.learningRate(LrFixtures.context(t, scaledQuad, path[t]));
                double vt = driftByHand(LrFixtures.values(path[t]));
                assertEquals(0.07 / Math.pow(vt / v0, p), h, 1e-13, "p = " + p + ", step " + t);
                assertEquals(h, hc, 1e-13 * h, "loss x " + c + " leaves h_t unchanged, p = " + p + ", step " + t);
                double r = reference.learningRate(LrFixtures.context(t, QUAD, path[t]));
                double rc = referenceScaled.learningRate(LrFixtures.context(t, scaledQuad, path[t]));
                assertEquals(Math.pow(c, -p), rc / r, 1e-12, "the reference rule is not scale-free");
            }
            assertEquals(v0, plain.initialDriftRatio(), 1e-14 * v0);
            assertEquals(c * v0, scaled.initialDriftRatio(), 1e-12 * c * v0);
        }
        assertTrue(driftByHand(LrFixtures.values(path[2])) != v0, "the path changes v, so the test has teeth");
        assertEquals(0.07, DriftAdaptiveLearningRate.normalizedRate(3, 3, 2, 0.07, 5));
        assertEquals(0.07 / 4, DriftAdaptiveLearningRate.normalizedRate(6, 3, 2, 0.07, 5), 1e-15);
        assertEquals(5, DriftAdaptiveLearningRate.normalizedRate(0, 3, 1, 0.07, 5), "v = 0: the cap");
    }

    @Test
    void normalizedDriftNeedsAPositiveStartingDrift() {
        DriftAdaptiveLearningRate rule = normalized(QUAD, 1, true);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> rule.learningRate(LrFixtures.context(0, QUAD, LrFixtures.vector(0, 0, 0))));
        assertTrue(e.getMessage().contains("normalized"), e.getMessage());
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> DriftAdaptiveLearningRate.Settings.of(-1));
        assertThrows(IllegalArgumentException.class, () -> DriftAdaptiveLearningRate.Settings.of(1).withMaxLr(0));
        assertThrows(IllegalArgumentException.class, () -> DriftAdaptiveLearningRate.Settings.of(1).withWindow(4, 5));
        assertThrows(IllegalArgumentException.class, () -> HessianGradient.finiteDifference(0));
    }
}
