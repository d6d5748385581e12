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
    /**
     * {@return a + b, elementwise with broadcasting}
     *
     * @param a the first operand
     * @param b the second operand, broadcast against the first
     */
    public static Tensor add(Tensor a, Tensor b) { return BinaryOps.add(a, b); }

    /**
     * {@return a − b, elementwise with broadcasting}
     *
     * @param a the first operand
     * @param b the second operand, broadcast against the first
     */
    public static Tensor sub(Tensor a, Tensor b) { return BinaryOps.sub(a, b); }

    /**
     * {@return a · b, elementwise with broadcasting}
     *
     * @param a the first operand
     * @param b the second operand, broadcast against the first
     */
    public static Tensor mul(Tensor a, Tensor b) { return BinaryOps.mul(a, b); }

    /**
     * {@return a / b, elementwise with broadcasting}
     *
     * @param a the first operand
     * @param b the second operand, broadcast against the first
     */
    public static Tensor div(Tensor a, Tensor b) { return BinaryOps.div(a, b); }

    /**
     * {@return a^b, elementwise with broadcasting (differentiable in both)}
     *
     * @param a the first operand
     * @param b the second operand, broadcast against the first
     */
    public static Tensor pow(Tensor a, Tensor b) { return BinaryOps.pow(a, b); }

    /**
     * {@return x^p for a constant exponent p}
     *
     * @param x the input
     * @param p the exponent
     */
    public static Tensor powScalar(Tensor x, double p) { return BinaryOps.powScalar(x, p); }

    /**
     * {@return the elementwise maximum; ties send the gradient to a}
     *
     * @param a the first operand
     * @param b the second operand, broadcast against the first
     */
    public static Tensor maximum(Tensor a, Tensor b) { return BinaryOps.maximum(a, b); }

    /**
     * {@return the elementwise minimum; ties send the gradient to a}
     *
     * @param a the first operand
     * @param b the second operand, broadcast against the first
     */
    public static Tensor minimum(Tensor a, Tensor b) { return BinaryOps.minimum(a, b); }

    /**
     * {@return a &gt; b as a constant 0/1 tensor}
     *
     * @param a the first operand
     * @param b the second operand, broadcast against the first
     */
    public static Tensor greater(Tensor a, Tensor b) { return BinaryOps.compare(BinaryOp.GT, a, b); }

    /**
     * {@return a == b as a constant 0/1 tensor}
     *
     * @param a the first operand
     * @param b the second operand, broadcast against the first
     */
    public static Tensor equal(Tensor a, Tensor b) { return BinaryOps.compare(BinaryOp.EQ, a, b); }

    // elementwise functions
    /**
     * {@return −x}
     *
     * @param x the input
     */
    public static Tensor neg(Tensor x) { return UnaryOps.neg(x); }

    /**
     * {@return exp(x)}
     *
     * @param x the input
     */
    public static Tensor exp(Tensor x) { return UnaryOps.exp(x); }

    /**
     * {@return the natural logarithm of x}
     *
     * @param x the input
     */
    public static Tensor log(Tensor x) { return UnaryOps.log(x); }

    /**
     * {@return log(1 + x), accurate near 0}
     *
     * @param x the input
     */
    public static Tensor log1p(Tensor x) { return UnaryOps.log1p(x); }

    /**
     * {@return √x}
     *
     * @param x the input
     */
    public static Tensor sqrt(Tensor x) { return UnaryOps.sqrt(x); }

    /**
     * {@return |x| (gradient sign(x))}
     *
     * @param x the input
     */
    public static Tensor abs(Tensor x) { return UnaryOps.abs(x); }

    /**
     * {@return tanh(x)}
     *
     * @param x the input
     */
    public static Tensor tanh(Tensor x) { return UnaryOps.tanh(x); }

    /**
     * {@return the logistic function 1 / (1 + exp(−x))}
     *
     * @param x the input
     */
    public static Tensor sigmoid(Tensor x) { return UnaryOps.sigmoid(x); }

    /**
     * {@return max(x, 0) (gradient 0 at 0)}
     *
     * @param x the input
     */
    public static Tensor relu(Tensor x) { return UnaryOps.relu(x); }

    /**
     * {@return log(1 + exp(x))}
     *
     * @param x the input
     */
    public static Tensor softplus(Tensor x) { return UnaryOps.softplus(x); }

    /**
     * {@return GELU, exact form x·Φ(x) as PyTorch's default}
     *
     * @param x the input
     */
    public static Tensor gelu(Tensor x) { return UnaryOps.gelu(x); }

    /**
     * {@return sin(x)}
     *
     * @param x the input
     */
    public static Tensor sin(Tensor x) { return UnaryOps.sin(x); }

    /**
     * {@return cos(x)}
     *
     * @param x the input
     */
    public static Tensor cos(Tensor x) { return UnaryOps.cos(x); }

    /**
     * {@return Φ(x), the standard normal CDF}
     *
     * @param x the input
     */
    public static Tensor normalCdf(Tensor x) { return UnaryOps.normalCdf(x); }

    /**
     * {@return cond ≠ 0 ? a : b, broadcasting all three}
     *
     * @param cond the mask, a constant
     * @param a the values where cond ≠ 0
     * @param b the values where cond = 0
     */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) { return IndexOps.where(cond, a, b); }

    // reductions
    /**
     * {@return the sum over axes}
     *
     * @param x the input
     * @param keepDims whether reduced axes stay, with size 1
     * @param axes the axes to reduce (none: all)
     */
    public static Tensor sum(Tensor x, boolean keepDims, int... axes) { return ReduceOps.sum(x, keepDims, axes); }

    /**
     * {@return the mean over axes}
     *
     * @param x the input
     * @param keepDims whether reduced axes stay, with size 1
     * @param axes the axes to reduce (none: all)
     */
    public static Tensor mean(Tensor x, boolean keepDims, int... axes) { return ReduceOps.mean(x, keepDims, axes); }

    /**
     * {@return the maximum over axes; tied maxima share the gradient equally}
     *
     * @param x the input
     * @param keepDims whether reduced axes stay, with size 1
     * @param axes the axes to reduce (none: all)
     */
    public static Tensor max(Tensor x, boolean keepDims, int... axes) { return ReduceOps.max(x, keepDims, axes); }

    /**
     * {@return log Σ exp(x) along an axis, computed stably}
     *
     * @param x the input
     * @param axis the axis to reduce
     * @param keepDims whether reduced axes stay, with size 1
     */
    public static Tensor logSumExp(Tensor x, int axis, boolean keepDims) { return ReduceOps.logSumExp(x, axis, keepDims); }

    /**
     * {@return the softmax along an axis}
     *
     * @param x the input
     * @param axis the axis that sums to 1
     */
    public static Tensor softmax(Tensor x, int axis) { return ReduceOps.softmax(x, axis); }

    /**
     * {@return the log-softmax along an axis, computed stably}
     *
     * @param x the input
     * @param axis the axis to normalize over
     */
    public static Tensor logSoftmax(Tensor x, int axis) { return ReduceOps.logSoftmax(x, axis); }

    // geometry
    /**
     * {@return x with another shape of the same size (a view when x is contiguous)}
     *
     * @param x the input
     * @param shape the new shape; one dimension may be −1 (inferred)
     */
    public static Tensor reshape(Tensor x, int... shape) { return ViewOps.reshape(x, shape); }

    /**
     * {@return x with its axes reordered (a view)}
     *
     * @param x the input
     * @param axes the old axis for each new position
     */
    public static Tensor permute(Tensor x, int... axes) { return ViewOps.permute(x, axes); }

    /**
     * {@return x with two axes swapped (a view)}
     *
     * @param x the input
     * @param a one axis
     * @param b the other axis
     */
    public static Tensor transpose(Tensor x, int a, int b) { return ViewOps.transpose(x, a, b); }

    /**
     * {@return elements start..end−1 along one axis (a view)}
     *
     * @param x the input
     * @param axis the axis, negative counting from the end
     * @param start the first index
     * @param end one past the last index
     */
    public static Tensor slice(Tensor x, int axis, int start, int end) { return ViewOps.slice(x, axis, start, end); }

    /**
     * {@return x broadcast to a larger shape without copying}
     *
     * @param x the input
     * @param shape the target shape
     */
    public static Tensor expand(Tensor x, int... shape) { return ViewOps.expand(x, shape); }

    /**
     * {@return g summed over its broadcast axes down to shape (the adjoint of expand)}
     *
     * @param g a gradient of a broadcast result
     * @param shape the shape before broadcasting
     */
    public static Tensor sumToShape(Tensor g, int... shape) { return ViewOps.sumToShape(g, shape); }

    /**
     * {@return x with a new axis of size 1}
     *
     * @param x the input
     * @param axis the new axis's position
     */
    public static Tensor unsqueeze(Tensor x, int axis) { return ViewOps.unsqueeze(x, axis); }

    /**
     * {@return x without one axis of size 1}
     *
     * @param x the input
     * @param axis the axis to drop; it must have size 1
     */
    public static Tensor squeeze(Tensor x, int axis) { return ViewOps.squeeze(x, axis); }

    /**
     * {@return x in dense row-major storage (x itself when it already is)}
     *
     * @param x the input
     */
    public static Tensor contiguous(Tensor x) { return ViewOps.contiguous(x); }

    /**
     * {@return x converted to another dtype (the gradient converts back)}
     *
     * @param x the input
     * @param dtype the element type
     */
    public static Tensor cast(Tensor x, DType dtype) { return ViewOps.cast(x, dtype); }

    /**
     * {@return the value of x as a constant: no gradient flows through it}
     *
     * @param x the input
     */
    public static Tensor stopGradient(Tensor x) { return ViewOps.stopGradient(x); }

    /**
     * {@return the tensors joined along an existing axis}
     *
     * @param axis the axis to join along
     * @param xs tensors equal off that axis
     */
    public static Tensor concat(int axis, Tensor... xs) { return ViewOps.concat(axis, xs); }

    /**
     * {@return the tensors joined along a new axis}
     *
     * @param axis the new axis's position
     * @param xs tensors of one shape
     */
    public static Tensor stack(int axis, Tensor... xs) { return ViewOps.stack(axis, xs); }

    // indexing
    /**
     * {@return the entries idx[0], idx[1], … along an axis}
     *
     * @param x the input
     * @param axis the axis, negative counting from the end
     * @param idx the indices, in [0, size)
     */
    public static Tensor indexSelect(Tensor x, int axis, int... idx) { return IndexOps.indexSelect(x, axis, idx); }

    /**
     * {@return torch.gather: out[…, k, …] = x[…, index[…, k, …], …] along an axis}
     *
     * @param x the input
     * @param axis the axis, negative counting from the end
     * @param index the indices, row-major
     * @param indexShape the shape of index and of the result
     */
    public static Tensor gather(Tensor x, int axis, int[] index, int... indexShape) {
        return IndexOps.gather(x, axis, index, indexShape);
    }

    /**
     * {@return one-hot rows: out[i, labels[i]] = 1, shape [labels.length, classes]}
     *
     * @param labels class indices in [0, classes)
     * @param classes the number of classes
     * @param dtype the element type
     */
    public static Tensor oneHot(int[] labels, int classes, DType dtype) { return IndexOps.oneHot(labels, classes, dtype); }

    // linear algebra, convolution, pooling
    /**
     * {@return the matrix product with NumPy semantics (batched, broadcasting; 1-D operands promoted)}
     *
     * @param a the first operand
     * @param b the second operand, broadcast against the first
     */
    public static Tensor matmul(Tensor a, Tensor b) { return MatmulOps.matmul(a, b); }

    /**
     * {@return PyTorch conv2d of x [N,C,H,W] with weight [O,C,kh,kw] and optional bias [O]}
     *
     * @param x the input [N, C, H, W]
     * @param w the weight [O, C, kh, kw]
     * @param bias the bias [O], or null
     * @param stride the stride
     * @param padding the zero padding on each side
     */
    public static Tensor conv2d(Tensor x, Tensor w, Tensor bias, int stride, int padding) {
        return ConvOps.conv2d(x, w, bias, stride, padding);
    }

    /**
     * {@return PyTorch max_pool2d: each output is its window's first maximum}
     *
     * @param x the input [N, C, H, W]
     * @param kernel the window size
     * @param stride the stride
     * @param padding the padding, at most half the window
     */
    public static Tensor maxPool2d(Tensor x, int kernel, int stride, int padding) {
        return ConvOps.maxPool2d(x, kernel, stride, padding);
    }

    /**
     * {@return average pooling counting padded zeros (PyTorch's count_include_pad=True)}
     *
     * @param x the input [N, C, H, W]
     * @param kernel the window size
     * @param stride the stride
     * @param padding the zero padding
     */
    public static Tensor avgPool2d(Tensor x, int kernel, int stride, int padding) {
        return ConvOps.avgPool2d(x, kernel, stride, padding);
    }

    /**
     * {@return training-mode batch norm of x [N, C, ...] over every axis but the channel axis 1, with
     * the batch statistics; differentiable to any order}
     *
     * @param x the input [N, C, ...]
     * @param weight the per-channel scale [C], or null for none
     * @param bias the per-channel shift [C], or null for none
     * @param eps added to the variance
     */
    public static BatchNormResult batchNorm(Tensor x, Tensor weight, Tensor bias, double eps) {
        return NormOps.batchNorm(x, weight, bias, eps);
    }

    /**
     * {@return x·scale[c] + shift[c] along the channel axis 1 (evaluation-mode batch norm)}
     *
     * @param x the input [N, C, ...]
     * @param scale the per-channel scale [C]
     * @param shift the per-channel shift [C], or null for none
     */
    public static Tensor channelAffine(Tensor x, Tensor scale, Tensor shift) {
        return NormOps.channelAffine(x, scale, shift);
    }
}
