package org.occam.nn;

import java.util.List;
import java.util.function.Function;
import org.occam.tensor.Ops;
import org.occam.tensor.Shape;
import org.occam.tensor.Tensor;

/**
 * torch.nn.AdaptiveAvgPool2d(output_size): [N, C, H, W] to [N, C, s, s] by averaging equal
 * windows; output size 1 is global average pooling. Sizes that do not divide H and W (where
 * PyTorch uses overlapping windows) are not supported.
 *
 * @param outputSize the side s of the square output
 */
public record AdaptiveAvgPool2d(int outputSize) implements Layer {

    @Override
    public List<ParamSpec> params() {
        return List.of();
    }

    @Override
    public Tensor apply(Function<String, Tensor> param, Tensor x) {
        if (x.rank() != 4) {
            throw new IllegalArgumentException(describe() + " needs input [N, C, H, W], got " + Shape.str(x.shapeRef()));
        }
        int h = x.size(2);
        int w = x.size(3);
        if (outputSize == 1) {
            return Ops.mean(x, true, 2, 3);
        }
        if (h != w || h % outputSize != 0) {
            throw new UnsupportedOperationException(describe() + " on a " + h + "x" + w + " map: only square maps whose side is"
                    + " a multiple of the output size are supported");
        }
        int k = h / outputSize;
        return Ops.avgPool2d(x, k, k, 0);
    }

    @Override
    public String describe() {
        return "AdaptiveAvgPool2d(output_size=" + outputSize + ")";
    }
}
