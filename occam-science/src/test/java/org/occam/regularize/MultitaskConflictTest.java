package org.occam.regularize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.data.Dataset;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/** L̃ = L + (h/4)Σ‖∇L_k‖² + (h/2)Σ_{i&lt;j}⟨∇L_i, ∇L_j⟩ (METHODS §6), and the IGR helpers. */
class MultitaskConflictTest {
    static final Params P = Fixtures.params();

    static List<Function<Params, Tensor>> tasks() {
        Dataset d = Fixtures.data();
        Objective mse = Objective.mse(Fixtures.MLP);
        Objective ce = Objective.crossEntropy(Fixtures.MLP);
        Batch a = d.batch(new int[] {0, 1, 2});
        Batch b = d.batch(new int[] {3, 4, 5});
        return List.of(p -> mse.loss(p, a), p -> ce.loss(p, b), p -> mse.loss(p, b).mul(0.5));
    }

    @Test
    void modifiedLossDecomposesIntoFlatnessAndConflict() {
        List<Function<Params, Tensor>> t = tasks();
        double h = 0.3;
        double full = MultitaskConflict.modifiedLoss(t, h).apply(P).item();
        double sum = Terms.sum(t).apply(P).item();
        double flat = MultitaskConflict.flatnessTerm(t, h).apply(P).item();
        double conflict = MultitaskConflict.conflictTerm(t, h).apply(P).item();
        assertEquals(full, sum + flat + conflict, 1e-12);
        double direct = 0;
        for (int i = 0; i < t.size(); i++) {
            for (int j = i + 1; j < t.size(); j++) {
                direct += Autodiff.grad(t.get(i)).apply(P).dot(Autodiff.grad(t.get(j)).apply(P)).item();
            }
        }
        assertEquals(h / 2 * direct, conflict, 1e-12);
        assertTrue(Math.abs(conflict) > 1e-6, "the tasks should interact");
        Fixtures.assertGradientMatches("conflict term", MultitaskConflict.conflictTerm(t, h), P, 1e-7);
    }

    @Test
    void implicitRegularizerHelpers() {
        Function<Params, Tensor> e = tasks().get(0);
        double g2 = Autodiff.grad(e).apply(P).normSquared().item();
        assertEquals(g2 / P.numel(), ImplicitGradientRegularization.implicitRegularizer(e).apply(P).item(), 1e-14);
        assertEquals(0.1 * 17 / 4, ImplicitGradientRegularization.lambda(0.1, 17), 1e-15);
        // λ R_IG = (h/4)‖g‖²
        assertEquals(e.apply(P).item() + ImplicitGradientRegularization.lambda(0.1, P.numel())
                        * ImplicitGradientRegularization.implicitRegularizer(e).apply(P).item(),
                ImplicitGradientRegularization.modifiedLoss(e, 0.1).apply(P).item(), 1e-12);
        double beta = 0.6;
        assertEquals(0.1 * 1.6 / (4 * 0.16), MomentumModifiedLoss.coefficient(0.1, beta), 1e-15);
        assertEquals(0.25, MomentumModifiedLoss.effectiveLearningRate(0.1, beta), 1e-15);
    }
}
