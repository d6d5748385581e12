package org.occam.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.regularize.ExplicitGradientRegularization;
import org.occam.train.Objective;

/** The ρ‖∇E‖ penalty and the forward-difference gradient penalties against finite differences and each other. */
class GradientNormPenaltyTest {
    static final Objective CE = SamFixture.CE;
    static final Batch B = SamFixture.batch();
    static final Params P = SamFixture.params();

    @Test
    void normPenaltyGradientMatchesFiniteDifferences() {
        Objective pen = GradientNormPenalty.exact(CE, 0.3);
        Params g = SamFixture.autodiffGradient(CE, P, B);
        assertEquals(CE.loss(P, B).item() + 0.3 * Math.sqrt(g.normSquared().item()), pen.loss(P, B).item(), 1e-14);
        assertTrue(SamFixture.relativeError(SamFixture.autodiffGradient(pen, P, B), SamFixture.fdGradient(pen, P, B)) < 1e-7);
    }

    @Test
    void forwardDifferenceWithStepRhoIsSamsGradient() {
        double rho = 0.05;
        Autodiff.ValueAndGrad fd = GradientNormPenalty.forwardDifference(CE, rho, rho).valueAndGrad(P, B);
        Autodiff.ValueAndGrad sam = Sam.of(CE, rho).valueAndGrad(P, B);
        assertTrue(SamFixture.relativeError(fd.grad(), sam.grad()) < 1e-12);
    }

    @Test
    void forwardDifferencesConvergeAtFirstOrder() {
        double rho = 0.3;
        double mu = 0.3;
        Params normExact = SamFixture.autodiffGradient(GradientNormPenalty.exact(CE, rho), P, B);
        Params sqExact = SamFixture.autodiffGradient(ExplicitGradientRegularization.exact(CE, mu), P, B);
        double[] r = {0.04, 0.02, 0.01, 0.005};
        double[] errNorm = new double[r.length];
        double[] errSq = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            errNorm[i] = SamFixture.relativeError(GradientNormPenalty.forwardDifference(CE, rho, r[i]).valueAndGrad(P, B)
                    .grad(), normExact);
            errSq[i] = SamFixture.relativeError(GradientNormPenalty.squaredForwardDifference(CE, mu, r[i])
                    .valueAndGrad(P, B).grad(), sqExact);
        }
        assertEquals(1, SamFixture.slope(r, errNorm), 0.15);
        assertEquals(1, SamFixture.slope(r, errSq), 0.15);
        // EGR's central difference is second order on the same penalty: far closer at the same step
        Params central = ExplicitGradientRegularization.finiteDifference(CE, mu, 0.005).valueAndGrad(P, B).grad();
        assertTrue(SamFixture.relativeError(central, sqExact) < errSq[3] / 10);
    }

    @Test
    void surrogateLossHasTheSameValueAndGradient() {
        Objective fd = GradientNormPenalty.squaredForwardDifference(CE, 0.2, 0.01);
        Autodiff.ValueAndGrad own = fd.valueAndGrad(P, B);
        Autodiff.ValueAndGrad viaLoss = Autodiff.valueAndGrad((Params q) -> fd.loss(q, B)).apply(P);
        assertEquals(own.value().item(), viaLoss.value().item(), 1e-13);
        assertTrue(SamFixture.relativeError(own.grad(), viaLoss.grad()) < 1e-12);
        assertEquals(CE.loss(P, B).item() + 0.2 * SamFixture.autodiffGradient(CE, P, B).normSquared().item(),
                own.value().item(), 1e-13);
    }
}
