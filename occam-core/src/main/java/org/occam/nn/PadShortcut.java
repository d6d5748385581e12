package org.occam.nn;

import java.util.List;
import java.util.function.Function;
import org.occam.tensor.Ops;
import org.occam.tensor.Tensor;

/**
 * Option A of He et al.'s CIFAR ResNets: the identity shortcut subsampled by the stride
 * (x[:, :, ::s, ::s]) and zero-padded with (out − in)/2 channels on each side; no parameters.
 *
 * @param in input channels
 * @param out output channels (in plus an even number)
 * @param stride the subsampling stride
 */
public record PadShortcut(int in, int out, int stride) implements Layer {

    /** Checks that out − in is even and non-negative. */
    public PadShortcut {
        if (out < in || (out - in) % 2 != 0) {
            throw new IllegalArgumentException("option-A shortcut pads channels symmetrically: out (" + out + ") − in (" + in
                    + ") must be even and non-negative");
        }
    }

    @Override
    public List<ParamSpec> params() {
        return List.of();
    }

    @Override
    public Tensor apply(Function<String, Tensor> param, Tensor x) {
        Tensor s = stride == 1 ? x : Ops.avgPool2d(x, 1, stride, 0);
        int pad = (out - in) / 2;
        if (pad == 0) {
            return s;
        }
        int[] shape = s.shape();
        shape[1] = pad;
        Tensor zeros = Tensor.zeros(s.dtype(), shape);
        return Ops.concat(1, zeros, s, zeros);
    }

    @Override
    public String describe() {
        return "PadShortcut(" + in + " -> " + out + ", stride=" + stride + ")";
    }
}
