package org.occam.nn;

import java.util.List;
import java.util.function.Function;
import org.occam.tensor.Tensor;

/**
 * One layer: a function of its own parameters (looked up by local name, e.g. "weight") and an
 * input. Layers hold no tensors; parameters live in a {@link org.occam.autodiff.Params} tree and
 * buffers (BatchNorm's running statistics) in a {@link ModelState}.
 */
public interface Layer {

    /**
     * The layer's parameters with their shapes and initializers (empty for activations).
     *
     * @return the parameter specs, named locally
     */
    List<ParamSpec> params();

    /**
     * The layer applied to x with parameters given by local name.
     *
     * @param param the parameters by local name
     * @param x the input
     * @return the output
     */
    Tensor apply(Function<String, Tensor> param, Tensor x);

    /**
     * A short description for summaries, e.g. "Linear(784, 512)".
     *
     * @return the description
     */
    String describe();

    /**
     * The layer's buffers (empty unless it keeps running statistics).
     *
     * @return the buffer specs, named locally
     */
    default List<BufferSpec> buffers() {
        return List.of();
    }

    /**
     * The layer applied in a forward frame (mode, buffers, dropout key; may be null for stateless
     * layers); stateless layers ignore it, containers pass each child its {@link Forward#child view}.
     *
     * @param param the parameters by local name
     * @param frame the forward frame, or null
     * @param x the input
     * @return the output
     */
    default Tensor apply(Function<String, Tensor> param, Forward frame, Tensor x) {
        return apply(param, x);
    }
}
