package org.occam.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.occam.tensor.Tensor;

/**
 * The pre-activation block of wide residual networks (Zagoruyko and Komodakis, 2016), in the
 * layout of the common PyTorch code (xternalz/WideResNet-pytorch): bn1-relu-conv1(stride)-bn2-relu
 * -[dropout]-conv2, added to x, or, when in ≠ out, to {@code convShortcut} (1×1, strided) of the
 * pre-activated input. Names: bn1, conv1, bn2, conv2, convShortcut.
 *
 * @param in input channels
 * @param out output channels
 * @param stride the stride of the first convolution
 * @param dropRate the dropout probability between the two convolutions (0: none)
 */
public record WideBlock(int in, int out, int stride, double dropRate) implements Block {

    @Override
    public Sequential parts() {
        List<Layer> l = new ArrayList<>(List.of(BatchNorm.d2(in), new Conv2d(in, out, 3, stride, 1, false, Init.parse("he")),
                BatchNorm.d2(out), new Dropout(dropRate), new Conv2d(out, out, 3, 1, 1, false, Init.parse("he"))));
        List<String> names = new ArrayList<>(List.of("bn1", "conv1", "bn2", "dropout", "conv2"));
        if (in != out) {
            l.add(new Conv2d(in, out, 1, stride, 0, false, Init.parse("he")));
            names.add("convShortcut");
        }
        return new Sequential(l, names);
    }

    @Override
    public Tensor apply(Function<String, Tensor> param, Forward frame, Tensor x) {
        Sequential p = parts();
        Tensor pre = p.applyChild(0, param, frame, x).relu();
        Tensor h = p.applyChild(2, param, frame, p.applyChild(1, param, frame, pre)).relu();
        if (dropRate > 0) {
            h = p.applyChild(3, param, frame, h);
        }
        h = p.applyChild(4, param, frame, h);
        Tensor skip = in == out ? x : p.applyChild(5, param, frame, pre);
        return skip.add(h);
    }

    @Override
    public String describe() {
        return "WideBlock(" + in + ", " + out + ", stride=" + stride + (dropRate > 0 ? ", dropRate=" + dropRate : "") + ")";
    }
}
