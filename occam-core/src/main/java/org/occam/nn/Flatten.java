package org.occam.nn;

import java.util.List;
import java.util.function.Function;
import org.occam.tensor.Tensor;

/** torch.nn.Flatten: [N, ...] to [N, prod(...)]. */
public record Flatten() implements Layer {
    @Override
    public List<ParamSpec> params() {
        return List.of();
    }

    @Override
    public Tensor apply(Function<String, Tensor> param, Tensor x) {
        return x.reshape(x.size(0), -1);
    }

    @Override
    public String describe() {
        return "Flatten()";
    }
}
