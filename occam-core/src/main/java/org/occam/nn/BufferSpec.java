package org.occam.nn;

import org.occam.tensor.DType;
import org.occam.tensor.Tensor;

/**
 * A model buffer (state that is saved and restored but never differentiated, e.g. BatchNorm's
 * {@code running_mean}): its local name, shape and constant initial value.
 *
 * @param name the buffer's name inside its layer, e.g. {@code running_mean}
 * @param shape its shape
 * @param initial the value of every element at the start
 */
public record BufferSpec(String name, int[] shape, double initial) {

    /**
     * The same buffer under {@code prefix + name}.
     *
     * @param prefix the path of the owning layer, ending in a dot
     * @return the renamed spec
     */
    public BufferSpec prefixed(String prefix) {
        return new BufferSpec(prefix + name, shape, initial);
    }

    /**
     * The initial tensor.
     *
     * @param dtype the tensor's dtype
     * @return a tensor of the shape filled with the initial value
     */
    public Tensor create(DType dtype) {
        return Tensor.full(initial, dtype, shape);
    }
}
