package org.occam.multitask;

import java.util.List;
import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.regularize.FixedOrderFlow;
import org.occam.regularize.ImplicitGradientRegularization;
import org.occam.tensor.Tensor;

/**
 * Cancelling the Lie-bracket drift of a fixed task order (METHODS §2.1, §6). One pass of M GD
 * steps over losses in the order s_1 … s_M follows, over time Mh,
 * θ̇ = −(1/M)∇[Σ_m ℓ_{s_m} + (h/4)Σ_m‖∇ℓ_{s_m}‖²] + (h/(2M))Σ_{m&lt;n}[∇ℓ_{s_m}, ∇ℓ_{s_n}]
 * ({@link FixedOrderFlow}). For alternating A, B this is the (h/4)[∇L_A, ∇L_B] term.
 *
 * <p><b>Why a correction of the update and not a loss.</b> [∇ℓ_a, ∇ℓ_b] = H_b g_a − H_a g_b is
 * the antisymmetric combination of the mixed terms, while every gradient field built from the two
 * tasks has a symmetric Jacobian (a Hessian) and, e.g., ∇⟨g_a, g_b⟩ = H_b g_a + H_a g_b is the
 * symmetric one. The bracket's Jacobian is not symmetric in general (it has curl), so no scalar R
 * has ∇R = [∇ℓ_a, ∇ℓ_b]: no penalty added to the loss can produce or cancel it. Instead each
 * step is moved by h·c(θ) with the vector field
 * c(θ) = −(h/(2M))Σ_{m&lt;n}[∇ℓ_{s_m}, ∇ℓ_{s_n}](θ), so that a corrected pass follows the
 * bracket-free field to O(h³) per pass. Same-task brackets vanish, so the sum is
 * Σ_{a&lt;b}(n_ab − n_ba)[∇ℓ_a, ∇ℓ_b] with n_ab the number of step pairs m &lt; n with task a first.
 */
public final class BracketCorrection {
    private BracketCorrection() {
    }

    /**
     * c(θ) = −(h/(2M))Σ_{m&lt;n}[∇ℓ_{s_m}, ∇ℓ_{s_n}](θ) for the task order s (length M), tasks on full data.
     *
     * @param tasks the task losses ℓ_k
     * @param order the task order s
     * @param h the learning rate
     * @return c
     */
    public static Function<Params, Params> field(List<Function<Params, Tensor>> tasks, int[] order, double h) {
        double[][] w = pairWeights(order, tasks.size());
        double scale = -h / (2.0 * order.length);
        return p -> {
            Params acc = p.scale(0);
            for (int a = 0; a < w.length; a++) {
                for (int b = a + 1; b < w.length; b++) {
                    if (w[a][b] != 0) {
                        acc = acc.addScaled(FixedOrderFlow.bracket(tasks.get(a), tasks.get(b), p), w[a][b]);
                    }
                }
            }
            return acc.scale(scale).detach();
        };
    }

    /**
     * W_ab = n_ab − n_ba for a &lt; b: the weight of [∇ℓ_a, ∇ℓ_b] in Σ_{m&lt;n}[∇ℓ_{s_m}, ∇ℓ_{s_n}].
     *
     * @param order the task order s
     * @param tasks K
     * @return W
     */
    public static double[][] pairWeights(int[] order, int tasks) {
        if (order == null || order.length == 0) {
            throw new IllegalArgumentException("the task order of a pass must not be empty");
        }
        long[] seen = new long[tasks];
        double[][] w = new double[tasks][tasks];
        for (int s : order) {
            if (s < 0 || s >= tasks) {
                throw new IllegalArgumentException("task index " + s + " in the order is outside 0.." + (tasks - 1));
            }
            for (int a = 0; a < tasks; a++) {
                if (a < s) {
                    w[a][s] += seen[a];
                } else if (a > s) {
                    w[s][a] -= seen[a];
                }
            }
            seen[s]++;
        }
        return w;
    }

    /**
     * One corrected step θ − h∇ℓ(θ) + h·c(θ).
     *
     * @param loss ℓ
     * @param correction c
     * @param p θ
     * @param h the learning rate
     * @return the next iterate
     */
    public static Params step(Function<Params, Tensor> loss, Function<Params, Params> correction, Params p, double h) {
        return ImplicitGradientRegularization.gdStep(loss, p, h).addScaled(correction.apply(p), h);
    }

    /**
     * One corrected pass over the order (each step on its task's full-data loss).
     *
     * @param tasks the task losses
     * @param order the task order
     * @param p θ
     * @param h the learning rate
     * @return θ after the pass
     */
    public static Params pass(List<Function<Params, Tensor>> tasks, int[] order, Params p, double h) {
        Function<Params, Params> c = field(tasks, order, h);
        Params q = p;
        for (int s : order) {
            q = step(tasks.get(s), c, q, h);
        }
        return q;
    }
}
