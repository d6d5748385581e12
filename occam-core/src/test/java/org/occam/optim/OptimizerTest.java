package org.occam.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/** Optimizers against hand-computed updates (the same recurrences as torch.optim). */
class OptimizerTest {
    private static Params p(double... v) {
        return Params.of("w", Tensor.of(v, v.length));
    }

    @Test
    void sgdWithWeightDecay() {
        Optimizer.Update u = new Sgd(0.1).update(p(1, -2), p(0.5, 0.5), OptState.empty(), 0.1);
        // θ − h(g + λθ) = [1 − 0.1(0.5 + 0.1), −2 − 0.1(0.5 − 0.2)]
        assertArrayEquals(new double[] {0.94, -2.03}, u.params().get("w").toDoubleArray(), 1e-15);
        assertEquals(1, u.state().step());
    }

    @Test
    void heavyBallAndNesterovRecurrences() {
        Optimizer opt = new Momentum(0.9, false, 0);
        Optimizer.Update u1 = opt.update(p(1), p(1), OptState.empty(), 0.1);
        Optimizer.Update u2 = opt.update(u1.params(), p(1), u1.state(), 0.1);
        // v1 = 1, θ1 = 0.9; v2 = 1.9, θ2 = 0.9 − 0.19
        assertEquals(0.71, u2.params().get("w").item(), 1e-15);
        Optimizer nes = new Momentum(0.9, true, 0);
        Optimizer.Update n1 = nes.update(p(1), p(1), OptState.empty(), 0.1);
        assertEquals(1 - 0.1 * 1.9, n1.params().get("w").item(), 1e-15);
    }

    @Test
    void adamFirstStepsMatchTheFormulas() {
        Optimizer opt = Adam.standard();
        Optimizer.Update u1 = opt.update(p(1), p(0.5), OptState.empty(), 0.01);
        // bias-corrected first step moves by lr·sign(g) (up to eps)
        assertEquals(1 - 0.01 * 0.5 / (0.5 + 1e-8), u1.params().get("w").item(), 1e-12);
        Optimizer.Update u2 = opt.update(u1.params(), p(-1), u1.state(), 0.01);
        double m = 0.9 * 0.05 + 0.1 * -1;
        double v = 0.999 * 0.00025 + 0.001 * 1;
        double expected = u1.params().get("w").item() - 0.01 * (m / (1 - 0.81)) / (Math.sqrt(v / (1 - 0.998001)) + 1e-8);
        assertEquals(expected, u2.params().get("w").item(), 1e-12);
        Optimizer adamw = new Adam(0.9, 0.999, 1e-8, 0.1, true);
        assertEquals(1 * (1 - 0.01 * 0.1) - 0.01 * 0.5 / (0.5 + 1e-8),
                adamw.update(p(1), p(0.5), OptState.empty(), 0.01).params().get("w").item(), 1e-12);
    }

    @Test
    void schedules() {
        assertEquals(0.1, Schedule.constant(0.1).at(1000), 0.0);
        Schedule s = Schedule.step(1, 10, 0.5);
        assertEquals(1, s.at(9), 0.0);
        assertEquals(0.25, s.at(20), 0.0);
        Schedule c = Schedule.cosine(1, 100, 0);
        assertEquals(1, c.at(0), 1e-15);
        assertEquals(0.5, c.at(50), 1e-15);
        assertEquals(0, c.at(100), 1e-15);
        Schedule w = Schedule.constant(1).withWarmup(4);
        assertEquals(0.25, w.at(0), 0.0);
        assertEquals(1, w.at(3), 0.0);
        assertEquals(1, w.at(10), 0.0);
    }
}
