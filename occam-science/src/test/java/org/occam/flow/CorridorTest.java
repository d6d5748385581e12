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
 * COR-1 (METHODS §5, §11): E(x, y) = x + ½y². On the corridor y = 0 the gradient is constant and
 * Hg = 0, so GD coincides with gradient flow (and the IGR and principal flows) at t = nh for any
 * h, and the loss falls linearly, E(θ_n) = E(θ_0) − nh‖g‖². Off the corridor GD contracts y by
 * (1 − h)^n, which the principal flow reproduces and gradient flow (e^{−nh}) does not.
 */
class CorridorTest {
    static final Expression E = Expression.parse("x + 0.5*y^2");
    static final Function<Params, Tensor> LOSS = E.loss();
    static final DormandPrince.Options OPTIONS = DormandPrince.Options.tolerances(1e-11, 1e-13);

    @Test
    void gdIsGradientFlowAlongTheCorridor() {
        Params start = E.point(2, 0);
        for (double h : new double[] {0.1, 0.7, 1.0, 1.5, 3}) {
            int n = 12;
            SideBySide s = SideBySide.compare(LOSS, start, h, n,
                    List.of(Flows.gradient(LOSS, start), Flows.igr(LOSS, start, h), Flows.principal(LOSS, start, h)), OPTIONS);
            for (Trajectory t : s.flows()) {
                assertTrue(t.maxDistance() < 1e-12 * (1 + n * h), "h " + h + " " + t.name() + ": " + t.maxDistance());
            }
            double[] loss = s.reference().loss();
            for (int k = 0; k <= n; k++) {
                assertEquals(2 - k * h, loss[k], 1e-12, "linear loss decrease");
                assertEquals(0, s.reference().theta()[k][1]);
            }
            System.out.printf(Locale.ROOT, "COR-1 corridor h=%.1f: max |GD − GF| = %.2e, loss %s → %.2f after %d steps%n", h,
                    s.flow("gf").maxDistance(), loss[0], loss[n], n);
        }
    }

    @Test
    void offTheCorridorYContractsByOneMinusHToTheN() {
        Params start = E.point(2, 0.5);
        for (double h : new double[] {0.3, 0.7, 1.5}) {
            int n = 10;
            SideBySide s = SideBySide.compare(LOSS, start, h, n,
                    List.of(Flows.principal(LOSS, start, h), Flows.gradient(LOSS, start)), OPTIONS);
            for (int k = 0; k <= n; k++) {
                double want = 0.5 * Math.pow(1 - h, k);
                assertEquals(want, s.reference().theta()[k][1], 1e-15);
                assertEquals(want, s.flow("pf").theta()[k][1], 1e-9);
                assertEquals(2 - k * h, s.flow("pf").theta()[k][0], 1e-9);
            }
            // gradient flow gives e^{−nh}: it misses the discrete contraction (and the sign flips at h > 1)
            assertEquals(0.5 * Math.exp(-n * h), s.flow("gf").last()[1], 1e-8);
            assertTrue(s.flow("gf").maxDistance() > 1e-2, "h " + h);
            System.out.printf(Locale.ROOT, "COR-1 off corridor h=%.1f: PF max error %.2e, GF max error %.2e%n", h,
                    s.flow("pf").maxDistance(), s.flow("gf").maxDistance());
        }
    }
}
