package org.occam.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/**
 * The top-k principal flow: with every eigenpair it is the dense real-part PF; with k &lt; m its
 * error against the dense PF is the dropped IGR-series remainder, O(h²) (it falls four-fold when h
 * halves), and it costs lanczosSteps + 1 HVPs per evaluation.
 */
class TopKPrincipalFlowTest {
    // eigenvalues 2·a: 20, 12 on top, small ones below
    static final Function<Params, Tensor> LOSS = FlowFixtures.diagonalQuadratic(10, 6, 0.4, 0.3, 0.2, 0.1);
    static final Params AT = FlowFixtures.theta(0.3, -0.2, 0.5, -0.4, 0.7, 0.6);

    static double[] v(Params p) {
        return p.flatten().toDoubleArray();
    }

    @Test
    void allPairsGiveTheDensePrincipalFlow() {
        for (double h : new double[] {0.02, 0.09}) { // hλ_max = 0.4 and 1.8 (real part beyond 1)
            TopKPrincipalFlow top = new TopKPrincipalFlow(LOSS, h, 6, 6, 1);
            double[] want = v(PrincipalFlow.realPart(LOSS, h).apply(AT));
            assertTrue(FlowFixtures.distance(v(top.apply(AT)), want) < 1e-10 * Math.sqrt(LocalSpectrum.dot(want, want)));
            assertEquals(7, top.hvpCount());
        }
    }

    @Test
    void truncationErrorIsSecondOrderInH() {
        double[] hs = {0.04, 0.02, 0.01};
        double[] err = new double[hs.length];
        for (int i = 0; i < hs.length; i++) {
            TopKPrincipalFlow top = new TopKPrincipalFlow(LOSS, hs[i], 2, 6, 7);
            err[i] = FlowFixtures.distance(v(top.apply(AT)), v(PrincipalFlow.realPart(LOSS, hs[i]).apply(AT)));
            // the remainder on the four small eigenvalues λ_j = 2a_j: −Σ (φ(hλ) + 1 + hλ/2)(gᵀu_j)... estimated
            double bound = 0;
            double[] a = {0.4, 0.3, 0.2, 0.1};
            double[] th = {0.5, -0.4, 0.7, 0.6};
            for (int j = 0; j < 4; j++) {
                double lam = 2 * a[j];
                double x = hs[i] * lam;
                bound += Math.pow((PrincipalCoefficient.real(x) + 1 + x / 2) * lam * th[j], 2);
            }
            assertEquals(Math.sqrt(bound), err[i], 1e-9 * Math.sqrt(bound) + 1e-13);
        }
        System.out.printf(Locale.ROOT, "top-2 PF vs dense PF: %s slope %.3f%n", java.util.Arrays.toString(err),
                FlowFixtures.slope(hs, err));
        assertEquals(2, FlowFixtures.slope(hs, err), 0.1);
    }

    @Test
    void rejectsBadSizes() {
        assertThrows(IllegalArgumentException.class, () -> new TopKPrincipalFlow(LOSS, 0.1, 0, 5, 0));
        assertThrows(IllegalArgumentException.class, () -> new TopKPrincipalFlow(LOSS, 0.1, 4, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> new TopKPrincipalFlow(LOSS, -0.1, 1, 3, 0));
    }
}
