package org.occam.regularize;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.data.Dataset;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/**
 * The modified loss of SGD with random shuffling (Smith, Dherin, Barrett &amp; De 2021;
 * METHODS §2.1): for one epoch of m = N/B steps of size ε over the minibatch losses Ĉ_k,
 * C̃_SGD = C + (ε/(4m)) Σ_k ‖∇Ĉ_k‖², and the mean iterate after the epoch, averaged over the order
 * of the batches, is ω(mε) + O(m³ε³) where ω̇ = −∇C̃_SGD.
 *
 * <p>Averaged also over the partition into batches (sampling without replacement),
 * (1/m) Σ_k ‖∇Ĉ_k‖² has the expectation ‖∇C‖² + ((N−B)/(B(N−1)))·Γ with
 * Γ = (1/N) Σ_i ‖∇C_i − ∇C‖², giving {@link #expectedModifiedLoss}.
 * C must be the mean of the per-example losses C_i (and of the Ĉ_k, for equal batch sizes).
 */
public final class SgdModifiedLoss {
    private SgdModifiedLoss() {
    }

    /**
     * C + (ε/(4m)) Σ_k ‖∇Ĉ_k‖² for the given full loss C and the m minibatch losses Ĉ_k.
     *
     * @param full the full loss C
     * @param batchLosses the minibatch losses Ĉ_k
     * @param eps the learning rate ε
     * @return C̃_SGD
     */
    public static Function<Params, Tensor> modifiedLoss(Function<Params, Tensor> full,
            List<Function<Params, Tensor>> batchLosses, double eps) {
        Terms.requireNonEmpty(batchLosses);
        int m = batchLosses.size();
        List<Function<Params, Tensor>> norms = new ArrayList<>();
        for (Function<Params, Tensor> f : batchLosses) {
            norms.add(Terms.gradNormSquared(f));
        }
        Function<Params, Tensor> sum = Terms.sum(norms);
        return p -> full.apply(p).add(sum.apply(p).mul(eps / (4.0 * m)));
    }

    /**
     * The same for an objective over a data set and a partition of its rows into batches.
     *
     * @param objective the per-batch objective
     * @param data the data set
     * @param batches the rows of each batch
     * @param eps the learning rate ε
     * @return C̃_SGD
     */
    public static Function<Params, Tensor> modifiedLoss(Objective objective, Dataset data, int[][] batches, double eps) {
        Batch all = data.all();
        return modifiedLoss(p -> objective.loss(p, all), batchLosses(objective, data, batches), eps);
    }

    /**
     * The minibatch losses p ↦ objective(p, rows of batch k).
     *
     * @param objective the per-batch objective
     * @param data the data set
     * @param batches the rows of each batch
     * @return Ĉ_k for each k
     */
    public static List<Function<Params, Tensor>> batchLosses(Objective objective, Dataset data, int[][] batches) {
        List<Function<Params, Tensor>> out = new ArrayList<>();
        for (int[] rows : batches) {
            Batch b = data.batch(rows);
            out.add(p -> objective.loss(p, b));
        }
        return out;
    }

    /**
     * (N−B)/(B(N−1)): E‖∇Ĉ − ∇C‖² = this × Γ for a batch of B drawn without replacement from N.
     *
     * @param n N
     * @param batchSize B
     * @return the factor
     */
    public static double varianceFactor(int n, int batchSize) {
        if (n < 2 || batchSize < 1 || batchSize > n) {
            throw new IllegalArgumentException("need N >= 2 and 1 <= B <= N, got N = " + n + ", B = " + batchSize);
        }
        return (double) (n - batchSize) / ((double) batchSize * (n - 1));
    }

    /**
     * Γ = (1/N) Σ_i ‖∇C_i − ∇C‖² from N per-example gradients (differentiable in p).
     *
     * @param objective the per-example objective
     * @param data the data set
     * @return Γ
     */
    public static Function<Params, Tensor> gamma(Objective objective, Dataset data) {
        int n = data.size();
        List<Function<Params, Tensor>> per = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Batch one = data.batch(new int[] {i});
            per.add(p -> objective.loss(p, one));
        }
        return p -> {
            List<Params> gs = new ArrayList<>();
            Params mean = null;
            for (Function<Params, Tensor> f : per) {
                Params g = Autodiff.grad(f).apply(p);
                gs.add(g);
                mean = mean == null ? g : mean.add(g);
            }
            Params c = mean.scale(1.0 / n);
            Tensor acc = null;
            for (Params g : gs) {
                Tensor t = g.sub(c).normSquared();
                acc = acc == null ? t : acc.add(t);
            }
            return acc.div(n);
        };
    }

    /**
     * The modified loss averaged over random partitions:
     * C + (ε/4)‖∇C‖² + (ε/4)·((N−B)/(B(N−1)))·Γ.
     *
     * @param objective the training objective
     * @param data the data set
     * @param batchSize B
     * @param eps the learning rate ε
     * @return the expected modified loss
     */
    public static Function<Params, Tensor> expectedModifiedLoss(Objective objective, Dataset data, int batchSize,
            double eps) {
        Batch all = data.all();
        Function<Params, Tensor> c = p -> objective.loss(p, all);
        Function<Params, Tensor> norm = Terms.gradNormSquared(c);
        Function<Params, Tensor> gamma = gamma(objective, data);
        double factor = varianceFactor(data.size(), batchSize);
        return p -> c.apply(p).add(norm.apply(p).mul(eps / 4)).add(gamma.apply(p).mul(eps / 4 * factor));
    }

    /**
     * θ̇ = −∇C̃_SGD.
     *
     * @param modifiedLoss C̃_SGD
     * @return the vector field
     */
    public static Function<Params, Params> flow(Function<Params, Tensor> modifiedLoss) {
        Function<Params, Params> g = Autodiff.grad(modifiedLoss);
        return p -> g.apply(p).scale(-1);
    }
}
