package org.occam.regularize;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/**
 * The modified loss of GD on a sum of task losses L = Σ_k L_k (Dherin 2023; METHODS §6):
 * L̃ = L + (h/4)‖Σ_k ∇L_k‖² = L + (h/4)Σ_k ‖∇L_k‖² + (h/2)Σ_{i&lt;j} ⟨∇L_i, ∇L_j⟩.
 * The last sum is the conflict term: descending it lowers the task-gradient inner products, so it
 * rewards conflicting task gradients. For L the task average instead of the sum, pass the losses
 * already divided by the number of tasks.
 */
public final class MultitaskConflict {
    private MultitaskConflict() {
    }

    /**
     * (h/2) Σ_{i&lt;j} ⟨∇L_i, ∇L_j⟩ (differentiable).
     *
     * @param tasks the task losses L_k
     * @param h the learning rate
     * @return the conflict term
     */
    public static Function<Params, Tensor> conflictTerm(List<Function<Params, Tensor>> tasks, double h) {
        Terms.requireNonEmpty(tasks);
        List<Function<Params, Params>> grads = grads(tasks);
        return p -> {
            List<Params> g = new ArrayList<>();
            for (Function<Params, Params> f : grads) {
                g.add(f.apply(p));
            }
            Tensor acc = Tensor.scalar(0, p.dtype());
            for (int i = 0; i < g.size(); i++) {
                for (int j = i + 1; j < g.size(); j++) {
                    acc = acc.add(g.get(i).dot(g.get(j)));
                }
            }
            return acc.mul(h / 2);
        };
    }

    /**
     * (h/4) Σ_k ‖∇L_k‖², the per-task flatness term.
     *
     * @param tasks the task losses L_k
     * @param h the learning rate
     * @return the flatness term
     */
    public static Function<Params, Tensor> flatnessTerm(List<Function<Params, Tensor>> tasks, double h) {
        List<Function<Params, Tensor>> norms = new ArrayList<>();
        for (Function<Params, Tensor> t : tasks) {
            norms.add(Terms.gradNormSquared(t));
        }
        Function<Params, Tensor> s = Terms.sum(norms);
        return p -> s.apply(p).mul(h / 4);
    }

    /**
     * L̃ = Σ_k L_k + (h/4)‖Σ_k ∇L_k‖².
     *
     * @param tasks the task losses L_k
     * @param h the learning rate
     * @return L̃
     */
    public static Function<Params, Tensor> modifiedLoss(List<Function<Params, Tensor>> tasks, double h) {
        return ImplicitGradientRegularization.modifiedLoss(Terms.sum(tasks), h);
    }

    private static List<Function<Params, Params>> grads(List<Function<Params, Tensor>> tasks) {
        List<Function<Params, Params>> out = new ArrayList<>();
        for (Function<Params, Tensor> t : tasks) {
            out.add(Autodiff.grad(t));
        }
        return out;
    }
}
