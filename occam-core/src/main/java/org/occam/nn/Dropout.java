package org.occam.nn;

import java.util.List;
import java.util.function.Function;
import org.occam.tensor.Tensor;

/**
 * torch.nn.Dropout: in TRAIN mode each element is zeroed with probability p and the rest scaled by
 * 1/(1 − p); the mask is a constant drawn from the forward pass's key and the layer's name, so the
 * same key gives the same mask (a fixed function of the parameters for measurements). Identity in
 * EVAL mode.
 *
 * @param p the probability of zeroing an element, in [0, 1)
 */
public record Dropout(double p) implements Layer {

    /** Checks that p is in [0, 1). */
    public Dropout {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("Dropout probability must be in [0, 1), got " + p);
        }
    }

    @Override
    public List<ParamSpec> params() {
        return List.of();
    }

    @Override
    public Tensor apply(Function<String, Tensor> param, Tensor x) {
        return apply(param, Forward.ambient(), x);
    }

    @Override
    public Tensor apply(Function<String, Tensor> param, Forward frame, Tensor x) {
        Forward f = Forward.required(frame, describe());
        if (f.mode() == Mode.EVAL || p == 0) {
            return x;
        }
        Tensor mask = f.rng("mask").bernoulli(x.dtype(), 1 - p, x.shape()).div(1 - p);
        return x.mul(mask);
    }

    @Override
    public String describe() {
        return "Dropout(p=" + p + ")";
    }
}
