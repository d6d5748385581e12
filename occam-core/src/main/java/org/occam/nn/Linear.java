package org.occam.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.occam.tensor.Shape;
import org.occam.tensor.Tensor;

/**
 * y = x Wᵀ + b with W [out, in] and b [out], as torch.nn.Linear; leading axes of x are batch axes.
 *
 * @param in input features
 * @param out output features
 * @param bias whether there is a bias b
 * @param weightInit the initializer of W
 * @param biasInit the initializer of b
 */
public record Linear(int in, int out, boolean bias, Init weightInit, Init biasInit) implements Layer {

    /**
     * torch.nn.Linear(in, out, bias) with PyTorch's default initialization.
     *
     * @param in input features
     * @param out output features
     * @param bias whether there is a bias
     */
    public Linear(int in, int out, boolean bias) {
        this(in, out, bias, Init.TORCH, Init.TORCH);
    }

    @Override
    public List<ParamSpec> params() {
        List<ParamSpec> l = new ArrayList<>();
        l.add(new ParamSpec("weight", new int[] {out, in}, weightInit, in, out));
        if (bias) {
            l.add(new ParamSpec("bias", new int[] {out}, biasInit, in, out));
        }
        return l;
    }

    @Override
    public Tensor apply(Function<String, Tensor> param, Tensor x) {
        if (x.size(-1) != in) {
            throw new IllegalArgumentException("Linear(" + in + ", " + out + ") got input of shape "
                    + Shape.str(x.shapeRef()) + " (last axis must be " + in + ")");
        }
        Tensor y = x.matmul(param.apply("weight").t());
        return bias ? y.add(param.apply("bias")) : y;
    }

    @Override
    public String describe() {
        return "Linear(" + in + ", " + out + (bias ? "" : ", bias=False") + ")";
    }
}
