package org.occam.measure;

import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.train.Objective;
import org.occam.tensor.Tensor;

/**
 * Gradient statistics the implicit-regularization papers track: ‖g‖², R_IG = ‖g‖²/m (METHODS
 * §1.1), the drift proxy ‖Hg‖/‖g‖ (§4.2), the per-example gradient covariance trace Γ (§2.1),
 * micro-batch gradient norms (§2.2) and the cosine between task gradients (§6).
 */
public final class GradientStats {
    private GradientStats() {
    }

    /**
     * ‖∇E‖².
     *
     * @param loss E
     * @param p θ
     * @return ‖∇E‖²
     */
    public static double gradNormSquared(Function<Params, Tensor> loss, Params p) {
        return Autodiff.grad(loss).apply(p).normSquared().item();
    }

    /**
     * R_IG = ‖∇E‖²/m with m the number of parameters (METHODS §1.1).
     *
     * @param loss E
     * @param p θ
     * @return R_IG
     */
    public static double implicitGradientRegularizer(Function<Params, Tensor> loss, Params p) {
        return gradNormSquared(loss, p) / p.numel();
    }

    /**
     * ‖Hg‖/‖g‖, the size of the drift relative to the gradient (one HVP); 0 at a critical point.
     *
     * @param loss E
     * @param p θ
     * @return the drift ratio
     */
    public static double driftRatio(Function<Params, Tensor> loss, Params p) {
        Params g = Autodiff.grad(loss).apply(p);
        double gn = Math.sqrt(g.normSquared().item());
        if (gn == 0) {
            return 0;
        }
        return Math.sqrt(Autodiff.hvp(loss, p, g).normSquared().item()) / gn;
    }

    /**
     * Γ = (1/N) Σ_i ‖∇C_i − ∇C‖², the trace of the per-example gradient covariance over a batch,
     * from N per-example gradients (METHODS §2.1).
     *
     * @param objective the objective C
     * @param p θ
     * @param batch the N examples
     * @return Γ
     */
    public static double gradientCovarianceTrace(Objective objective, Params p, Batch batch) {
        int n = batch.size();
        Params[] gs = new Params[n];
        Params mean = null;
        for (int i = 0; i < n; i++) {
            Batch one = row(batch, i);
            gs[i] = Autodiff.grad((Params q) -> objective.loss(q, one)).apply(p);
            mean = mean == null ? gs[i] : mean.add(gs[i]);
        }
        mean = mean.scale(1.0 / n);
        double acc = 0;
        for (Params g : gs) {
            acc += g.sub(mean).normSquared().item();
        }
        return acc / n;
    }

    /**
     * ‖∇Ĉ_k‖² for each of {@code micro} consecutive micro-batches of the batch (METHODS §2.2).
     *
     * @param objective the objective C
     * @param p θ
     * @param batch a batch of examples
     * @param micro the number of micro-batches
     * @return the squared norms
     */
    public static double[] microBatchGradNorms(Objective objective, Params p, Batch batch, int micro) {
        int n = batch.size();
        if (micro <= 0 || micro > n) {
            throw new IllegalArgumentException("micro-batch count must be in 1.." + n + ", got " + micro);
        }
        double[] out = new double[micro];
        for (int k = 0; k < micro; k++) {
            int from = k * n / micro;
            int to = (k + 1) * n / micro;
            Batch part = rows(batch, from, to);
            out[k] = gradNormSquared(q -> objective.loss(q, part), p);
        }
        return out;
    }

    /**
     * cos∠(∇L_A, ∇L_B), the task-gradient alignment whose negative the conflict term rewards (METHODS §6).
     *
     * @param lossA L_A
     * @param lossB L_B
     * @param p θ
     * @return the cosine
     */
    public static double cosine(Function<Params, Tensor> lossA, Function<Params, Tensor> lossB, Params p) {
        Params ga = Autodiff.grad(lossA).apply(p);
        Params gb = Autodiff.grad(lossB).apply(p);
        double na = Math.sqrt(ga.normSquared().item());
        double nb = Math.sqrt(gb.normSquared().item());
        return na == 0 || nb == 0 ? 0 : ga.dot(gb).item() / (na * nb);
    }

    private static Batch row(Batch b, int i) {
        return rows(b, i, i + 1);
    }

    /** Rows [from, to) of a batch. */
    static Batch rows(Batch b, int from, int to) {
        int[] y = b.y();
        int[] idx = b.indices();
        return new Batch(b.x().slice(0, from, to), y == null ? null : java.util.Arrays.copyOfRange(y, from, to),
                b.targets() == null ? null : b.targets().slice(0, from, to), java.util.Arrays.copyOfRange(idx, from, to));
    }
}
