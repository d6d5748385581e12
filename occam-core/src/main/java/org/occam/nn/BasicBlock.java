package org.occam.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.occam.tensor.Tensor;

/**
 * The ResNet basic block of He et al. (2016) as the CIFAR codes write it:
 * relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x)), 3×3 convolutions without bias, the first
 * with {@code stride}. When the shape changes (stride ≠ 1 or in ≠ out) the shortcut is either a
 * projection, {@code shortcut.0} = 1×1 strided conv and {@code shortcut.1} = BatchNorm2d (option
 * B, kuangliu's ResNet-18), or the parameter-free option A of the ResNet paper's CIFAR nets
 * (akamaster's layout): x subsampled by the stride and zero-padded to {@code out} channels.
 * Parameter and buffer names are those of the PyTorch modules.
 *
 * @param in input channels
 * @param out output channels
 * @param stride the stride of the first convolution and of the shortcut
 * @param projection whether a mismatched shortcut is a 1×1 convolution with BatchNorm (option B) rather than padding (option A)
 * @param convInit the initializer of the convolutions
 */
public record BasicBlock(int in, int out, int stride, boolean projection, Init convInit) implements Block {

    @Override
    public Sequential parts() {
        List<Layer> l = new ArrayList<>(List.of(new Conv2d(in, out, 3, stride, 1, false, convInit), BatchNorm.d2(out),
                new Conv2d(out, out, 3, 1, 1, false, convInit), BatchNorm.d2(out)));
        List<String> names = new ArrayList<>(List.of("conv1", "bn1", "conv2", "bn2"));
        if (downsamples()) {
            l.add(projection
                    ? Sequential.of(new Conv2d(in, out, 1, stride, 0, false, convInit), BatchNorm.d2(out))
                    : new PadShortcut(in, out, stride));
            names.add("shortcut");
        }
        return new Sequential(l, names);
    }

    private boolean downsamples() {
        return stride != 1 || in != out;
    }

    @Override
    public Tensor apply(Function<String, Tensor> param, Forward frame, Tensor x) {
        Sequential p = parts();
        Tensor h = p.applyChild(1, param, frame, p.applyChild(0, param, frame, x)).relu();
        h = p.applyChild(3, param, frame, p.applyChild(2, param, frame, h));
        Tensor skip = downsamples() ? p.applyChild(4, param, frame, x) : x;
        return h.add(skip).relu();
    }

    @Override
    public String describe() {
        return "BasicBlock(" + in + ", " + out + ", stride=" + stride
                + (downsamples() ? (projection ? ", shortcut=conv1x1+bn" : ", shortcut=A") : "") + ")";
    }
}
