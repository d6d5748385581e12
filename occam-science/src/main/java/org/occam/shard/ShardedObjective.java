package org.occam.shard;

import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.measure.LinearOperator;
import org.occam.tensor.Tensor;

/**
 * The mean loss over a whole data set, E(θ) = Σ_k (n_k/N) E_k(θ), computed chunk by chunk where
 * a {@link ChunkRunner} puts the chunks, and summed in a fixed order (docs/sharded-objective.md):
 * its loss, gradient, Hessian (as a {@link LinearOperator} for the spectral estimators of
 * org.occam.measure), GC and accuracy have the same bits on this JVM ({@link LocalChunks}) and on
 * Spark with any number of executors or partitions, and agree with the unchunked full-batch values
 * to round-off (≤ 1e-12 relative in float64).
 */
public final class ShardedObjective {
    private final ChunkRunner runner;

    private ShardedObjective(ChunkRunner runner) {
        this.runner = runner;
    }

    /**
     * The objective of the runner's problem and chunks.
     *
     * @param runner the runner holding the chunks
     * @return the objective
     */
    public static ShardedObjective on(ChunkRunner runner) {
        return new ShardedObjective(runner);
    }

    /**
     * Where the chunks are computed.
     *
     * @return the runner
     */
    public ChunkRunner runner() {
        return runner;
    }

    /**
     * E(θ).
     *
     * @param p θ
     * @return E(θ)
     */
    public double loss(Params p) {
        return runner.sum(ChunkOps.LOSS, payload(p, null))[0];
    }

    /**
     * E(θ) and ∇E(θ) in float64 from one pass over the chunks.
     *
     * @param p θ
     * @return the value and gradient
     */
    public Gradient gradient(Params p) {
        double[] r = runner.sum(ChunkOps.LOSS_AND_GRADIENT, payload(p, null));
        double[] g = new double[r.length - 1];
        System.arraycopy(r, 1, g, 0, g.length);
        return new Gradient(r[0], g);
    }

    /**
     * E(θ) and ∇E(θ) as tensors in θ's dtype (what a training step needs).
     *
     * @param p θ
     * @return the value and gradient
     */
    public Autodiff.ValueAndGrad valueAndGrad(Params p) {
        Gradient g = gradient(p);
        return new Autodiff.ValueAndGrad(Tensor.scalar(g.value(), p.dtype()), unflatten(p, g.gradient()));
    }

    /**
     * ∇²E(θ) v.
     *
     * @param p θ
     * @param v the vector
     * @return ∇²E(θ) v
     */
    public Params hvp(Params p, Params v) {
        return unflatten(p, runner.sum(ChunkOps.HESSIAN_VECTOR, payload(p, v.flatten().toDoubleArray())));
    }

    /**
     * ∇²E at θ as an operator: each application is one reduction over the chunks with v broadcast.
     *
     * @param p θ
     * @return the Hessian operator
     */
    public LinearOperator hessian(Params p) {
        double[] theta = p.flatten().toDoubleArray();
        return LinearOperator.of(p, v -> unflatten(p, runner.sum(ChunkOps.HESSIAN_VECTOR,
                new Payload(theta, v.flatten().toDoubleArray()))));
    }

    /**
     * GC(θ) = mean over the examples of ‖∂f/∂x‖²_F on the logits (METHODS §7.2).
     *
     * @param p θ
     * @return GC(θ)
     */
    public double geometricComplexity(Params p) {
        return runner.sum(ChunkOps.GEOMETRIC_COMPLEXITY, payload(p, null))[0];
    }

    /**
     * The fraction of examples classified correctly.
     *
     * @param p θ
     * @return the accuracy
     */
    public double accuracy(Params p) {
        return runner.sum(ChunkOps.ACCURACY, payload(p, null))[0];
    }

    private static Payload payload(Params p, double[] v) {
        return new Payload(p.flatten().toDoubleArray(), v);
    }

    private static Params unflatten(Params template, double[] v) {
        return template.unflatten(Tensor.of(template.dtype(), v, v.length));
    }

    /**
     * The loss and gradient of the whole data set.
     *
     * @param value    E(θ)
     * @param gradient ∇E(θ), flattened, in float64
     */
    public record Gradient(double value, double[] gradient) {
    }
}
