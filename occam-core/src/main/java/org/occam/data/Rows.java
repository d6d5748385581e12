package org.occam.data;

import org.occam.tensor.DType;
import org.occam.tensor.Tensor;

/** Copying rows (first-axis entries) of dense constant tensors, the core of subsets and batches. */
final class Rows {
    private Rows() {}

    /** A dense copy of {@code t} without a graph node, or {@code t} itself when it already is one. */
    static Tensor dense(Tensor t) {
        if (t.isDense() && !t.requiresGrad()) {
            return t;
        }
        return t.dtype() == DType.FLOAT64 ? Tensor.wrap(t.toDoubleArray(), t.shape())
                : Tensor.wrap(t.toFloatArray(), t.shape());
    }

    /** The number of values in one row. */
    static int rowLength(Tensor t) {
        int n = 1;
        for (int i = 1; i < t.rank(); i++) {
            n *= t.size(i);
        }
        return n;
    }

    /** Rows idx[0], idx[1], … of a dense tensor, stacked into a new dense tensor. */
    static Tensor gather(Tensor t, int[] idx) {
        int n = t.size(0);
        int len = rowLength(t);
        int[] shape = t.shape();
        shape[0] = idx.length;
        for (int i : idx) {
            if (i < 0 || i >= n) {
                throw new IndexOutOfBoundsException("row index " + i + " out of range for " + n + " rows");
            }
        }
        if (t.dtype() == DType.FLOAT64) {
            double[] src = t.doubleData();
            double[] out = new double[idx.length * len];
            for (int r = 0; r < idx.length; r++) {
                System.arraycopy(src, idx[r] * len, out, r * len, len);
            }
            return Tensor.wrap(out, shape);
        }
        float[] src = t.floatData();
        float[] out = new float[idx.length * len];
        for (int r = 0; r < idx.length; r++) {
            System.arraycopy(src, idx[r] * len, out, r * len, len);
        }
        return Tensor.wrap(out, shape);
    }

    /** Rows start (inclusive) to end (exclusive) of a dense tensor, copied. */
    static Tensor range(Tensor t, int start, int end) {
        int[] idx = new int[end - start];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = start + i;
        }
        return gather(t, idx);
    }

    /** Picks idx[k] from an int array. */
    static int[] pick(int[] a, int[] idx) {
        int[] out = new int[idx.length];
        for (int k = 0; k < idx.length; k++) {
            out[k] = a[idx[k]];
        }
        return out;
    }
}
