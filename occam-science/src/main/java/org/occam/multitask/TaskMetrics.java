package org.occam.multitask;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.regularize.FixedOrderFlow;
import org.occam.tensor.Tensor;

/**
 * The task-gradient measurements of METHODS §6 at one point θ, as plain functions of the task
 * losses ℓ_k: the losses, the Gram matrix G_ij = ⟨∇ℓ_i, ∇ℓ_j⟩, the cosines G_ij/√(G_ii G_jj), the
 * conflict term (h/2)Σ_{i&lt;j} G_ij of joint GD at rate h, and the Lie-bracket norms
 * ‖[∇ℓ_i, ∇ℓ_j]‖ = ‖H_j g_i − H_i g_j‖ of sequential training ({@link FixedOrderFlow#bracket}).
 */
public final class TaskMetrics {
    private TaskMetrics() {
    }

    /**
     * What was measured at one point.
     *
     * @param losses   ℓ_k(θ)
     * @param gram     G_ij = ⟨∇ℓ_i, ∇ℓ_j⟩
     * @param brackets ‖[∇ℓ_i, ∇ℓ_j]‖ for i &lt; j (upper triangle), or null when not measured
     */
    public record Snapshot(double[] losses, double[][] gram, double[][] brackets) {

        /**
         * The number of tasks.
         *
         * @return K
         */
        public int tasks() {
            return losses.length;
        }

        /**
         * Σ_k ℓ_k, the joint loss.
         *
         * @return the joint loss
         */
        public double jointLoss() {
            double s = 0;
            for (double l : losses) {
                s += l;
            }
            return s;
        }

        /**
         * cos∠(∇ℓ_i, ∇ℓ_j); 0 when either gradient vanishes.
         *
         * @param i a task
         * @param j a task
         * @return the cosine
         */
        public double cosine(int i, int j) {
            return TaskMetrics.cosine(gram, i, j);
        }

        /**
         * The mean cosine over the pairs i &lt; j (the only one for two tasks; NaN for one task).
         *
         * @return the mean cosine
         */
        public double meanCosine() {
            double s = 0;
            int n = 0;
            for (int i = 0; i < tasks(); i++) {
                for (int j = i + 1; j < tasks(); j++) {
                    s += cosine(i, j);
                    n++;
                }
            }
            return n == 0 ? Double.NaN : s / n;
        }

        /**
         * Σ_{i&lt;j} ⟨∇ℓ_i, ∇ℓ_j⟩.
         *
         * @return the sum of pairwise inner products
         */
        public double pairDot() {
            double s = 0;
            for (int i = 0; i < tasks(); i++) {
                for (int j = i + 1; j < tasks(); j++) {
                    s += gram[i][j];
                }
            }
            return s;
        }

        /**
         * The conflict term (h/2)Σ_{i&lt;j} ⟨∇ℓ_i, ∇ℓ_j⟩ of joint GD at rate h.
         *
         * @param h the learning rate
         * @return the conflict term
         */
        public double conflict(double h) {
            return h / 2 * pairDot();
        }

        /**
         * The measurements as metrics: task_loss_k, task_grad_norm_k, task_cos_i_j, task_cos (mean
         * over pairs), task_dot, task_conflict (when h is finite), task_bracket_i_j (when measured).
         *
         * @param h the learning rate (not finite: no task_conflict)
         * @return the metrics by name
         */
        public Map<String, Double> toMap(double h) {
            Map<String, Double> m = new LinkedHashMap<>();
            for (int k = 0; k < tasks(); k++) {
                m.put("task_loss_" + k, losses[k]);
            }
            for (int k = 0; k < tasks(); k++) {
                m.put("task_grad_norm_" + k, Math.sqrt(gram[k][k]));
            }
            for (int i = 0; i < tasks(); i++) {
                for (int j = i + 1; j < tasks(); j++) {
                    m.put("task_cos_" + i + "_" + j, cosine(i, j));
                }
            }
            if (tasks() > 1) {
                m.put("task_cos", meanCosine());
                m.put("task_dot", pairDot());
                if (Double.isFinite(h)) {
                    m.put("task_conflict", conflict(h));
                }
            }
            if (brackets != null) {
                for (int i = 0; i < tasks(); i++) {
                    for (int j = i + 1; j < tasks(); j++) {
                        m.put("task_bracket_" + i + "_" + j, brackets[i][j]);
                    }
                }
            }
            return m;
        }
    }

    /**
     * Losses and Gram matrix at p (K gradients), plus the bracket norms when asked (2 HVPs per pair).
     *
     * @param losses the task losses
     * @param p θ
     * @param brackets whether to measure the bracket norms
     * @return the snapshot
     */
    public static Snapshot measure(List<Function<Params, Tensor>> losses, Params p, boolean brackets) {
        int k = losses.size();
        if (k == 0) {
            throw new IllegalArgumentException("need at least one task loss, got none");
        }
        double[] values = new double[k];
        Params[] g = new Params[k];
        for (int i = 0; i < k; i++) {
            Autodiff.ValueAndGrad vg = Autodiff.valueAndGrad(losses.get(i)).apply(p);
            values[i] = vg.value().item();
            g[i] = vg.grad();
        }
        double[][] gram = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                gram[i][j] = g[i].dot(g[j]).item();
                gram[j][i] = gram[i][j];
            }
        }
        double[][] br = null;
        if (brackets) {
            br = new double[k][k];
            for (int i = 0; i < k; i++) {
                for (int j = i + 1; j < k; j++) {
                    br[i][j] = bracketNorm(losses.get(i), losses.get(j), p);
                }
            }
        }
        return new Snapshot(values, gram, br);
    }

    /**
     * G_ij = ⟨∇ℓ_i, ∇ℓ_j⟩ at p.
     *
     * @param losses the task losses
     * @param p θ
     * @return G
     */
    public static double[][] gram(List<Function<Params, Tensor>> losses, Params p) {
        return measure(losses, p, false).gram();
    }

    /**
     * G_ij/√(G_ii G_jj), or 0 when either gradient vanishes.
     *
     * @param gram G
     * @param i a task
     * @param j a task
     * @return the cosine
     */
    public static double cosine(double[][] gram, int i, int j) {
        double d = Math.sqrt(gram[i][i] * gram[j][j]);
        return d == 0 ? 0 : gram[i][j] / d;
    }

    /**
     * ‖[∇ℓ_a, ∇ℓ_b]‖ = ‖H_b g_a − H_a g_b‖ at p (METHODS §2.1).
     *
     * @param a ℓ_a
     * @param b ℓ_b
     * @param p θ
     * @return the bracket norm
     */
    public static double bracketNorm(Function<Params, Tensor> a, Function<Params, Tensor> b, Params p) {
        return Math.sqrt(FixedOrderFlow.bracket(a, b, p).normSquared().item());
    }
}
