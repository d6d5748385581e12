package org.occam.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.occam.tensor.Shape;
import org.occam.tensor.Tensor;

/**
 * torch.nn.GroupNorm: the channels of [N, C, *] split into {@code groups} groups, each normalised
 * per sample over its channels and spatial positions (biased variance), then a per-channel affine
 * weight and bias. No buffers: the same in train and eval mode.
 *
 * @param groups the number of groups (a divisor of channels)
 * @param channels the number of channels C
 * @param eps added to the variance
 * @param affine whether to learn a per-channel scale and shift
 */
public record GroupNorm(int groups, int channels, double eps, boolean affine) implements Layer {

    /** Checks that channels is a positive multiple of groups. */
    public GroupNorm {
        if (groups <= 0 || channels <= 0 || channels % groups != 0) {
            throw new IllegalArgumentException("GroupNorm: channels (" + channels + ") must be a positive multiple of groups ("
                    + groups + ")");
        }
    }

    /**
     * torch.nn.GroupNorm(groups, channels) with eps 1e-5 and a learned scale and shift.
     *
     * @param groups the number of groups
     * @param channels the number of channels
     */
    public GroupNorm(int groups, int channels) {
        this(groups, channels, 1e-5, true);
    }

    @Override
    public List<ParamSpec> params() {
        List<ParamSpec> l = new ArrayList<>();
        if (affine) {
            l.add(new ParamSpec("weight", new int[] {channels}, new Init(Init.Kind.ONES, 1), channels, channels));
            l.add(new ParamSpec("bias", new int[] {channels}, new Init(Init.Kind.ZEROS, 1), channels, channels));
        }
        return l;
    }

    @Override
    public Tensor apply(Function<String, Tensor> param, Tensor x) {
        if (x.rank() < 2 || x.size(1) != channels) {
            throw new IllegalArgumentException(describe() + " got input of shape " + Shape.str(x.shapeRef()) + " (expected [N, "
                    + channels + ", ...])");
        }
        int[] shape = x.shape();
        Tensor g = x.reshape(shape[0], groups, -1);
        Tensor centered = g.sub(g.mean(2).unsqueeze(2));
        Tensor var = centered.square().mean(2).unsqueeze(2);
        Tensor y = centered.div(var.add(eps).sqrt()).reshape(shape);
        if (!affine) {
            return y;
        }
        int[] cs = new int[shape.length];
        Arrays.fill(cs, 1);
        cs[1] = channels;
        return y.mul(param.apply("weight").reshape(cs)).add(param.apply("bias").reshape(cs));
    }

    @Override
    public String describe() {
        return "GroupNorm(" + groups + ", " + channels + ", eps=" + eps + ", affine=" + (affine ? "True" : "False") + ")";
    }
}
