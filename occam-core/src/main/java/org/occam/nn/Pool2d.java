package org.occam.nn;

import java.util.List;
import java.util.function.Function;
import org.occam.tensor.Ops;
import org.occam.tensor.Tensor;

/**
 * torch.nn.MaxPool2d / AvgPool2d (count_include_pad=True).
 *
 * @param max whether to take the maximum (else the average) of each window
 * @param kernel the window's side
 * @param stride the step between windows
 * @param padding zeros added on each side (counted in the average)
 */
public record Pool2d(boolean max, int kernel, int stride, int padding) implements Layer {

    @Override
    public List<ParamSpec> params() {
        return List.of();
    }

    @Override
    public Tensor apply(Function<String, Tensor> param, Tensor x) {
        return max ? Ops.maxPool2d(x, kernel, stride, padding) : Ops.avgPool2d(x, kernel, stride, padding);
    }

    @Override
    public String describe() {
        return (max ? "MaxPool2d" : "AvgPool2d") + "(kernel_size=" + kernel + ", stride=" + stride + ", padding=" + padding + ")";
    }
}
