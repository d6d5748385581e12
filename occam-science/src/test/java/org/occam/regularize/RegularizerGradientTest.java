package org.occam.regularize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/**
 * Every explicit regularizer's backprop gradient against central differences of its value
 * (float64, a 2-3-2 tanh MLP on six points), alone and composed.
 */
class RegularizerGradientTest {
    static final Objective CE = Objective.crossEntropy(Fixtures.MLP);
    static final Objective MSE = Objective.mse(Fixtures.MLP);
    static final Batch BATCH = Fixtures.batch();
    static final Params P = Fixtures.params();
    static final double TOL = 1e-7;

    static void check(String what, Objective o) {
        Fixtures.assertGradientMatches(what, p -> o.loss(p, BATCH), P, TOL);
    }

    @Test
    void explicitGradientRegularization() {
        check("EGR exact (CE)", ExplicitGradientRegularization.exact(CE, 0.3));
        check("EGR exact (MSE)", ExplicitGradientRegularization.exact(MSE, 0.3));
        check("EGR finite difference", ExplicitGradientRegularization.finiteDifference(CE, 0.3));
        check("IGR modified objective", ImplicitGradientRegularization.modifiedObjective(MSE, 0.2));
    }

    @Test
    void microBatchRegularizer() {
        check("micro-batch, 3 micro-batches", MicroBatchGradientRegularization.of(CE, 0.5, 3));
        check("micro-batch, size 2", MicroBatchGradientRegularization.withMicroBatchSize(MSE, 0.5, 2));
    }

    @Test
    void geometricComplexityPenalty() {
        check("GC penalty", GeometricComplexityPenalty.of(CE, Fixtures.MLP, 0.2));
    }

    @Test
    void spectralNormPenalty() {
        check("spectral norm", SpectralNormPenalty.of(CE, 0.1, 500, name -> true));
    }

    @Test
    void l2Penalty() {
        check("L2", L2Penalty.of(CE, 0.05));
        check("L2 weights only", L2Penalty.of(CE, 0.05, L2Penalty.weightsOnly()));
    }

    @Test
    void inputNoise() {
        check("input noise", InputNoise.of(MSE, 0.1, 7));
        check("input noise at step", InputNoise.atStep(MSE, 0.1, 7, 3));
    }

    @Test
    void composedRegularizers() {
        Objective o = L2Penalty.of(
                InputNoise.of(ExplicitGradientRegularization.exact(
                        GeometricComplexityPenalty.of(CE, Fixtures.MLP, 0.1), 0.2), 0.05, 1),
                0.01);
        check("L2 ∘ noise ∘ EGR ∘ GC", o);
        Objective fd = SpectralNormPenalty.of(ExplicitGradientRegularization.finiteDifference(MSE, 0.2), 0.1, 500,
                name -> true);
        check("spectral ∘ EGR(finite difference)", fd);
        Objective mb = L2Penalty.of(MicroBatchGradientRegularization.of(CE, 0.3, 2), 0.02);
        check("L2 ∘ micro-batch", mb);
    }

    @Test
    void theCheckCatchesAMissingGradientTerm() {
        // value E + μ‖g‖² but gradient ∇E only (the penalty behind a stop-gradient)
        Objective wrong = (p, b) -> {
            Function<Params, Tensor> e = q -> CE.loss(q, b);
            return e.apply(p).add(Autodiff.stopGradient(Terms.gradNormSquared(e).apply(p)).mul(0.3));
        };
        AssertionError err = assertThrows(AssertionError.class, () -> check("stop-gradient EGR", wrong));
        assertTrue(err.getMessage().contains("differs"));
    }

    @Test
    void penaltiesHaveTheirDocumentedValues() {
        double base = CE.loss(P, BATCH).item();
        double l2 = L2Penalty.of(CE, 0.05).loss(P, BATCH).item();
        assertEquals(base + 0.025 * P.normSquared().item(), l2, 1e-12);
        double g2 = Autodiff.grad((Params q) -> CE.loss(q, BATCH)).apply(P).normSquared().item();
        assertEquals(base + 0.3 * g2, ExplicitGradientRegularization.exact(CE, 0.3).loss(P, BATCH).item(), 1e-12);
        assertEquals(base + 0.3 * g2,
                ExplicitGradientRegularization.finiteDifference(CE, 0.3).loss(P, BATCH).item(), 1e-12);
        assertEquals(base + 0.05 * g2, ImplicitGradientRegularization.modifiedObjective(CE, 0.2).loss(P, BATCH).item(),
                1e-12);
        assertEquals(0.01, ExplicitGradientRegularization.matchingCoefficient(0.05, 0.01), 1e-15);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> ExplicitGradientRegularization.exact(CE, -1));
        assertThrows(IllegalArgumentException.class, () -> ExplicitGradientRegularization.finiteDifference(CE, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> MicroBatchGradientRegularization.of(CE, 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> MicroBatchGradientRegularization.of(CE, 1, 7).loss(P, BATCH));
        assertThrows(IllegalArgumentException.class,
                () -> MicroBatchGradientRegularization.withMicroBatchSize(CE, 1, 4).loss(P, BATCH));
        assertThrows(IllegalArgumentException.class, () -> L2Penalty.of(CE, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> SpectralNormPenalty.of(CE, 1, 0, n -> true));
        assertThrows(IllegalArgumentException.class, () -> InputNoise.of(CE, -0.1, 1));
    }
}
