package org.occam.flow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.measure.Hessians;
import org.occam.tensor.Tensor;

/**
 * PF-2 (METHODS §11): a non-quadratic 2-D loss, E(a, b) = ½(ab − 1)², started where
 * 1 &lt; hλ_max &lt; 2 (GD converges while oscillating across the valley of minima). Over the first
 * 10 GD steps the complex principal flow stays closest to GD; the IGR flows, built for hλ ≪ 1,
 * miss the oscillation.
 */
class PrincipalFlowPf2Test {
    static final Expression E = Expression.parse("0.5*(a*b - 1)^2");
    static final Function<Params, Tensor> LOSS = E.loss();

    @Test
    void principalFlowTracksGdBestWhenHLambdaExceedsOne() {
        for (double x : new double[] {1.2, 1.5, 1.8}) {
            compare(x);
        }
    }

    static void compare(double hLambda) {
        Params start = E.point(1.3, 0.95);
        double lambda = Hessians.dense(LOSS, start).eigenvalue(0);
        double h = hLambda / lambda;
        int steps = 10;
        List<Flow> flows = List.of(Flows.principal(LOSS, start, h),
                ComplexPrincipalFlow.of(LOSS, start, h, ComplexPrincipalFlow.Continuation.FROZEN_HESSIAN),
                Flows.principalRealPart(LOSS, start, h), Flows.igr(LOSS, start, h), Flows.igr3(LOSS, start, h),
                Flows.gradient(LOSS, start));
        SideBySide s = SideBySide.compare(LOSS, start, h, steps, flows, DormandPrince.Options.tolerances(1e-9, 1e-12));
        System.out.printf(Locale.ROOT, "PF-2 h=%.4f hλ_max(θ₀)=%.3f%n", h, h * lambda);
        String[] labels = {"pf (first order)", "pf (frozen H)", "pf-re", "igr", "igr3", "gf"};
        double[] err = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            err[i] = s.flows().get(i).maxDistance();
            System.out.printf(Locale.ROOT, "PF-2 %-17s max‖θ(nh) − θ_n‖ over %d steps = %.3e%n", labels[i], steps, err[i]);
        }
        for (int i = 2; i < labels.length; i++) {
            assertTrue(err[0] < err[i], "PF should beat " + labels[i]);
        }
    }
}
