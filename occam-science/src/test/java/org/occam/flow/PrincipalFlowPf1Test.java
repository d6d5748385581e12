package org.occam.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/**
 * PF-1 (METHODS §11): E = θᵀdiag(1, 0.01)θ, θ₀ = (−0.35, −0.2), h ∈ {0.5, 0.9, 1.0, 1.05}. The
 * principal flow, integrated numerically from the loss (dense autodiff Hessians), matches GD at
 * every t = nh to integration tolerance: through the singular point (h = 0.5, hλ_max = 1), the sign
 * alternation (0.9), the neutral orbit (1.0) and the divergence (1.05). Gradient flow and the IGR
 * flow decay monotonically instead.
 */
class PrincipalFlowPf1Test {
    static final Function<Params, Tensor> LOSS = FlowFixtures.diagonalQuadratic(1, 0.01);
    static final Params START = FlowFixtures.theta(-0.35, -0.2);
    static final DormandPrince.Options TIGHT = DormandPrince.Options.tolerances(1e-10, 1e-13);
    /** PF error allowed at t = nh: a few hundred times the tolerances (global error over up to 300 steps). */
    static final double PF_TOLERANCE = 1e-7;

    /**
     * PF (frozen-Hessian continuation: one dense Hessian per evaluation, exact on a quadratic),
     * gradient flow and IGR flow against n GD steps.
     */
    static SideBySide run(double h, int steps) {
        List<Flow> flows = List.of(ComplexPrincipalFlow.of(LOSS, START, h, ComplexPrincipalFlow.Continuation.FROZEN_HESSIAN),
                Flows.gradient(LOSS, START), Flows.igr(LOSS, START, h));
        SideBySide s = SideBySide.compare(LOSS, START, h, steps, flows, TIGHT);
        for (Trajectory t : s.flows()) {
            System.out.printf(Locale.ROOT, "PF-1 h=%.2f %-4s max‖θ(nh) − θ_n‖ = %.3e (at n = %d)  steps %d rejected %d%n", h,
                    t.name(), t.maxDistance(), t.argMaxDistance(), t.accepted(), t.rejected());
        }
        return s;
    }

    static void assertMonotoneDecay(Trajectory t) {
        double[][] th = t.theta();
        for (int k = 1; k < th.length; k++) {
            for (int i = 0; i < 2; i++) {
                // below 1e-9 the component is zero to the integration tolerance
                assertTrue(Math.signum(th[k][i]) == Math.signum(th[0][i]) || Math.abs(th[k][i]) < 1e-9,
                        t.name() + " changed sign at step " + k);
                assertTrue(Math.abs(th[k][i]) <= Math.abs(th[k - 1][i]) + 1e-12, t.name() + " grew at step " + k);
            }
        }
    }

    @Test
    void singularRateOneHalf() {
        SideBySide s = run(0.5, 300);
        assertTrue(s.flow("pf").maxDistance() < PF_TOLERANCE);
        // GD zeroes the first coordinate in one step; the PF (coefficient −100) within the first step
        assertEquals(0, s.reference().theta()[1][0]);
        assertTrue(Math.abs(s.flow("pf").theta()[1][0]) < 1e-12);
        // the dense real PF is the same flow here (no complex coefficient)
        double[] real = DormandPrince.integrate(Flow.of("pf", PrincipalFlow.field(LOSS, 0.5), START), 0,
                START.flatten().toDoubleArray(), 5, TIGHT);
        assertTrue(FlowFixtures.distance(real, s.reference().theta()[10]) < 1e-9);
        assertMonotoneDecay(s.flow("gf"));
        assertMonotoneDecay(s.flow("igr"));
        assertTrue(s.flow("gf").maxDistance() > 0.1);
    }

    @Test
    void oscillatingConvergenceAtRate09() {
        SideBySide s = run(0.9, 200);
        Trajectory pf = s.flow("pf");
        assertTrue(pf.maxDistance() < PF_TOLERANCE, "PF error " + pf.maxDistance());
        double[][] gd = s.reference().theta();
        int alternations = 0;
        for (int k = 0; k < gd.length; k++) {
            assertEquals(Math.pow(-0.8, k) * -0.35, gd[k][0], 1e-14);
            if (Math.abs(gd[k][0]) > 1e3 * PF_TOLERANCE) {
                assertEquals(Math.signum(gd[k][0]), Math.signum(pf.theta()[k][0]), "sign at step " + k);
                if (k > 0 && Math.signum(gd[k][0]) != Math.signum(gd[k - 1][0])) {
                    alternations++;
                }
            }
        }
        assertTrue(alternations >= 30, "alternations " + alternations);
        assertMonotoneDecay(s.flow("gf"));
        assertMonotoneDecay(s.flow("igr"));
        assertTrue(s.flow("igr").maxDistance() > 0.1);
    }

    @Test
    void neutralOrbitAtRateOne() {
        SideBySide s = run(1.0, 100);
        assertTrue(s.flow("pf").maxDistance() < PF_TOLERANCE);
        assertEquals(0.35, Math.abs(s.flow("pf").last()[0]), 1e-7);
        assertMonotoneDecay(s.flow("gf"));
        assertMonotoneDecay(s.flow("igr"));
    }

    @Test
    void divergenceAtRate105() {
        SideBySide s = run(1.05, 5);
        Trajectory pf = s.flow("pf");
        assertTrue(pf.maxDistance() < PF_TOLERANCE);
        double[][] gd = s.reference().theta();
        assertEquals(0.35 * Math.pow(1.1, 5), Math.abs(gd[5][0]), 1e-14);
        for (int k = 1; k <= 5; k++) {
            assertTrue(Math.abs(pf.theta()[k][0]) > Math.abs(pf.theta()[k - 1][0]), "PF should grow");
            assertEquals(Math.signum(gd[k][0]), Math.signum(pf.theta()[k][0]));
        }
        assertMonotoneDecay(s.flow("gf"));
        assertMonotoneDecay(s.flow("igr"));
    }

    @Test
    void closedFormMatchesGdAndTheIntegratedFlow() {
        double[][] a = {{2, 0}, {0, 0.02}};
        double[] th0 = {-0.35, -0.2};
        for (double h : new double[] {0.5, 0.9, 1.0, 1.05}) {
            QuadraticPrincipalFlow q = new QuadraticPrincipalFlow(a, null, h);
            for (int n = 0; n <= 20; n++) {
                double[][] z = q.at(th0, n * h);
                assertTrue(FlowFixtures.distance(z[0], q.gd(th0, n)) < 1e-14, "h " + h + " n " + n);
                assertTrue(Math.abs(z[1][0]) + Math.abs(z[1][1]) < 1e-13, "imaginary part at t = nh: h " + h + " n " + n
                        + " " + java.util.Arrays.toString(z[1]));
            }
            if (h > 0.5) {
                // between steps: Re = c(0)|1 − hλ|^{t/h}cos(πt/h), Im ≠ 0
                double t = 2.5 * h;
                double[][] z = q.at(th0, t);
                double x = 2 * h;
                assertEquals(-0.35 * Math.pow(Math.abs(1 - x), 2.5) * Math.cos(Math.PI * 2.5), z[0][0], 1e-14);
                assertTrue(Math.abs(z[1][0]) > 0.01);
            }
        }
        // the integrated complex flow (from the loss) at half steps: real and imaginary parts
        double h = 0.9;
        ComplexPrincipalFlow pf = Flows.principal(LOSS, START, h);
        QuadraticPrincipalFlow q = new QuadraticPrincipalFlow(a, null, h);
        double[] times = {0.45, 0.9, 1.35, 9.45};
        DormandPrince.Solution s = DormandPrince.solve(pf, 0, pf.lift(th0), times, TIGHT);
        for (int k = 0; k < times.length; k++) {
            double[][] want = q.at(th0, times[k]);
            assertTrue(FlowFixtures.distance(pf.theta(s.states()[k]), want[0]) < 1e-9);
            assertTrue(FlowFixtures.distance(pf.imaginary(s.states()[k]), want[1]) < 1e-9);
        }
    }

    @Test
    void firstOrderContinuationIsTheSameOnAQuadratic() {
        // the default continuation (three dense Hessians per evaluation) on shorter spans
        for (double h : new double[] {0.9, 1.05}) {
            ComplexPrincipalFlow pf = Flows.principal(LOSS, START, h);
            assertEquals(ComplexPrincipalFlow.Continuation.FIRST_ORDER, pf.continuation());
            SideBySide s = SideBySide.compare(LOSS, START, h, h < 1 ? 30 : 5, List.of(pf), TIGHT);
            System.out.printf(Locale.ROOT, "PF-1 h=%.2f pf (first-order continuation) max error %.3e, %d steps, %d HVPs%n", h,
                    s.flow("pf").maxDistance(), s.flow("pf").accepted(), pf.hvpCount());
            assertTrue(s.flow("pf").maxDistance() < PF_TOLERANCE);
            assertTrue(pf.hvpCount() > 0);
        }
    }
}
