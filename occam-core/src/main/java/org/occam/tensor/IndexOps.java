package org.occam.tensor;

import org.occam.tensor.kernel.Indexing;

/** Differentiable selection: index_select, gather, where, and the one-hot encoding. */
final class IndexOps {
    private IndexOps() {
    }

    static Tensor indexSelect(Tensor x, int axis, int[] idx) {
        int a = Shape.axis(axis, x.rank());
        int size = x.shapeRef()[a];
        return Node.record("index_select", Tensor.from(Indexing.indexSelect(x.buffer(), a, idx)),
                g -> new Tensor[] {indexAdd(g, a, idx, size)}, x);
    }

    static Tensor indexAdd(Tensor g, int axis, int[] idx, int size) {
        return Node.record("index_add", Tensor.from(Indexing.indexAdd(g.buffer(), axis, idx, size)),
                gg -> new Tensor[] {indexSelect(gg, axis, idx)}, g);
    }

    /** torch.gather along an axis with an index array of shape {@code indexShape}. */
    static Tensor gather(Tensor x, int axis, int[] index, int... indexShape) {
        int a = Shape.axis(axis, x.rank());
        int[] xs = x.shape();
        return Node.record("gather", Tensor.from(Indexing.gather(x.buffer(), a, index, indexShape)),
                g -> new Tensor[] {scatterAdd(g, a, index, xs)}, x);
    }

    static Tensor scatterAdd(Tensor g, int axis, int[] index, int[] shape) {
        int[] gs = g.shape();
        return Node.record("scatter_add", Tensor.from(Indexing.scatterAdd(g.buffer(), axis, index, shape)),
                gg -> new Tensor[] {gather(gg, axis, index, gs)}, g);
    }

    /** cond != 0 ? a : b; cond is a constant mask. */
    static Tensor where(Tensor cond, Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException("where: dtype mismatch, " + a.dtype() + " vs " + b.dtype());
        }
        Tensor zero = Tensor.scalar(0, a.dtype());
        Tensor out = Tensor.from(Indexing.where(cond.buffer(), a.buffer(), b.buffer()));
        return Node.record("where", out, g -> new Tensor[] {
            a.requiresGrad() ? ViewOps.sumTo(where(cond, g, zero), a) : null,
            b.requiresGrad() ? ViewOps.sumTo(where(cond, zero, g), b) : null}, a, b);
    }

    /** One-hot rows: out[i, labels[i]] = 1, shape [labels.length, classes]. */
    static Tensor oneHot(int[] labels, int classes, DType dtype) {
        Tensor out = Tensor.zeros(dtype, labels.length, classes);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IndexOutOfBoundsException("label " + labels[i] + " at position " + i
                        + " is out of range for " + classes + " classes");
            }
            if (dtype == DType.FLOAT64) {
                out.doubleData()[i * classes + labels[i]] = 1;
            } else {
                out.floatData()[i * classes + labels[i]] = 1;
            }
        }
        return out;
    }
}
