package org.occam.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.occam.tensor.BatchNormResult;
import org.occam.tensor.Ops;
import org.occam.tensor.Recording;
import org.occam.tensor.Shape;
import org.occam.tensor.Tensor;

/**
 * torch.nn.BatchNorm1d ({@code spatialDims} 0 or 1: input [N, C] or [N, C, L]) and BatchNorm2d
 * ({@code spatialDims} 2: [N, C, H, W]). TRAIN normalises with the batch mean and biased batch
 * variance over every axis but the channel axis, and updates the buffers as PyTorch does:
 * running_mean ← (1 − momentum)·running_mean + momentum·mean, running_var ← (1 − momentum)·running_var
 * + momentum·var·n/(n − 1) (unbiased), num_batches_tracked ← +1. EVAL normalises with the buffers.
 * Names: weight, bias (affine), running_mean, running_var, num_batches_tracked. TRAIN is the fused
 * {@link Ops#batchNorm} (it saves only the input and per-channel statistics), EVAL the fused
 * {@link Ops#channelAffine}; both differentiate to any order, the batch-statistics coupling included.
 *
 * @param features the number of channels C
 * @param spatialDims the number of axes after C: 0 or 1 for BatchNorm1d, 2 for BatchNorm2d
 * @param eps added to the variance
 * @param momentum the weight of the batch statistics in each running-average update
 * @param affine whether to learn a per-channel scale and shift
 */
public record BatchNorm(int features, int spatialDims, double eps, double momentum, boolean affine) implements Layer {

    /** Checks the sizes, momentum in [0, 1] and eps above 0. */
    public BatchNorm {
        if (features <= 0 || spatialDims < 0 || spatialDims > 2) {
            throw new IllegalArgumentException("BatchNorm needs features > 0 and 0..2 spatial axes, got " + features + ", "
                    + spatialDims);
        }
        if (!(momentum >= 0 && momentum <= 1) || !(eps > 0)) {
            throw new IllegalArgumentException("BatchNorm needs momentum in [0, 1] and eps > 0, got momentum=" + momentum
                    + ", eps=" + eps);
        }
    }

    /**
     * torch.nn.BatchNorm1d(features) with eps 1e-5, momentum 0.1, affine.
     *
     * @param features the number of channels
     * @return the layer
     */
    public static BatchNorm d1(int features) {
        return new BatchNorm(features, 1, 1e-5, 0.1, true);
    }

    /**
     * torch.nn.BatchNorm2d(features) with eps 1e-5, momentum 0.1, affine.
     *
     * @param features the number of channels
     * @return the layer
     */
    public static BatchNorm d2(int features) {
        return new BatchNorm(features, 2, 1e-5, 0.1, true);
    }

    @Override
    public List<ParamSpec> params() {
        List<ParamSpec> l = new ArrayList<>();
        if (affine) {
            l.add(new ParamSpec("weight", new int[] {features}, new Init(Init.Kind.ONES, 1), features, features));
            l.add(new ParamSpec("bias", new int[] {features}, new Init(Init.Kind.ZEROS, 1), features, features));
        }
        return l;
    }

    @Override
    public List<BufferSpec> buffers() {
        return List.of(new BufferSpec("running_mean", new int[] {features}, 0),
                new BufferSpec("running_var", new int[] {features}, 1),
                new BufferSpec("num_batches_tracked", new int[] {}, 0));
    }

    @Override
    public Tensor apply(Function<String, Tensor> param, Tensor x) {
        return apply(param, Forward.ambient(), x);
    }

    @Override
    public Tensor apply(Function<String, Tensor> param, Forward frame, Tensor x) {
        Forward f = Forward.required(frame, describe());
        checkShape(x);
        Tensor weight = affine ? param.apply("weight") : null;
        Tensor bias = affine ? param.apply("bias") : null;
        if (f.mode() == Mode.TRAIN) {
            int n = x.numel() / features;
            if (n < 2) {
                throw new IllegalArgumentException(describe() + ": expected more than 1 value per channel when training, got input "
                        + Shape.str(x.shapeRef()));
            }
            BatchNormResult r = Ops.batchNorm(x, weight, bias, eps);
            updateBuffers(f, r.mean(), r.var(), n);
            return r.output();
        }
        // EVAL: an affine map per channel, scale = weight/√(running_var + eps), shift = bias − running_mean·scale
        Tensor invStd = Tensor.scalar(1, x.dtype()).div(f.buffer("running_var").add(eps).sqrt());
        Tensor scale = affine ? weight.mul(invStd) : invStd;
        Tensor shift = f.buffer("running_mean").mul(scale).neg();
        return Ops.channelAffine(x, scale, affine ? shift.add(bias) : shift);
    }

    private void updateBuffers(Forward f, Tensor mean, Tensor var, int n) {
        Recording.noGrad(() -> {
            Tensor m = mean.detach();
            Tensor v = var.detach().mul((double) n / (n - 1));
            f.update("running_mean", f.buffer("running_mean").mul(1 - momentum).add(m.mul(momentum)));
            f.update("running_var", f.buffer("running_var").mul(1 - momentum).add(v.mul(momentum)));
            f.update("num_batches_tracked", f.buffer("num_batches_tracked").add(1));
            return null;
        });
    }

    private void checkShape(Tensor x) {
        boolean ok = spatialDims == 2 ? x.rank() == 4 : x.rank() == 2 || x.rank() == 3;
        if (!ok || x.size(1) != features) {
            throw new IllegalArgumentException(describe() + " got input of shape " + Shape.str(x.shapeRef()) + " (expected "
                    + (spatialDims == 2 ? "[N, " + features + ", H, W]" : "[N, " + features + "] or [N, " + features + ", L]")
                    + ")");
        }
    }

    @Override
    public String describe() {
        return "BatchNorm" + (spatialDims == 2 ? "2d" : "1d") + "(" + features + ", eps=" + eps + ", momentum=" + momentum
                + ", affine=" + (affine ? "True" : "False") + ", track_running_stats=True)";
    }
}
