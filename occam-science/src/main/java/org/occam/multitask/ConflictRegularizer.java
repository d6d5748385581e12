package org.occam.multitask;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.nn.Model;
import org.occam.regularize.MultitaskConflict;
import org.occam.tensor.DType;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/**
 * The conflict term of METHODS §6 as an explicit regularizer: multiplier·(h/2)Σ_{i&lt;j}⟨∇ℓ_i, ∇ℓ_j⟩
 * (differentiable, by double backprop; {@link MultitaskConflict#conflictTerm}). GD at rate h on
 * Σ_k ℓ_k implicitly adds (h/2)Σ_{i&lt;j}⟨∇ℓ_i, ∇ℓ_j⟩ to its modified loss, so multiplier −1 cancels
 * that term (the modified loss keeps only the flatness term (h/4)Σ_k‖∇ℓ_k‖², up to O(h²)), +1
 * doubles it, and at a small rate h_s the multiplier h_b/h_s − 1 adds what a large rate h_b would.
 */
public final class ConflictRegularizer {
    private ConflictRegularizer() {
    }

    /**
     * multiplier·(h/2)Σ_{i&lt;j}⟨∇ℓ_i, ∇ℓ_j⟩.
     *
     * @param tasks the task losses ℓ_k
     * @param h the learning rate
     * @param multiplier the factor on the conflict term
     * @return the term
     */
    public static Function<Params, Tensor> term(List<Function<Params, Tensor>> tasks, double h, double multiplier) {
        requireFinite("h", h);
        requireFinite("multiplier", multiplier);
        return MultitaskConflict.conflictTerm(tasks, multiplier * h);
    }

    /**
     * Σ_k ℓ_k + multiplier·(h/2)Σ_{i&lt;j}⟨∇ℓ_i, ∇ℓ_j⟩.
     *
     * @param tasks the task losses ℓ_k
     * @param h the learning rate
     * @param multiplier the factor on the conflict term
     * @return the regularized loss
     */
    public static Function<Params, Tensor> regularized(List<Function<Params, Tensor>> tasks, double h, double multiplier) {
        Function<Params, Tensor> t = term(tasks, h, multiplier);
        return p -> {
            Tensor acc = t.apply(p);
            for (Function<Params, Tensor> l : tasks) {
                acc = acc.add(l.apply(p));
            }
            return acc;
        };
    }

    /**
     * For training with torch-style {@code mse} on an [N, K] target (each column a task): base +
     * multiplier·(h/2)Σ_{i&lt;j}⟨∇ℓ_i, ∇ℓ_j⟩ on each batch, with ℓ_k = L_k/K the column parts of the
     * mse (their sum is the loss GD differentiates; see the package notes). Not decomposable into
     * chunks. Fails with IllegalStateException when the unregularized loss is not that mse (checked
     * on the first batch only: the loss does not change during a run).
     *
     * @param base the objective
     * @param model the network
     * @param h the learning rate
     * @param multiplier the factor on the conflict term
     * @return the regularized objective
     */
    public static Objective columns(Objective base, Model model, double h, double multiplier) {
        requireFinite("h", h);
        requireFinite("multiplier", multiplier);
        boolean[] checked = {false};
        return Objective.regularized(base, false, (p, b) -> {
            List<Function<Params, Tensor>> parts = columnParts(model, b);
            if (!checked[0]) {
                checkIsColumnMse(base.base(), parts, p.detach(), b);
                checked[0] = true;
            }
            return base.loss(p, b).add(MultitaskConflict.conflictTerm(parts, multiplier * h).apply(p));
        });
    }

    /** ℓ_k = L_k/K for the columns of a batch's [N, K] target. */
    static List<Function<Params, Tensor>> columnParts(Model model, Batch b) {
        if (b.targets() == null || b.targets().rank() != 2) {
            throw new IllegalArgumentException("the conflict regularizer needs regression targets [N, K], one column per task");
        }
        int k = b.targets().size(1);
        List<Function<Params, Tensor>> parts = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            int col = c;
            parts.add(p -> ColumnTasks.columnMse(model.apply(p, b.x()), b.targets(), col, col + 1).div(k));
        }
        return parts;
    }

    static void checkIsColumnMse(Objective unregularized, List<Function<Params, Tensor>> parts, Params p, Batch b) {
        double loss = unregularized.loss(p, b).item();
        double sum = 0;
        for (Function<Params, Tensor> f : parts) {
            sum += f.apply(p).item();
        }
        double tol = (p.dtype() == DType.FLOAT64 ? 1e-9 : 1e-4) * (1 + Math.abs(loss));
        if (!(Math.abs(loss - sum) <= tol)) {
            throw new IllegalStateException("task conflict on output columns needs loss: mse (the mean over the target"
                    + " columns); the loss here is " + loss + " but the column parts sum to " + sum);
        }
    }

    private static void requireFinite(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be finite, got " + v);
        }
    }
}
