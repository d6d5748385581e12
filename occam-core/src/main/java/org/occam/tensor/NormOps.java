package org.occam.tensor;

import java.util.Arrays;
import org.occam.tensor.kernel.ChannelNorm;
import org.occam.tensor.kernel.Strided;

/**
 * Batch normalisation over the channel axis 1 of x [N, C, ...] as two fused ops: the training form
 * (batch statistics) and a per-channel affine map (the evaluation form, with the running buffers
 * folded into its scale and shift). Each saves only its inputs and per-channel numbers; where no
 * higher-order graph is being built the backward pass is one fused kernel, otherwise it is written
 * with differentiable ops, so derivatives of every order exist.
 */
final class NormOps {
    private NormOps() {
    }

    /**
     * Training-mode batch norm: y = (x − mean)/√(var + eps)·weight + bias with the biased batch
     * variance; weight and bias [C] may be null (no affine map). Returns y and the batch mean and
     * biased variance [C] as constants.
     */
    static BatchNormResult batchNorm(Tensor x, Tensor weight, Tensor bias, double eps) {
        int[] dims = layout("batch_norm", x, weight, bias);
        int n = dims[0];
        int c = dims[1];
        int s = dims[2];
        double[] mean = new double[c];
        double[] var = new double[c];
        double[] invStd = new double[c];
        double[] scale = new double[c];
        Tensor xd = Tensor.from(Strided.dense(x.buffer()));
        boolean f64 = x.dtype() == DType.FLOAT64;
        if (f64) {
            ChannelNorm.stats(xd.doubleData(), n, c, s, mean, var);
        } else {
            ChannelNorm.stats(xd.floatData(), n, c, s, mean, var);
        }
        double[] w = weight == null ? null : weight.toDoubleArray();
        double[] b = bias == null ? null : bias.toDoubleArray();
        for (int ch = 0; ch < c; ch++) {
            invStd[ch] = 1 / Math.sqrt(var[ch] + eps);
            scale[ch] = invStd[ch] * (w == null ? 1 : w[ch]);
        }
        Tensor y = f64 ? normalize(xd.doubleData(), dims, mean, scale, b, x.shapeRef())
                : normalize(xd.floatData(), dims, mean, scale, b, x.shapeRef());
        Saved saved = new Saved(xd, dims, mean, invStd, w, eps);
        Tensor out = Node.record("batch_norm", y, g -> backward(g, x, weight, bias, saved), x, weight, bias);
        return new BatchNormResult(out, Tensor.of(x.dtype(), mean, c), Tensor.of(x.dtype(), var, c));
    }

    /** y = x·scale[c] + shift[c] over the channel axis 1 of x; shift may be null. */
    static Tensor channelAffine(Tensor x, Tensor scale, Tensor shift) {
        int[] dims = layout("channel_affine", x, scale, shift);
        Tensor xd = Tensor.from(Strided.dense(x.buffer()));
        double[] k = scale.toDoubleArray();
        double[] t = shift == null ? null : shift.toDoubleArray();
        Tensor y = x.dtype() == DType.FLOAT64 ? normalize(xd.doubleData(), dims, null, k, t, x.shapeRef())
                : normalize(xd.floatData(), dims, null, k, t, x.shapeRef());
        int[] axes = reducedAxes(x.rank());
        return Node.record("channel_affine", y, g -> new Tensor[] {
            BinaryOps.need(x, () -> channelAffine(g, scale, null)),
            BinaryOps.need(scale, () -> channelDot(g, x)),
            shift == null ? null : BinaryOps.need(shift, () -> ReduceOps.sum(g, false, axes))}, x, scale, shift);
    }

    /**
     * Σ a·b over every axis but the channel axis 1 of a and b [N, C, ...] of one shape and dtype, as
     * [C]: one pass, no a·b temporary (the scale gradient of {@link #channelAffine}). Its backward
     * is two channel-affine maps (da = u[c]·b, db = u[c]·a), so it differentiates to any order.
     */
    static Tensor channelDot(Tensor a, Tensor b) {
        if (!Arrays.equals(a.shapeRef(), b.shapeRef()) || a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("channel_dot needs two tensors of one shape and dtype, got " + a.dtype() + " "
                    + Shape.str(a.shapeRef()) + " and " + b.dtype() + " " + Shape.str(b.shapeRef()));
        }
        int[] dims = layout("channel_dot", a);
        int c = dims[1];
        double[] sums = new double[c];
        double[] dots = new double[c];
        Tensor ad = Tensor.from(Strided.dense(a.buffer()));
        Tensor bd = Tensor.from(Strided.dense(b.buffer()));
        if (a.dtype() == DType.FLOAT64) {
            ChannelNorm.gradSums(ad.doubleData(), bd.doubleData(), dims[0], c, dims[2], new double[c], sums, dots);
        } else {
            ChannelNorm.gradSums(ad.floatData(), bd.floatData(), dims[0], c, dims[2], new double[c], sums, dots);
        }
        return Node.record("channel_dot", Tensor.of(a.dtype(), dots, c), u -> new Tensor[] {
            BinaryOps.need(a, () -> channelAffine(b, u, null)),
            BinaryOps.need(b, () -> channelAffine(a, u, null))}, a, b);
    }

    /** What the training form keeps for its backward pass: the input and per-channel numbers. */
    private record Saved(Tensor x, int[] dims, double[] mean, double[] invStd, double[] weight, double eps) {
    }

    private static Tensor[] backward(Tensor g, Tensor x, Tensor weight, Tensor bias, Saved saved) {
        boolean higherOrder = Recording.enabled()
                && (g.requiresGrad() || x.requiresGrad() || (weight != null && weight.requiresGrad()));
        return higherOrder ? differentiableBackward(g, x, weight, bias, saved.eps()) : fusedBackward(g, weight, bias, saved);
    }

    /**
     * dx = (gw − mean(gw) − x̂·mean(gw·x̂))/√(var + eps) with gw = g·weight, dweight = Σ g·x̂,
     * dbias = Σ g, with the statistics recomputed from x by differentiable ops.
     */
    private static Tensor[] differentiableBackward(Tensor g, Tensor x, Tensor weight, Tensor bias, double eps) {
        int[] axes = reducedAxes(x.rank());
        int[] channel = channelShape(x.rank(), x.shapeRef()[1]);
        double count = (double) x.numel() / x.shapeRef()[1];
        Tensor mean = ReduceOps.sum(x, true, axes).div(count);
        Tensor centered = x.sub(mean);
        Tensor std = ReduceOps.sum(centered.square(), true, axes).div(count).add(eps).sqrt();
        Tensor xHat = centered.div(std);
        Tensor gw = weight == null ? g : g.mul(ViewOps.reshape(weight, channel));
        Tensor dx = BinaryOps.need(x, () -> gw.sub(ReduceOps.sum(gw, true, axes).div(count))
                .sub(xHat.mul(ReduceOps.sum(gw.mul(xHat), true, axes).div(count))).div(std));
        Tensor dw = weight == null ? null : BinaryOps.need(weight, () -> ReduceOps.sum(g.mul(xHat), false, axes));
        Tensor db = bias == null ? null : BinaryOps.need(bias, () -> ReduceOps.sum(g, false, axes));
        return new Tensor[] {dx, dw, db};
    }

    /**
     * The same rule as one kernel: with Σg and Σg·(x − mean) per channel, dx = a·g + p·(x − mean) + r
     * where a = w/σ, p = −w·Σg(x − mean)/(m σ³), r = −a·Σg/m (σ = √(var + eps), m values per channel).
     */
    private static Tensor[] fusedBackward(Tensor g, Tensor weight, Tensor bias, Saved saved) {
        int[] dims = saved.dims();
        int c = dims[1];
        double count = (double) dims[0] * dims[2];
        double[] mean = saved.mean();
        double[] sumG = new double[c];
        double[] sumGx = new double[c];
        Tensor gd = Tensor.from(Strided.dense(g.buffer()));
        Tensor xd = saved.x();
        boolean f64 = gd.dtype() == DType.FLOAT64;
        if (f64) {
            ChannelNorm.gradSums(gd.doubleData(), xd.doubleData(), dims[0], c, dims[2], mean, sumG, sumGx);
        } else {
            ChannelNorm.gradSums(gd.floatData(), xd.floatData(), dims[0], c, dims[2], mean, sumG, sumGx);
        }
        double[] a = new double[c];
        double[] p = new double[c];
        double[] r = new double[c];
        double[] dw = new double[c];
        for (int ch = 0; ch < c; ch++) {
            double inv = saved.invStd()[ch];
            double w = saved.weight() == null ? 1 : saved.weight()[ch];
            a[ch] = w * inv;
            p[ch] = -w * inv * inv * inv * sumGx[ch] / count;
            r[ch] = -a[ch] * sumG[ch] / count;
            dw[ch] = sumGx[ch] * inv;
        }
        Tensor dx = f64 ? combine(gd.doubleData(), xd.doubleData(), dims, a, mean, p, r, g.shapeRef())
                : combine(gd.floatData(), xd.floatData(), dims, a, mean, p, r, g.shapeRef());
        return new Tensor[] {dx, weight == null ? null : Tensor.of(g.dtype(), dw, c),
            bias == null ? null : Tensor.of(g.dtype(), sumG, c)};
    }

    private static Tensor normalize(float[] a, int[] dims, double[] center, double[] scale, double[] shift, int[] shape) {
        float[] out = new float[a.length];
        ChannelNorm.normalize(a, dims[0], dims[1], dims[2], center, scale, shift, out);
        return Tensor.wrap(out, shape);
    }

    private static Tensor normalize(double[] a, int[] dims, double[] center, double[] scale, double[] shift,
            int[] shape) {
        double[] out = new double[a.length];
        ChannelNorm.normalize(a, dims[0], dims[1], dims[2], center, scale, shift, out);
        return Tensor.wrap(out, shape);
    }

    private static Tensor combine(float[] a, float[] b, int[] dims, double[] ka, double[] center, double[] kb,
            double[] shift, int[] shape) {
        float[] out = new float[a.length];
        ChannelNorm.combine(a, b, dims[0], dims[1], dims[2], ka, center, kb, shift, out);
        return Tensor.wrap(out, shape);
    }

    private static Tensor combine(double[] a, double[] b, int[] dims, double[] ka, double[] center, double[] kb,
            double[] shift, int[] shape) {
        double[] out = new double[a.length];
        ChannelNorm.combine(a, b, dims[0], dims[1], dims[2], ka, center, kb, shift, out);
        return Tensor.wrap(out, shape);
    }

    /** [N, C, S] of x [N, C, ...], after checking that the per-channel vectors are [C] of x's dtype. */
    private static int[] layout(String op, Tensor x, Tensor... perChannel) {
        if (x.rank() < 2) {
            throw new IllegalArgumentException(op + " expects input [N, C, ...], got shape " + Shape.str(x.shapeRef()));
        }
        int c = x.shapeRef()[1];
        for (Tensor v : perChannel) {
            if (v != null && (v.rank() != 1 || v.shapeRef()[0] != c || v.dtype() != x.dtype())) {
                throw new IllegalArgumentException(op + ": per-channel vector " + v.dtype() + " " + Shape.str(v.shapeRef())
                        + " must be [" + c + "] of " + x.dtype() + " for input " + Shape.str(x.shapeRef()));
            }
        }
        int n = x.shapeRef()[0];
        return new int[] {n, c, n * c == 0 ? 0 : x.numel() / (n * c)};
    }

    private static int[] reducedAxes(int rank) {
        int[] a = new int[rank - 1];
        for (int i = 0, j = 0; i < rank; i++) {
            if (i != 1) {
                a[j++] = i;
            }
        }
        return a;
    }

    private static int[] channelShape(int rank, int c) {
        int[] s = new int[rank];
        Arrays.fill(s, 1);
        s[1] = c;
        return s;
    }
}
