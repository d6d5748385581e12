package org.occam.nn;

import java.util.List;
import java.util.function.Function;
import org.occam.tensor.Tensor;

/**
 * A residual block built from named children ({@link #parts()}): its parameters and buffers are
 * those of the children, and it runs in a forward frame (the ambient one when called without).
 * A block only says how its children are wired, in {@link #apply(Function, Forward, Tensor)}.
 */
public interface Block extends Layer {

    /**
     * The block's children with their PyTorch names.
     *
     * @return the children as a named sequence
     */
    Sequential parts();

    @Override
    default List<ParamSpec> params() {
        return parts().params();
    }

    @Override
    default List<BufferSpec> buffers() {
        return parts().buffers();
    }

    @Override
    default Tensor apply(Function<String, Tensor> param, Tensor x) {
        return apply(param, Forward.ambient(), x);
    }

    @Override
    Tensor apply(Function<String, Tensor> param, Forward frame, Tensor x);
}
