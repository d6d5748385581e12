package org.occam.tensor;

import org.occam.tensor.kernel.BinaryOp;

/**
 * The differentiable ops, as plain functions (the {@code torch.*} of Occam). Each op records its
 * backward rule when its inputs are being differentiated, and every backward rule is itself
 * written with these ops, so derivatives of any order are available.
 */
public final class Ops {
    private Ops() {
    }

    // arithmetic (broadcasting)
    public static Tensor add(Tensor a, Tensor b) { return BinaryOps.add(a, b); }
    public static Tensor sub(Tensor a, Tensor b) { return BinaryOps.sub(a, b); }
    public static Tensor mul(Tensor a, Tensor b) { return BinaryOps.mul(a, b); }
    public static Tensor div(Tensor a, Tensor b) { return BinaryOps.div(a, b); }
    public static Tensor pow(Tensor a, Tensor b) { return BinaryOps.pow(a, b); }
    public static Tensor powScalar(Tensor x, double p) { return BinaryOps.powScalar(x, p); }
    public static Tensor maximum(Tensor a, Tensor b) { return BinaryOps.maximum(a, b); }
    public static Tensor minimum(Tensor a, Tensor b) { return BinaryOps.minimum(a, b); }
    /** a > b as a constant 0/1 tensor. */
    public static Tensor greater(Tensor a, Tensor b) { return BinaryOps.compare(BinaryOp.GT, a, b); }
    /** a == b as a constant 0/1 tensor. */
    public static Tensor equal(Tensor a, Tensor b) { return BinaryOps.compare(BinaryOp.EQ, a, b); }

    // elementwise functions
    public static Tensor neg(Tensor x) { return UnaryOps.neg(x); }
    public static Tensor exp(Tensor x) { return UnaryOps.exp(x); }
    public static Tensor log(Tensor x) { return UnaryOps.log(x); }
    public static Tensor log1p(Tensor x) { return UnaryOps.log1p(x); }
    public static Tensor sqrt(Tensor x) { return UnaryOps.sqrt(x); }
    public static Tensor abs(Tensor x) { return UnaryOps.abs(x); }
    public static Tensor tanh(Tensor x) { return UnaryOps.tanh(x); }
    public static Tensor sigmoid(Tensor x) { return UnaryOps.sigmoid(x); }
    public static Tensor relu(Tensor x) { return UnaryOps.relu(x); }
    public static Tensor softplus(Tensor x) { return UnaryOps.softplus(x); }
    public static Tensor gelu(Tensor x) { return UnaryOps.gelu(x); }
    public static Tensor sin(Tensor x) { return UnaryOps.sin(x); }
    public static Tensor cos(Tensor x) { return UnaryOps.cos(x); }
    public static Tensor normalCdf(Tensor x) { return UnaryOps.normalCdf(x); }
    public static Tensor where(Tensor cond, Tensor a, Tensor b) { return IndexOps.where(cond, a, b); }

    // reductions
    public static Tensor sum(Tensor x, boolean keepDims, int... axes) { return ReduceOps.sum(x, keepDims, axes); }
    public static Tensor mean(Tensor x, boolean keepDims, int... axes) { return ReduceOps.mean(x, keepDims, axes); }
    public static Tensor max(Tensor x, boolean keepDims, int... axes) { return ReduceOps.max(x, keepDims, axes); }
    public static Tensor logSumExp(Tensor x, int axis, boolean keepDims) { return ReduceOps.logSumExp(x, axis, keepDims); }
    public static Tensor softmax(Tensor x, int axis) { return ReduceOps.softmax(x, axis); }
    public static Tensor logSoftmax(Tensor x, int axis) { return ReduceOps.logSoftmax(x, axis); }

    // geometry
    public static Tensor reshape(Tensor x, int... shape) { return ViewOps.reshape(x, shape); }
    public static Tensor permute(Tensor x, int... axes) { return ViewOps.permute(x, axes); }
    public static Tensor transpose(Tensor x, int a, int b) { return ViewOps.transpose(x, a, b); }
    public static Tensor slice(Tensor x, int axis, int start, int end) { return ViewOps.slice(x, axis, start, end); }
    public static Tensor expand(Tensor x, int... shape) { return ViewOps.expand(x, shape); }
    public static Tensor sumToShape(Tensor g, int... shape) { return ViewOps.sumToShape(g, shape); }
    public static Tensor unsqueeze(Tensor x, int axis) { return ViewOps.unsqueeze(x, axis); }
    public static Tensor squeeze(Tensor x, int axis) { return ViewOps.squeeze(x, axis); }
    public static Tensor contiguous(Tensor x) { return ViewOps.contiguous(x); }
    public static Tensor cast(Tensor x, DType dtype) { return ViewOps.cast(x, dtype); }
    public static Tensor stopGradient(Tensor x) { return ViewOps.stopGradient(x); }
    public static Tensor concat(int axis, Tensor... xs) { return ViewOps.concat(axis, xs); }
    public static Tensor stack(int axis, Tensor... xs) { return ViewOps.stack(axis, xs); }

    // indexing
    public static Tensor indexSelect(Tensor x, int axis, int... idx) { return IndexOps.indexSelect(x, axis, idx); }
    public static Tensor gather(Tensor x, int axis, int[] index, int... indexShape) {
        return IndexOps.gather(x, axis, index, indexShape);
    }
    public static Tensor oneHot(int[] labels, int classes, DType dtype) { return IndexOps.oneHot(labels, classes, dtype); }

    // linear algebra, convolution, pooling
    public static Tensor matmul(Tensor a, Tensor b) { return MatmulOps.matmul(a, b); }
    public static Tensor conv2d(Tensor x, Tensor w, Tensor bias, int stride, int padding) {
        return ConvOps.conv2d(x, w, bias, stride, padding);
    }
    public static Tensor maxPool2d(Tensor x, int kernel, int stride, int padding) {
        return ConvOps.maxPool2d(x, kernel, stride, padding);
    }
    public static Tensor avgPool2d(Tensor x, int kernel, int stride, int padding) {
        return ConvOps.avgPool2d(x, kernel, stride, padding);
    }

    // normalisation over the channel axis 1
    /** Training-mode batch norm of x [N, C, ...] with batch statistics; weight and bias [C] may be null. */
    public static BatchNormResult batchNorm(Tensor x, Tensor weight, Tensor bias, double eps) {
        return NormOps.batchNorm(x, weight, bias, eps);
    }
    /** x·scale[c] + shift[c] along the channel axis 1 (evaluation-mode batch norm); shift may be null. */
    public static Tensor channelAffine(Tensor x, Tensor scale, Tensor shift) {
        return NormOps.channelAffine(x, scale, shift);
    }
}
