package org.occam.shard;

import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.tensor.Recording;
import org.occam.data.Batch;
import org.occam.measure.GeometricComplexity;
import org.occam.measure.LinearOperator;
import org.occam.nn.Losses;

/**
 * The chunk computations of a sharded objective (docs/sharded-objective.md), each the chunk's mean
 * at the broadcast θ; the driver's tree sum of the n_k/N-weighted leaves is then the mean over the
 * whole data set.
 */
public enum ChunkOps implements ChunkOp {
    /** [E_k(θ)]: the loss alone (no graph is kept). */
    LOSS {
        @Override
        public double[] apply(ShardProblem.Built b, Chunk c, Payload p) {
            Batch batch = c.batch(b.dtype());
            Params theta = b.params(p.params());
            return new double[] {Recording.noGrad(() -> b.objective().loss(theta, batch)).item()};
        }
    },
    /** [E_k(θ), ∇E_k(θ)...]: the loss and its gradient (m + 1 numbers). */
    LOSS_AND_GRADIENT {
        @Override
        public double[] apply(ShardProblem.Built b, Chunk c, Payload p) {
            Batch batch = c.batch(b.dtype());
            Autodiff.ValueAndGrad vg = b.objective().valueAndGrad(b.params(p.params()), batch);
            double[] g = vg.grad().flatten().toDoubleArray();
            double[] out = new double[g.length + 1];
            out[0] = vg.value().item();
            System.arraycopy(g, 0, out, 1, g.length);
            return out;
        }
    },
    /** ∇²E_k(θ) v: one Hessian-vector product with the broadcast v (m numbers). */
    HESSIAN_VECTOR {
        @Override
        public double[] apply(ShardProblem.Built b, Chunk c, Payload p) {
            Batch batch = c.batch(b.dtype());
            Params theta = b.params(p.params());
            return LinearOperator.hessian(q -> b.objective().loss(q, batch), theta).apply(p.vector());
        }
    },
    /** [GC_k(θ)]: the chunk's mean ‖∂f/∂x‖²_F on the logits (exact). */
    GEOMETRIC_COMPLEXITY {
        @Override
        public double[] apply(ShardProblem.Built b, Chunk c, Payload p) {
            Batch batch = c.batch(b.dtype());
            return new double[] {GeometricComplexity.exact(b.model(), b.params(p.params()), batch.x()).item()};
        }
    },
    /** [fraction of the chunk's examples classified correctly]. */
    ACCURACY {
        @Override
        public double[] apply(ShardProblem.Built b, Chunk c, Payload p) {
            Batch batch = c.batch(b.dtype());
            return new double[] {Losses.accuracy(b.model().apply(b.params(p.params()), batch.x()), batch.y())};
        }
    }
}
