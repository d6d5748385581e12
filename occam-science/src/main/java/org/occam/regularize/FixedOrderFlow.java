package org.occam.regularize;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/**
 * The modified vector field of one pass of GD over losses ℓ_1 … ℓ_M in a fixed order, one step of
 * size h on each (sequential / continual learning, fixed batch order; METHODS §2.1 and §6):
 * over time Mh the pass follows
 * θ̇ = −(1/M)∇[Σ_k ℓ_k + (h/4)Σ_k ‖∇ℓ_k‖²] + (h/(2M)) Σ_{j&lt;k} [∇ℓ_j, ∇ℓ_k]
 * with local error O(h³), where [∇ℓ_j, ∇ℓ_k] = H_k g_j − H_j g_k is the Lie bracket of the
 * gradient fields (not a gradient; it flips sign with the order and vanishes when the flows
 * commute). Dropping the bracket leaves an O(h²) error. Random shuffling averages the brackets away.
 */
public final class FixedOrderFlow {
    private FixedOrderFlow() {
    }

    /**
     * The full field, with the bracket terms.
     *
     * @param losses the losses ℓ_1..ℓ_M, in their order
     * @param h the learning rate
     * @return the vector field
     */
    public static Function<Params, Params> vectorField(List<Function<Params, Tensor>> losses, double h) {
        Function<Params, Params> base = withoutBracket(losses, h);
        int m = losses.size();
        return p -> base.apply(p).addScaled(bracketSum(losses, p), h / (2.0 * m));
    }

    /**
     * −(1/M)∇[Σ_k ℓ_k + (h/4)Σ_k ‖∇ℓ_k‖²], the field without the bracket terms.
     *
     * @param losses the losses ℓ_1..ℓ_M
     * @param h the learning rate
     * @return the vector field
     */
    public static Function<Params, Params> withoutBracket(List<Function<Params, Tensor>> losses, double h) {
        Terms.requireNonEmpty(losses);
        int m = losses.size();
        List<Function<Params, Tensor>> terms = new ArrayList<>();
        for (Function<Params, Tensor> l : losses) {
            terms.add(ImplicitGradientRegularization.modifiedLoss(l, h));
        }
        Function<Params, Tensor> sum = Terms.sum(terms);
        return p -> Terms.grad(sum, p).scale(-1.0 / m);
    }

    /**
     * [∇ℓ_j, ∇ℓ_k] = H_k g_j − H_j g_k at p.
     *
     * @param lj ℓ_j
     * @param lk ℓ_k
     * @param p θ
     * @return the bracket
     */
    public static Params bracket(Function<Params, Tensor> lj, Function<Params, Tensor> lk, Params p) {
        Params gj = Terms.grad(lj, p).detach();
        Params gk = Terms.grad(lk, p).detach();
        return Terms.hvp(lk, p, gj).sub(Terms.hvp(lj, p, gk));
    }

    /**
     * Σ_{j&lt;k} [∇ℓ_j, ∇ℓ_k] at p (M gradients and M(M−1) HVPs).
     *
     * @param losses the losses ℓ_1..ℓ_M
     * @param p θ
     * @return the sum of brackets
     */
    public static Params bracketSum(List<Function<Params, Tensor>> losses, Params p) {
        int m = losses.size();
        Params[] g = new Params[m];
        for (int k = 0; k < m; k++) {
            g[k] = Terms.grad(losses.get(k), p).detach();
        }
        Params acc = g[0].scale(0);
        for (int j = 0; j < m; j++) {
            for (int k = j + 1; k < m; k++) {
                acc = acc.add(Terms.hvp(losses.get(k), p, g[j])).sub(Terms.hvp(losses.get(j), p, g[k]));
            }
        }
        return acc;
    }

    /**
     * One pass: a GD step of size h on each loss, in order.
     *
     * @param losses the losses, in order
     * @param p θ
     * @param h the learning rate
     * @return θ after the pass
     */
    public static Params pass(List<Function<Params, Tensor>> losses, Params p, double h) {
        Params q = p;
        for (Function<Params, Tensor> l : losses) {
            q = ImplicitGradientRegularization.gdStep(l, q, h);
        }
        return q;
    }
}
