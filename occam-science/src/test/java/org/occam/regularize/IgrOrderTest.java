package org.occam.regularize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.flow.Rk4;
import org.occam.tensor.Tensor;

/**
 * IGR-0 (METHODS §11): one GD step against gradient flow (order 2), the IGR flow
 * θ̇ = −g − (h/2)Hg (order 3) and the third-order flow (order 4), in float64.
 */
class IgrOrderTest {
    static final Function<Params, Tensor> LOSS = Orders.tanhLeastSquares(
            new double[] {-1.2, -0.4, 0.3, 0.9, 1.5}, new double[] {-0.7, 0.1, 0.4, 0.2, 0.9});
    static final Params START = Orders.theta(0.9, 1.3, -0.4);
    static final int SUBSTEPS = 40;

    static double[] localErrors(java.util.function.DoubleFunction<Function<Params, Params>> flow) {
        double[] err = new double[Orders.LADDER.length];
        for (int i = 0; i < err.length; i++) {
            double h = Orders.LADDER[i];
            Params gd = ImplicitGradientRegularization.gdStep(LOSS, START, h);
            Params f = Rk4.integrate(flow.apply(h), START, h, SUBSTEPS);
            err[i] = Orders.distance(gd, f);
        }
        return err;
    }

    @Test
    void gradientFlowIsSecondOrder() {
        double[] err = localErrors(h -> ImplicitGradientRegularization.gradientFlow(LOSS));
        System.out.println(Orders.row("IGR-0 gradient flow", Orders.LADDER, err));
        assertEquals(2, Orders.slope(Orders.LADDER, err), 0.3);
    }

    @Test
    void igrFlowIsThirdOrder() {
        double[] err = localErrors(h -> ImplicitGradientRegularization.firstOrderFlow(LOSS, h));
        System.out.println(Orders.row("IGR-0 IGR flow", Orders.LADDER, err));
        assertEquals(3, Orders.slope(Orders.LADDER, err), 0.3);
    }

    @Test
    void modifiedLossGradientIsTheIgrFlow() {
        double[] err = localErrors(h -> ImplicitGradientRegularization.firstOrderFlow(LOSS, h));
        double[] err2 = localErrors(h -> SgdModifiedLoss.flow(ImplicitGradientRegularization.modifiedLoss(LOSS, h)));
        for (int i = 0; i < err.length; i++) {
            assertEquals(err[i], err2[i], 1e-12 + 1e-9 * err[i]);
        }
    }

    @Test
    void thirdOrderFlowIsFourthOrder() {
        double[] err = localErrors(h -> ImplicitGradientRegularization.thirdOrderFlow(LOSS, h));
        System.out.println(Orders.row("IGR-0 third-order flow", Orders.LADDER, err));
        assertEquals(4, Orders.slope(Orders.LADDER, err), 0.3);
    }
}
