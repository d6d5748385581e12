package org.occam.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.measure.FiniteDifferences;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/** SAM and ASAM against central finite differences in float64 (docs/sam.md). */
class SamTest {
    static final Objective CE = SamFixture.CE;
    static final Batch B = SamFixture.batch();
    static final Params P = SamFixture.params();
    static final double RHO = 0.1;

    @Test
    void ascentPointIsThetaPlusRhoTimesTheUnitGradient() {
        Params g = SamFixture.fdGradient(CE, P, B);
        Params expected = P.addScaled(g, RHO / Math.sqrt(g.normSquared().item()));
        Params got = Sam.of(CE, RHO).ascentPoint(P, B);
        assertTrue(SamFixture.relativeError(got, expected) < 1e-8, "ascent point vs finite differences");
        assertEquals(RHO, Math.sqrt(got.sub(P).normSquared().item()), 1e-12);
    }

    @Test
    void firstOrderGradientIsTheGradientAtTheAscentPoint() {
        Sam sam = Sam.of(CE, RHO);
        Params g = SamFixture.fdGradient(CE, P, B);
        Params up = P.addScaled(g, RHO / Math.sqrt(g.normSquared().item()));
        Params expected = SamFixture.fdGradient(CE, up, B);
        Autodiff.ValueAndGrad vg = sam.valueAndGrad(P, B);
        assertTrue(SamFixture.relativeError(vg.grad(), expected) < 1e-7, "SAM gradient vs finite differences");
        assertEquals(CE.loss(up, B).item(), vg.value().item(), 1e-9);
        // the loss surrogate E(θ + sg(ε̂)) backpropagates to the same gradient
        Params viaLoss = SamFixture.autodiffGradient(sam, P, B);
        assertTrue(SamFixture.relativeError(viaLoss, vg.grad()) < 1e-12);
        // and it differs from the plain gradient by a resolvable amount
        assertTrue(SamFixture.relativeError(vg.grad(), g) > 1e-3);
    }

    @Test
    void fullGradientDifferentiatesThroughTheAscentStep() {
        Sam full = Sam.of(CE, RHO).with(Sam.Gradient.FULL);
        // the composite θ ↦ E(θ + ρ∇E(θ)/‖∇E(θ)‖), each ∇E by autodiff, differentiated by central differences
        double[] fd = FiniteDifferences.gradient((Params q) -> {
            Params g = SamFixture.autodiffGradient(CE, q, B);
            return CE.loss(q.addScaled(g, RHO / Math.sqrt(g.normSquared().item())), B);
        }, P, 1e-5);
        Params expected = P.unflatten(Tensor.of(fd, P.numel()));
        Autodiff.ValueAndGrad vg = full.valueAndGrad(P, B);
        assertTrue(SamFixture.relativeError(vg.grad(), expected) < 1e-7, "full SAM gradient vs finite differences");
        assertTrue(SamFixture.relativeError(vg.grad(), Sam.of(CE, RHO).valueAndGrad(P, B).grad()) > 1e-4,
                "the Hessian term should be visible");
        assertEquals(Sam.of(CE, RHO).valueAndGrad(P, B).value().item(), vg.value().item(), 1e-12);
    }

    @Test
    void asamWithIdentityScalingIsSam() {
        Sam identity = new Sam(CE, new AscentStep(RHO, q -> q.map(t -> t.mul(0).add(1))), Sam.Gradient.FIRST_ORDER);
        Params a = identity.valueAndGrad(P, B).grad();
        Params b = Sam.of(CE, RHO).valueAndGrad(P, B).grad();
        assertTrue(SamFixture.relativeError(a, b) < 1e-14);
    }

    @Test
    void asamAscentIsRhoTSquaredGOverNormTg() {
        double eta = 0.01;
        Params g = SamFixture.fdGradient(CE, P, B);
        Params t = P.map(x -> x.abs().add(eta));
        Params tg = t.zip(g, Tensor::mul);
        Params expected = P.add(t.zip(tg, Tensor::mul).scale(RHO / Math.sqrt(tg.normSquared().item())));
        Sam asam = Sam.adaptive(CE, RHO, eta);
        assertTrue(SamFixture.relativeError(asam.ascentPoint(P, B), expected) < 1e-8);
        assertTrue(SamFixture.relativeError(asam.ascentPoint(P, B), Sam.of(CE, RHO).ascentPoint(P, B)) > 1e-3,
                "ASAM's step differs from SAM's when |θ| is not constant");
        Params full = asam.with(Sam.Gradient.FULL).valueAndGrad(P, B).grad();
        double[] fd = FiniteDifferences.gradient((Params q) -> {
            Params gq = SamFixture.autodiffGradient(CE, q, B);
            Params tq = q.map(x -> x.abs().add(eta));
            Params tgq = tq.zip(gq, Tensor::mul);
            return CE.loss(q.add(tq.zip(tgq, Tensor::mul).scale(RHO / Math.sqrt(tgq.normSquared().item()))), B);
        }, P, 1e-5);
        assertTrue(SamFixture.relativeError(full, P.unflatten(Tensor.of(fd, P.numel()))) < 1e-7,
                "full ASAM gradient vs finite differences");
    }

    @Test
    void samTendsToGradientDescentAsRhoVanishesAtFirstOrder() {
        Params g = SamFixture.autodiffGradient(CE, P, B);
        double[] rho = {0.08, 0.04, 0.02, 0.01};
        double[] err = new double[rho.length];
        for (int i = 0; i < rho.length; i++) {
            err[i] = Math.sqrt(Sam.of(CE, rho[i]).valueAndGrad(P, B).grad().sub(g).normSquared().item());
        }
        assertEquals(1, SamFixture.slope(rho, err), 0.1);
        // at ρ = 1e-9 a SAM step is a GD step to rounding
        Params sam = P.addScaled(Sam.of(CE, 1e-9).valueAndGrad(P, B).grad(), -0.1);
        Params gd = P.addScaled(g, -0.1);
        assertTrue(SamFixture.relativeError(sam, gd) < 1e-9);
    }

    @Test
    void monitorReportsAscentLossAndSharpness() {
        Map<String, Double> m = SamMonitor.values(CE, P, B, AscentStep.sam(RHO));
        double e = CE.loss(P, B).item();
        Params g = SamFixture.autodiffGradient(CE, P, B);
        assertEquals(CE.loss(Sam.of(CE, RHO).ascentPoint(P, B), B).item(), m.get("sam_ascent_loss"), 1e-15);
        assertEquals(m.get("sam_ascent_loss") - e, m.get("sam_sharpness"), 1e-15);
        // first order: E(θ + ε̂) − E(θ) = ρ‖g‖ + O(ρ²)
        double small = SamMonitor.values(CE, P, B, AscentStep.sam(1e-4)).get("sam_sharpness");
        assertEquals(1e-4 * Math.sqrt(g.normSquared().item()), small, 1e-7);
    }
}
