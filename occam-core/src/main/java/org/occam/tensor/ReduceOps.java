package org.occam.tensor;

import org.occam.tensor.kernel.BinaryOp;
import org.occam.tensor.kernel.Reduce;

/** Differentiable reductions, and the numerically stable softmax family built from them. */
final class ReduceOps {
    private ReduceOps() {
    }

    /** Sum over axes (all axes when none are given). */
    static Tensor sum(Tensor x, boolean keepDims, int... axes) {
        boolean[] mask = Shape.axesMask(x.rank(), axes);
        int[] kept = Shape.reduced(x.shapeRef(), mask, true);
        Tensor out = kernel(Reduce.Kind.SUM, x, mask, keepDims);
        return Node.record("sum", out, g -> new Tensor[] {ViewOps.expand(ViewOps.reshape(g, kept), x.shapeRef())}, x);
    }

    static Tensor mean(Tensor x, boolean keepDims, int... axes) {
        boolean[] mask = Shape.axesMask(x.rank(), axes);
        long count = 1;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                count *= x.shapeRef()[i];
            }
        }
        return sum(x, keepDims, axes).div((double) count);
    }

    /** Max over axes; the gradient is shared equally among tied maxima. */
    static Tensor max(Tensor x, boolean keepDims, int... axes) {
        boolean[] mask = Shape.axesMask(x.rank(), axes);
        int[] kept = Shape.reduced(x.shapeRef(), mask, true);
        Tensor out = kernel(Reduce.Kind.MAX, x, mask, keepDims);
        return Node.record("max", out, g -> {
            Tensor m = BinaryOps.kernel(BinaryOp.EQ, x, ViewOps.stopGradient(ViewOps.reshape(out, kept)));
            Tensor ties = kernel(Reduce.Kind.SUM, m, mask, true);
            Tensor share = BinaryOps.kernel(BinaryOp.DIV, m, ties);
            return new Tensor[] {ViewOps.reshape(g, kept).mul(share)};
        }, x);
    }

    /** log Σ exp(x) along an axis, shifted by the (constant) max for stability. */
    static Tensor logSumExp(Tensor x, int axis, boolean keepDims) {
        Tensor m = ViewOps.stopGradient(max(x, true, axis));
        Tensor lse = sum(x.sub(m).exp(), true, axis).log().add(m);
        return keepDims ? lse : ViewOps.squeeze(lse, axis);
    }

    static Tensor logSoftmax(Tensor x, int axis) {
        return x.sub(logSumExp(x, axis, true));
    }

    static Tensor softmax(Tensor x, int axis) {
        return logSoftmax(x, axis).exp();
    }

    /** The kernel's reduction of x over the marked axes, as a constant. */
    private static Tensor kernel(Reduce.Kind kind, Tensor x, boolean[] axes, boolean keepDims) {
        return Tensor.from(Reduce.apply(kind, x.buffer(), axes, keepDims));
    }
}
