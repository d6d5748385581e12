package org.occam.nn;

import org.occam.tensor.DType;
import org.occam.tensor.Tensor;

/**
 * A model buffer (state that is saved and restored but never differentiated, e.g. BatchNorm's
 * {@code running_mean}): its local name, shape and constant initial value.
 */
public record BufferSpec(String name, int[] shape, double initial) {

    /** The same buffer under {@code prefix + name}. */
    public BufferSpec prefixed(String prefix) {
        return new BufferSpec(prefix + name, shape, initial);
    }

    /** The initial tensor. */
    public Tensor create(DType dtype) {
        return Tensor.full(initial, dtype, shape);
    }
}
