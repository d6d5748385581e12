package org.occam.shard;

import java.io.Serializable;
import org.occam.autodiff.Params;
import org.occam.nn.Mode;
import org.occam.nn.Model;
import org.occam.nn.ModelState;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/**
 * What every chunk computation needs besides its chunk and the broadcast vectors, as plain values
 * that travel to executors (docs/sharded-objective.md): the model spec, the loss name, the dtype,
 * the mode and the model's buffers (BatchNorm running statistics, in eval mode), and the size N
 * of the whole data set, which weights chunk k's mean by n_k/N.
 *
 * @param modelSpec a model spec ({@link Models#parse})
 * @param loss      cross_entropy, mse, logistic or exponential ({@link Objective#parse})
 * @param dtype     float32 or float64
 * @param mode      eval or train; train is refused for models with buffers (statistics would be per chunk)
 * @param state     the buffers flattened (empty: the model's initial buffers)
 * @param total     N, the examples of the whole data set
 */
public record ShardProblem(String modelSpec, String loss, String dtype, String mode, double[] state, int total)
        implements Serializable {

    /** Checks that the model spec, loss and dtype parse, that a model with buffers runs in eval mode, and that N ≥ 1. */
    public ShardProblem {
        Sequential net = Models.parse(modelSpec);
        Objective.parse(loss, net);
        DType.parse(dtype);
        if (net.stateful() && Mode.parse(mode) == Mode.TRAIN) {
            throw new IllegalArgumentException("a sharded objective of " + modelSpec + " in train mode would normalise each"
                    + " chunk with its own batch statistics; use eval mode (running statistics)");
        }
        if (total < 1) {
            throw new IllegalArgumentException("a sharded objective needs a non-empty data set, got N = " + total);
        }
    }

    /**
     * The problem of a model with its buffers (ignored for a model without).
     *
     * @param modelSpec the model spec, e.g. {@code mlp:784-64-10:relu}
     * @param loss the loss's name
     * @param dtype float32 or float64
     * @param mode eval or train
     * @param state the buffers
     * @param total N
     * @return the problem
     */
    public static ShardProblem of(String modelSpec, String loss, DType dtype, Mode mode, ModelState state, int total) {
        double[] s = state == null || state.isEmpty() ? new double[0] : state.buffers().flatten().toDoubleArray();
        return new ShardProblem(modelSpec, loss, dtype.label(), mode.label(), s, total);
    }

    /**
     * The model, objective and parameter template, built where the chunk is computed.
     *
     * @return the built problem
     */
    public Built build() {
        DType dt = DType.parse(dtype);
        Sequential spec = Models.parse(modelSpec);
        ModelState st = spec.initState(dt);
        if (!st.isEmpty() && state.length > 0) { // else: the model's initial buffers
            st = new ModelState(st.buffers().unflatten(Tensor.of(dt, state, state.length)));
        }
        Model net = spec.bind(st, Mode.parse(mode));
        return new Built(this, net, Objective.parse(loss, net), spec.init(Rng.seed(0), dt), dt);
    }

    /**
     * The problem made concrete on one machine.
     *
     * @param problem   the problem it was built from
     * @param model     the network bound to its buffers and mode
     * @param objective the mean loss of a batch
     * @param template  a parameter tree with the model's names and shapes
     * @param dtype     the computation's dtype
     */
    public record Built(ShardProblem problem, Model model, Objective objective, Params template, DType dtype) {

        /**
         * Parameters from their flattened values.
         *
         * @param flat the flattened values, in the template's order
         * @return the parameters
         */
        public Params params(double[] flat) {
            return template.unflatten(Tensor.of(dtype, flat, flat.length));
        }

        /**
         * Chunk k's leaf of the tree sum: the op's value on the chunk, weighted by n_k/N.
         *
         * @param op what to compute
         * @param chunk chunk k
         * @param payload the broadcast parameters (and vector)
         * @return (n_k/N)·op(chunk k)
         */
        public double[] leaf(ChunkOp op, Chunk chunk, Payload payload) {
            double[] r = op.apply(this, chunk, payload);
            double w = (double) chunk.size() / problem.total();
            double[] out = new double[r.length];
            for (int i = 0; i < r.length; i++) {
                out[i] = w * r[i];
            }
            return out;
        }
    }
}
