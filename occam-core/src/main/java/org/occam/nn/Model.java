package org.occam.nn;

import org.occam.autodiff.Params;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/** A network as a function of (parameters, input), with its seeded initialization. */
public interface Model {

    /** The model's output for input x under parameters p. */
    Tensor apply(Params p, Tensor x);

    /** Fresh parameters, drawn from each layer's initializer in order. */
    Params init(Rng rng, DType dtype);

    /** A PyTorch-style description of the architecture. */
    String describe();
}
