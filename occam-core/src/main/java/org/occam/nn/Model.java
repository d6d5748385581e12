package org.occam.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.occam.autodiff.Params;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * A network as a function of (parameters, input), with its seeded initialization. A model with
 * buffers (BatchNorm) is a function of (parameters, state, input, mode) returning the output and
 * the updated state ({@link #forward}); {@link #bind} fixes state and mode to give back a function
 * of the parameters, which is what measurements differentiate.
 */
public interface Model {

    /**
     * The model's output for input x under parameters p.
     *
     * @param p the parameters
     * @param x the input batch
     * @return the output
     */
    Tensor apply(Params p, Tensor x);

    /**
     * Fresh parameters, drawn from each layer's initializer in order.
     *
     * @param rng the generator to draw from
     * @param dtype the parameters' dtype
     * @return the parameters, named as PyTorch names them
     */
    Params init(Rng rng, DType dtype);

    /**
     * A PyTorch-style description of the architecture.
     *
     * @return the description
     */
    String describe();

    /**
     * An output and the model state after the pass that produced it.
     *
     * @param output the model's output
     * @param state the buffers after the pass
     */
    record Output(Tensor output, ModelState state) {
    }

    /**
     * The buffers' names, shapes and initial values (empty for a stateless model).
     *
     * @return the buffer specs, named as in PyTorch's state_dict
     */
    default List<BufferSpec> buffers() {
        return List.of();
    }

    /**
     * The initial state: BatchNorm's running_mean 0, running_var 1, num_batches_tracked 0.
     *
     * @param dtype the buffers' dtype
     * @return the initial state
     */
    default ModelState initState(DType dtype) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (BufferSpec b : buffers()) {
            m.put(b.name(), b.create(dtype));
        }
        return ModelState.of(m);
    }

    /**
     * True when the model has buffers, so its output depends on a state and a mode.
     *
     * @return whether there are buffers
     */
    default boolean stateful() {
        return !buffers().isEmpty();
    }

    /**
     * The output for x in {@code mode} with buffers {@code state}, and the state after the pass
     * (updated running statistics in TRAIN mode, unchanged in EVAL); dropout masks are drawn from
     * {@code key}.
     *
     * @param p the parameters
     * @param state the buffers before the pass
     * @param x the input batch
     * @param mode TRAIN (batch statistics, dropout on) or EVAL (running statistics)
     * @param key the seed of this pass's dropout masks
     * @return the output and the buffers after the pass
     */
    default Output forward(Params p, ModelState state, Tensor x, Mode mode, long key) {
        Forward f = Forward.of(state, mode, key);
        Tensor y = f.run(() -> apply(p, x));
        return new Output(y, f.state());
    }

    /**
     * {@link #forward(Params, ModelState, Tensor, Mode, long)} with dropout key 0.
     *
     * @param p the parameters
     * @param state the buffers before the pass
     * @param x the input batch
     * @param mode TRAIN or EVAL
     * @return the output and the buffers after the pass
     */
    default Output forward(Params p, ModelState state, Tensor x, Mode mode) {
        return forward(p, state, x, mode, 0);
    }

    /**
     * This model as a function of the parameters alone, with the buffers fixed at {@code state}
     * and the given mode (EVAL: a fixed function of the parameters; TRAIN: batch statistics, as
     * PyHessian measures). The updated buffers of TRAIN passes are discarded, so measuring
     * through a bound model never changes the state.
     *
     * @param state the buffers to hold fixed
     * @param mode the mode of every pass
     * @return the bound model
     */
    default Model bind(ModelState state, Mode mode) {
        Model self = this;
        return new Model() {
            @Override
            public Tensor apply(Params p, Tensor x) {
                return self.forward(p, state, x, mode).output();
            }

            @Override
            public Params init(Rng rng, DType dtype) {
                return self.init(rng, dtype);
            }

            @Override
            public String describe() {
                return self.describe() + " in " + mode.label() + " mode";
            }
        };
    }
}
