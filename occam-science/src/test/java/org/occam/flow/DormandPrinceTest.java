package org.occam.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/**
 * Dormand–Prince 5(4) on the damped rotation y' = A y of {@link Rk4Test} (exact solution known):
 * fifth order with fixed steps, errors that follow the requested tolerances, accurate dense
 * output, backward integration, and an early stop when the solution blows up.
 */
class DormandPrinceTest {
    static final Rk4.Field LINEAR = (t, y) -> Rk4Test.field(y);
    static final double[] Y0 = {1, -0.5};

    @Test
    void fixedStepGlobalErrorIsFifthOrder() {
        double span = 2;
        int[] steps = {8, 16, 32, 64};
        double[] dt = new double[steps.length];
        double[] err = new double[steps.length];
        double[] want = Rk4Test.exact(Y0, span);
        for (int i = 0; i < steps.length; i++) {
            dt[i] = span / steps[i];
            err[i] = FlowFixtures.distance(DormandPrince.integrateFixed(LINEAR, 0, Y0, span, steps[i]), want);
        }
        System.out.println(FlowFixtures.row("DP5 fixed-step global error", dt, err));
        assertEquals(5, FlowFixtures.slope(dt, err), 0.3);
        // RK4 with the same steps is one order lower: the comparison can fail
        double[] rk = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            rk[i] = FlowFixtures.distance(Rk4.integrate(Rk4Test::field, Y0, span, steps[i]), want);
        }
        assertEquals(4, FlowFixtures.slope(dt, rk), 0.3);
    }

    @Test
    void embeddedEstimateIsTheFourthOrderLocalError() {
        // one step: ‖y5 − y4‖ = O(dt⁵)
        double[] dt = {0.4, 0.2, 0.1, 0.05};
        double[] est = new double[dt.length];
        for (int i = 0; i < dt.length; i++) {
            double[] e = DormandPrince.step(LINEAR, 0, Y0, dt[i])[1];
            est[i] = Math.hypot(e[0], e[1]);
        }
        System.out.println(FlowFixtures.row("DP5 embedded error estimate", dt, est));
        assertEquals(5, FlowFixtures.slope(dt, est), 0.3);
    }

    @Test
    void errorControlHonoursTheTolerances() {
        double span = 10;
        double[] want = Rk4Test.exact(Y0, span);
        double previous = Double.POSITIVE_INFINITY;
        int previousSteps = 0;
        for (double tol : new double[] {1e-4, 1e-6, 1e-8, 1e-10}) {
            DormandPrince.Solution s = DormandPrince.solve(LINEAR, 0, Y0, new double[] {span},
                    DormandPrince.Options.tolerances(tol, tol));
            double err = FlowFixtures.distance(s.last(), want);
            System.out.printf(Locale.ROOT, "DP5 tol=%.0e err=%.3e accepted=%d rejected=%d evals=%d%n", tol, err,
                    s.accepted(), s.rejected(), s.evaluations());
            assertTrue(s.completed());
            // the global error of a stable problem stays within a small multiple of the tolerance
            assertTrue(err < 10 * tol, "tol " + tol + ": error " + err);
            assertTrue(err < previous, "tighter tolerance should give a smaller error");
            assertTrue(s.accepted() > previousSteps, "tighter tolerance should need more steps");
            assertEquals(s.evaluations(), 2 + 6L * (s.accepted() + s.rejected()));
            previous = err;
            previousSteps = s.accepted();
        }
    }

    @Test
    void denseOutputMatchesTheExactSolutionBetweenSteps() {
        double[] times = DormandPrince.grid(0, 0.025, 400);
        DormandPrince.Options o = DormandPrince.Options.tolerances(1e-8, 1e-11);
        DormandPrince.Solution dense = DormandPrince.solve(LINEAR, 0, Y0, times, o);
        DormandPrince.Solution landed = DormandPrince.solve(LINEAR, 0, Y0, times, o.withDenseOutput(false));
        double worst = 0;
        double worstLanded = 0;
        for (int k = 0; k < times.length; k++) {
            double[] want = Rk4Test.exact(Y0, times[k]);
            worst = Math.max(worst, FlowFixtures.distance(dense.states()[k], want));
            worstLanded = Math.max(worstLanded, FlowFixtures.distance(landed.states()[k], want));
        }
        System.out.printf(Locale.ROOT, "DP5 dense output: max err %.3e over %d times with %d steps; landing: %.3e with %d steps%n",
                worst, times.length, dense.accepted(), worstLanded, landed.accepted());
        assertTrue(worst < 1e-7, "dense output error " + worst);
        assertTrue(worstLanded < 1e-7);
        assertTrue(dense.accepted() < times.length, "dense output should take fewer steps than output times");
        assertTrue(landed.accepted() >= times.length - 1);
    }

    @Test
    void denseOutputIsFourthOrderInsideAStep() {
        // interpolate at the middle of one fixed step: interpolant error O(dt⁵) locally
        double[] dt = {0.4, 0.2, 0.1, 0.05};
        double[] err = new double[dt.length];
        for (int i = 0; i < dt.length; i++) {
            DormandPrince.Solution s = DormandPrince.solve(LINEAR, 0, Y0, new double[] {dt[i] / 2, dt[i]},
                    new DormandPrince.Options(1, 1, dt[i], dt[i], 10, true));
            assertEquals(1, s.accepted());
            err[i] = FlowFixtures.distance(s.states()[0], Rk4Test.exact(Y0, dt[i] / 2));
        }
        System.out.println(FlowFixtures.row("DP5 dense output at mid-step", dt, err));
        assertEquals(5, FlowFixtures.slope(dt, err), 0.4);
    }

    @Test
    void integratesBackwardAndCountsRejections() {
        DormandPrince.Options o = DormandPrince.Options.tolerances(1e-10, 1e-12);
        double[] y = DormandPrince.integrate(LINEAR, 0, Y0, 3, o);
        double[] back = DormandPrince.integrate(LINEAR, 3, y, 0, o);
        assertArrayEquals(Y0, back, 1e-8);
        // a too-large first step is rejected and the controller recovers
        DormandPrince.Solution s = DormandPrince.solve(LINEAR, 0, Y0, new double[] {3}, o.withInitialStep(2));
        assertTrue(s.rejected() > 0);
        assertArrayEquals(Rk4Test.exact(Y0, 3), s.last(), 1e-8);
    }

    @Test
    void stopsWhenTheSolutionBlowsUp() {
        // y' = y², y(0) = 1: y = 1/(1 − t) explodes at t = 1
        DormandPrince.Solution s = DormandPrince.solve((t, y) -> new double[] {y[0] * y[0]}, 0, new double[] {1},
                new double[] {0.5, 0.9, 2}, DormandPrince.Options.defaults());
        assertFalse(s.completed());
        assertNotNull(s.stopReason());
        assertEquals(2, s.states()[0][0], 1e-7);
        assertEquals(10, s.states()[1][0], 1e-5);
        assertTrue(Double.isNaN(s.states()[2][0]));
        assertThrows(IllegalStateException.class, () -> DormandPrince.integrate((t, y) -> new double[] {y[0] * y[0]}, 0,
                new double[] {1}, 2, DormandPrince.Options.defaults()));
    }

    @Test
    void parameterTreesAndBadArguments() {
        Params p0 = Params.of("a", Tensor.of(new double[] {1}, 1), "b", Tensor.of(new double[] {-0.5}, 1));
        Params p = DormandPrince.integrate(q -> q.unflatten(Tensor.of(Rk4Test.field(q.flatten().toDoubleArray()), 2)), p0, 2,
                DormandPrince.Options.tolerances(1e-10, 1e-12));
        assertArrayEquals(Rk4Test.exact(Y0, 2), p.flatten().toDoubleArray(), 1e-8);
        assertEquals(p0.names(), p.names());
        assertThrows(IllegalArgumentException.class, () -> DormandPrince.Options.tolerances(0, 0));
        assertThrows(IllegalArgumentException.class, () -> DormandPrince.solve(LINEAR, 0, Y0, new double[] {1, 0.5},
                DormandPrince.Options.defaults()));
        assertThrows(IllegalArgumentException.class, () -> DormandPrince.solve((t, y) -> new double[3], 0, Y0,
                new double[] {1}, DormandPrince.Options.defaults()));
    }
}
