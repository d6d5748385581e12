package org.occam.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.regularize.ImplicitGradientRegularization;
import org.occam.tensor.Tensor;

/** The side-by-side machinery: records, heavy ball, the catalogue of flows and the unsupported holomorphic path. */
class SideBySideTest {
    static final Expression E = Expression.parse("0.5*(1 - a*b)^2");
    static final Function<Params, Tensor> LOSS = E.loss();
    static final Params START = E.point(2.8, 0.4);

    @Test
    void recordsEveryStepOfEveryFlow() {
        double h = 0.02;
        SideBySide s = SideBySide.compare(LOSS, START, h, 20, List.of(Flows.gradient(LOSS, START), Flows.igr(LOSS, START, h)),
                DormandPrince.Options.defaults());
        assertEquals(20, s.steps());
        assertEquals(21, s.reference().size());
        assertEquals("gd", s.reference().name());
        assertEquals(0, s.reference().maxDistance());
        assertEquals(0.4, s.flow("igr").times()[20], 1e-15);
        double[] gd1 = ImplicitGradientRegularization.gdStep(LOSS, START, h).flatten().toDoubleArray();
        assertArrayEquals(gd1, s.reference().theta()[1], 0);
        assertEquals(LOSS.apply(START).item(), s.flow("gf").loss()[0], 0);
        // IGR-1: the IGR flow stays much closer to GD than gradient flow (about 10× at hλ_max ≈ 0.16)
        System.out.println("IGR-1 h=0.02, 20 steps: max distance to GD: igr " + s.flow("igr").maxDistance() + ", gf "
                + s.flow("gf").maxDistance());
        assertTrue(5 * s.flow("igr").maxDistance() < s.flow("gf").maxDistance(),
                s.flow("igr").maxDistance() + " vs " + s.flow("gf").maxDistance());
        assertThrows(IllegalArgumentException.class, () -> s.flow("pf"));
    }

    @Test
    void heavyBallWithoutMomentumIsGdAndFollowsItsUpdate() {
        assertArrayEquals(Descent.gd(LOSS, START, 0.1, 5)[5], Descent.heavyBall(LOSS, START, 0.1, 0, 5)[5], 0);
        double[][] hb = Descent.heavyBall(LOSS, START, 0.1, 0.5, 2);
        double[] th0 = hb[0];
        double[] g0 = org.occam.autodiff.Autodiff.grad(LOSS).apply(START).flatten().toDoubleArray();
        double[] th1 = {th0[0] - 0.1 * g0[0], th0[1] - 0.1 * g0[1]};
        assertArrayEquals(th1, hb[1], 1e-15);
        double[] g1 = org.occam.autodiff.Autodiff.grad(LOSS).apply(E.point(th1)).flatten().toDoubleArray();
        assertArrayEquals(new double[] {th1[0] - 0.1 * g1[0] + 0.5 * (th1[0] - th0[0]), th1[1] - 0.1 * g1[1]
            + 0.5 * (th1[1] - th0[1])}, hb[2], 1e-15);
        SideBySide s = SideBySide.compare(LOSS, START, "hb", Descent.heavyBall(LOSS, START, 0.02, 0.5, 30), 0.02,
                List.of(Flows.momentum(LOSS, START, 0.02, 0.5)), DormandPrince.Options.defaults());
        assertEquals("mom", s.flows().get(0).name());
        assertTrue(s.flow("mom").maxDistance() < 0.1);
    }

    @Test
    void sgdFlowWithOneBatchIsTheIgrFlow() {
        double eps = 0.1;
        Flow sgd = Flows.sgd(LOSS, List.of(LOSS), START, eps);
        Flow igr = Flows.igr(LOSS, START, eps);
        double[] y = START.flatten().toDoubleArray();
        assertArrayEquals(igr.at(0, y), sgd.at(0, y), 1e-13);
    }

    @Test
    void divergingFlowsStopWithAReason() {
        // E = −x²: GD and every flow run away; the exponential blow-up of x(t) = e^{2t} overflows eventually
        Expression up = Expression.parse("-x^2");
        Params p = up.point(1);
        SideBySide s = SideBySide.compare(up.loss(), p, 10, 40, List.of(Flows.gradient(up.loss(), p)),
                DormandPrince.Options.defaults());
        Trajectory gf = s.flow("gf");
        assertNotNull(gf.stopReason());
        assertTrue(Double.isNaN(gf.last()[0]));
        assertTrue(Double.isNaN(gf.maxDistance()));
    }

    @Test
    void holomorphicPrincipalFlowIsUnsupported() {
        UnsupportedOperationException ex = assertThrows(UnsupportedOperationException.class,
                () -> ComplexPrincipalFlow.of(LOSS, START, 0.5, ComplexPrincipalFlow.Continuation.HOLOMORPHIC));
        assertTrue(ex.getMessage().contains("real-valued"));
    }

    @Test
    void strictRealPrincipalFlowRefusesComplexCoefficients() {
        Function<Params, Params> f = PrincipalFlow.field(LOSS, 1.0); // hλ_max ≈ 8 at the start
        assertThrows(IllegalStateException.class, () -> f.apply(START));
        Params small = PrincipalFlow.field(LOSS, 0.01).apply(START);
        assertArrayEquals(PrincipalFlow.realPart(LOSS, 0.01).apply(START).flatten().toDoubleArray(),
                small.flatten().toDoubleArray(), 0);
    }
}
