package org.occam.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.DoubleFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.regularize.ImplicitGradientRegularization;
import org.occam.tensor.Tensor;

/**
 * IGR-0 (METHODS §11) through this package: the local error of each named flow, integrated with
 * Dormand–Prince at tight tolerance over one step's time h, against one GD step, on the halving
 * ladder h ∈ {0.16, 0.08, 0.04, 0.02}. Gradient flow is order 2, the IGR flow order 3, the
 * third-order flow order 4; the real principal flow (all hλ &lt; 1 here) sums the H^k g terms but
 * drops (h²/12)D³E[g, g], so it is order 3 as well.
 */
class FlowOrderTest {
    static final Function<Params, Tensor> LOSS = FlowFixtures.tanhLeastSquares(
            new double[] {-1.2, -0.4, 0.3, 0.9, 1.5}, new double[] {-0.7, 0.1, 0.4, 0.2, 0.9});
    static final Params START = FlowFixtures.theta(0.9, 1.3, -0.4);
    static final double[] LADDER = {0.16, 0.08, 0.04, 0.02};
    static final DormandPrince.Options OPTIONS = DormandPrince.Options.tolerances(1e-13, 1e-15);

    static double[] localErrors(DoubleFunction<Flow> flow) {
        double[] err = new double[LADDER.length];
        double[] y0 = START.flatten().toDoubleArray();
        for (int i = 0; i < err.length; i++) {
            double h = LADDER[i];
            double[] gd = ImplicitGradientRegularization.gdStep(LOSS, START, h).flatten().toDoubleArray();
            Flow f = flow.apply(h);
            double[] end = f.theta(DormandPrince.integrate(f, 0, f.lift(y0), h, OPTIONS));
            err[i] = FlowFixtures.distance(gd, end);
        }
        return err;
    }

    static double order(String name, DoubleFunction<Flow> flow) {
        double[] err = localErrors(flow);
        System.out.println(FlowFixtures.row("IGR-0 " + name, LADDER, err));
        return FlowFixtures.slope(LADDER, err);
    }

    @Test
    void gradientFlowIsSecondOrder() {
        assertEquals(2, order("gf", h -> Flows.gradient(LOSS, START)), 0.3);
    }

    @Test
    void igrFlowIsThirdOrder() {
        assertEquals(3, order("igr", h -> Flows.igr(LOSS, START, h)), 0.3);
    }

    @Test
    void thirdOrderFlowIsFourthOrder() {
        assertEquals(4, order("igr3", h -> Flows.igr3(LOSS, START, h)), 0.3);
    }

    @Test
    void realPrincipalFlowIsThirdOrder() {
        assertEquals(3, order("pf-re", h -> Flows.principalRealPart(LOSS, START, h)), 0.3);
    }
}
