package org.occam.regularize;

import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/**
 * The explicit form of SGD's implicit regularizer (Smith, Dherin, Barrett &amp; De 2021;
 * METHODS §2.2): C_mod = C + (λ/(4m)) Σ_{k&lt;m} ‖∇Ĉ_k‖², where the batch is split into m
 * consecutive micro-batches Ĉ_k (rows [k·n/m, (k+1)·n/m), the split
 * {@code GradientStats.microBatchGradNorms} uses) and C is the base objective on the whole batch.
 *
 * <p>Use a large batch split into micro-batches of the small batch size to emulate, and start from
 * λ ≈ the small-batch learning rate. The gradient is exact (double backprop: ∇½‖∇Ĉ_k‖² = Ĥ_k ĝ_k).
 * The base must be a per-example mean for C to be the mean of the Ĉ_k (METHODS §10.1).
 */
public final class MicroBatchGradientRegularization {
    private MicroBatchGradientRegularization() {
    }

    /**
     * C + (λ/(4m)) Σ_k ‖∇Ĉ_k‖² over {@code microBatches} = m micro-batches of each batch.
     *
     * @param base the objective C
     * @param lambda λ
     * @param microBatches m
     * @return the regularized objective
     */
    public static Objective of(Objective base, double lambda, int microBatches) {
        Terms.requireNonNegative("micro-batch regularizer coefficient lambda", lambda);
        if (microBatches <= 0) {
            throw new IllegalArgumentException("the number of micro-batches must be positive, got " + microBatches);
        }
        return Objective.regularized(base, false,
                (p, b) -> base.loss(p, b).add(penalty(base, p, b, microBatches).mul(lambda / (4.0 * microBatches))));
    }

    /**
     * The same, with micro-batches of {@code microBatchSize} rows (the batch size must be a multiple of it).
     *
     * @param base the objective C
     * @param lambda λ
     * @param microBatchSize rows per micro-batch
     * @return the regularized objective
     */
    public static Objective withMicroBatchSize(Objective base, double lambda, int microBatchSize) {
        Terms.requireNonNegative("micro-batch regularizer coefficient lambda", lambda);
        if (microBatchSize <= 0) {
            throw new IllegalArgumentException("the micro-batch size must be positive, got " + microBatchSize);
        }
        return Objective.regularized(base, false, (p, b) -> {
            if (b.size() % microBatchSize != 0) {
                throw new IllegalArgumentException("batch of " + b.size() + " rows does not split into micro-batches of "
                        + microBatchSize);
            }
            int m = b.size() / microBatchSize;
            return base.loss(p, b).add(penalty(base, p, b, m).mul(lambda / (4.0 * m)));
        });
    }

    /** Σ_k ‖∇Ĉ_k‖² over m consecutive micro-batches of b (differentiable). */
    static Tensor penalty(Objective base, Params p, Batch b, int m) {
        int n = b.size();
        if (m > n) {
            throw new IllegalArgumentException("cannot split a batch of " + n + " rows into " + m + " micro-batches");
        }
        Tensor acc = null;
        for (int k = 0; k < m; k++) {
            Batch part = Terms.rows(b, k * n / m, (k + 1) * n / m);
            Tensor t = Terms.gradNormSquared(q -> base.loss(q, part)).apply(p);
            acc = acc == null ? t : acc.add(t);
        }
        return acc;
    }
}
