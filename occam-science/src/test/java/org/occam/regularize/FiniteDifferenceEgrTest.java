package org.occam.regularize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.train.Objective;

/** The finite-difference EGR gradient against double backprop: O(r²) agreement. */
class FiniteDifferenceEgrTest {
    static final Objective CE = Objective.crossEntropy(Fixtures.MLP);
    static final Batch BATCH = Fixtures.batch();
    static final Params P = Fixtures.params();
    static final double MU = 0.5;

    static double[] exactGradient() {
        Objective exact = ExplicitGradientRegularization.exact(CE, MU);
        return Autodiff.grad((Params q) -> exact.loss(q, BATCH)).apply(P).flatten().toDoubleArray();
    }

    @Test
    void agreesWithDoubleBackpropAtSecondOrder() {
        double[] exact = exactGradient();
        double[] steps = {4e-2, 2e-2, 1e-2, 5e-3};
        double[] err = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            Objective fd = ExplicitGradientRegularization.finiteDifference(CE, MU, steps[i]);
            double[] g = fd.valueAndGrad(P, BATCH).grad().flatten().toDoubleArray();
            err[i] = Fixtures.relativeError(g, exact);
        }
        System.out.println(Orders.row("EGR finite difference vs exact (h = step r)", steps, err));
        assertEquals(2, Orders.slope(steps, err), 0.3);
        assertTrue(err[0] > 1e-8, "the truncation error should be visible at r = 0.04: " + err[0]);
    }

    @Test
    void defaultStepIsAccurateInFloat64() {
        double[] g = ExplicitGradientRegularization.finiteDifference(CE, MU).valueAndGrad(P, BATCH).grad().flatten()
                .toDoubleArray();
        assertTrue(Fixtures.relativeError(g, exactGradient()) < 1e-8);
    }

    @Test
    void surrogateLossAndOwnGradientAgree() {
        Objective fd = ExplicitGradientRegularization.finiteDifference(CE, MU, 1e-2);
        Autodiff.ValueAndGrad own = fd.valueAndGrad(P, BATCH);
        Autodiff.ValueAndGrad viaLoss = Autodiff.valueAndGrad((Params q) -> fd.loss(q, BATCH)).apply(P);
        Autodiff.ValueAndGrad dispatched = fd.valueAndGrad(P, BATCH);
        assertEquals(own.value().item(), viaLoss.value().item(), 1e-13);
        assertTrue(Fixtures.relativeError(own.grad().flatten().toDoubleArray(),
                viaLoss.grad().flatten().toDoubleArray()) < 1e-12);
        assertEquals(own.value().item(), dispatched.value().item(), 0);
        // the step 1e-2 is coarse enough that the finite difference differs from the exact gradient
        assertTrue(Fixtures.relativeError(own.grad().flatten().toDoubleArray(), exactGradient()) > 1e-9);
        // a plain objective goes through autodiff
        Autodiff.ValueAndGrad plain = CE.valueAndGrad(P, BATCH);
        assertEquals(CE.loss(P, BATCH).item(), plain.value().item(), 1e-15);
    }

    @Test
    void zeroGradientGivesZeroCorrection() {
        // at a point where the batch loss has zero gradient the correction must vanish, not divide by zero
        Objective flat = (p, b) -> p.normSquared().mul(0);
        Autodiff.ValueAndGrad vg = ExplicitGradientRegularization.finiteDifference(flat, 1).valueAndGrad(P, BATCH);
        assertEquals(0, vg.grad().normSquared().item(), 0);
    }
}
