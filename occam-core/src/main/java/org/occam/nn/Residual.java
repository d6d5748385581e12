package org.occam.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.occam.tensor.Tensor;

/**
 * x + body(x), followed by an optional activation. Parameters are named "body.i.weight", as a
 * torch module holding {@code self.body = nn.Sequential(...)} would name them.
 *
 * @param body the residual branch
 * @param after the activation applied after the sum ({@link Activation#IDENTITY}: none)
 */
public record Residual(Sequential body, Activation after) implements Layer {

    @Override
    public List<ParamSpec> params() {
        List<ParamSpec> l = new ArrayList<>();
        for (ParamSpec p : body.params()) {
            l.add(new ParamSpec("body." + p.name(), p.shape(), p.init(), p.fanIn(), p.fanOut()));
        }
        return l;
    }

    @Override
    public Tensor apply(Function<String, Tensor> param, Tensor x) {
        return apply(param, Forward.ambient(), x);
    }

    @Override
    public List<BufferSpec> buffers() {
        List<BufferSpec> l = new ArrayList<>();
        for (BufferSpec b : body.buffers()) {
            l.add(b.prefixed("body."));
        }
        return l;
    }

    @Override
    public Tensor apply(Function<String, Tensor> param, Forward frame, Tensor x) {
        Tensor y = x.add(body.apply(name -> param.apply("body." + name), frame == null ? null : frame.child("body"), x));
        return after.apply(y);
    }

    @Override
    public String describe() {
        return "Residual(" + body.describe() + ", then " + after.describe() + ")";
    }
}
