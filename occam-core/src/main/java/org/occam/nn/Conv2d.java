package org.occam.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.occam.tensor.Ops;
import org.occam.tensor.Tensor;

/**
 * torch.nn.Conv2d: weight [out, in, k, k], optional bias [out]; input [N, C, H, W].
 *
 * @param in input channels
 * @param out output channels
 * @param kernel the side k of the square kernel
 * @param stride the step between positions
 * @param padding zeros added on each side
 * @param bias whether there is a bias
 * @param weightInit the initializer of the weight
 */
public record Conv2d(int in, int out, int kernel, int stride, int padding, boolean bias, Init weightInit) implements Layer {

    /**
     * torch.nn.Conv2d with PyTorch's default initialization.
     *
     * @param in input channels
     * @param out output channels
     * @param kernel the side of the square kernel
     * @param stride the step between positions
     * @param padding zeros added on each side
     * @param bias whether there is a bias
     */
    public Conv2d(int in, int out, int kernel, int stride, int padding, boolean bias) {
        this(in, out, kernel, stride, padding, bias, Init.TORCH);
    }

    @Override
    public List<ParamSpec> params() {
        int fanIn = in * kernel * kernel;
        int fanOut = out * kernel * kernel;
        List<ParamSpec> l = new ArrayList<>();
        l.add(new ParamSpec("weight", new int[] {out, in, kernel, kernel}, weightInit, fanIn, fanOut));
        if (bias) {
            l.add(new ParamSpec("bias", new int[] {out}, Init.TORCH, fanIn, fanOut));
        }
        return l;
    }

    @Override
    public Tensor apply(Function<String, Tensor> param, Tensor x) {
        return Ops.conv2d(x, param.apply("weight"), bias ? param.apply("bias") : null, stride, padding);
    }

    @Override
    public String describe() {
        return "Conv2d(" + in + ", " + out + ", kernel_size=" + kernel + ", stride=" + stride + ", padding=" + padding
                + (bias ? "" : ", bias=False") + ")";
    }
}
