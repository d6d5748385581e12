package org.occam.lr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/** CLR / Polyak (METHODS §5): the formula, the safeguards, and the one-step claims. */
class CorridorLearningRateTest {

    @Test
    void equalsLossOverSquaredGradientNormOnAQuadratic() {
        double[] a = {2, 0.5};
        double[] w = {0.4, -1.2};
        Function<Params, Tensor> f = LrFixtures.quadratic(a);
        double e = 0.5 * (a[0] * w[0] * w[0] + a[1] * w[1] * w[1]);
        double g2 = Math.pow(a[0] * w[0], 2) + Math.pow(a[1] * w[1], 2);
        CorridorLearningRate clr = CorridorLearningRate.corridorLearningRate(Double.POSITIVE_INFINITY, 0);
        double h = clr.learningRate(LrFixtures.context(0, f, LrFixtures.vector(w)));
        assertEquals(e / g2, h, 1e-15 * (e / g2));
        assertEquals(e, clr.last().loss(), 1e-15);
        assertEquals(g2, clr.last().gradNormSquared(), 1e-15);
        double withDelta = CorridorLearningRate.corridorLearningRate(Double.POSITIVE_INFINITY, 0.1)
                .learningRate(LrFixtures.context(0, f, LrFixtures.vector(w)));
        assertEquals(e / (g2 + 0.1), withDelta, 1e-15);
    }

    /** In a corridor (H = 0) CLR's step lands exactly on zero loss: E − h‖g‖² = 0. */
    @Test
    void reachesZeroLossInOneStepInACorridor() {
        Function<Params, Tensor> f = LrFixtures.linear(3.0, 1.5, -2.0, 0.5);
        Params w = LrFixtures.vector(0.2, -0.1, 0.7);
        var ctx = LrFixtures.context(0, f, w);
        assertTrue(ctx.loss().item() > 1);
        double h = CorridorLearningRate.corridorLearningRate(100, 0).learningRate(ctx);
        Params next = w.addScaled(ctx.grad(), -h);
        assertEquals(0, f.apply(next).item(), 1e-14);
    }

    /**
     * Outside a corridor Polyak does what its formula says, not more: on E = ½λw² the step is
     * h = 1/(2λ), half the Newton step, so w halves and the loss falls by exactly 4.
     */
    @Test
    void halvesTheIterateOnAOneDimensionalQuadratic() {
        double lambda = 3;
        Function<Params, Tensor> f = LrFixtures.quadratic(lambda);
        Params w = LrFixtures.vector(0.8);
        var ctx = LrFixtures.context(0, f, w);
        double h = CorridorLearningRate.corridorLearningRate(100, 0).learningRate(ctx);
        assertEquals(1 / (2 * lambda), h, 1e-15);
        Params next = w.addScaled(ctx.grad(), -h);
        assertEquals(0.4, LrFixtures.values(next)[0], 1e-15);
        assertEquals(ctx.loss().item() / 4, f.apply(next).item(), 1e-15);
        // Polyak with E* = 1 on E = ½λw² + 1 is the same step
        Function<Params, Tensor> shifted = p -> f.apply(p).add(1.0);
        assertEquals(h, CorridorLearningRate.polyak(1, 100, 0).learningRate(LrFixtures.context(0, shifted, w)), 1e-15);
    }

    @Test
    void capAndFloorGuardTheRate() {
        // ‖g‖ → 0 with E > 0 (METHODS §10, pitfall 9): the cap holds
        assertEquals(7, CorridorLearningRate.rate(1, 1e-20, 0, 7, 0));
        assertEquals(7, CorridorLearningRate.rate(1, 0, 0, 7, 0));
        // loss at or below E*: no step
        assertEquals(0, CorridorLearningRate.rate(0.5, 1, 0.5, 7, 0));
        assertEquals(0, CorridorLearningRate.rate(-1e-3, 1, 0, 7, 0));
        CorridorLearningRate clr = CorridorLearningRate.corridorLearningRate(0.25, 1e-12);
        Function<Params, Tensor> f = LrFixtures.quadratic(1e-4);
        clr.learningRate(LrFixtures.context(0, f, LrFixtures.vector(1)));
        assertTrue(clr.last().capped());
        assertEquals(0.25, clr.last().learningRate());
        assertThrows(IllegalArgumentException.class, () -> CorridorLearningRate.corridorLearningRate(0, 0));
        assertThrows(IllegalArgumentException.class, () -> CorridorLearningRate.corridorLearningRate(1, -1));
    }
}
