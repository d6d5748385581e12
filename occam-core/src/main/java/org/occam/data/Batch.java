package org.occam.data;

import org.occam.tensor.DType;
import org.occam.tensor.Tensor;

/**
 * One mini-batch: inputs {@code x} [B, ...], labels {@code y} (null for pure regression data),
 * regression targets (null for pure classification data) and the dataset row each sample came from.
 *
 * @param x the inputs [B, ...]
 * @param y the labels, or null
 * @param targets the regression targets [B, ...], or null
 * @param indices the rows of the data set the samples came from
 */
public record Batch(Tensor x, int[] y, Tensor targets, int[] indices) {
    /** Checks that the parts agree on the batch size and copies the arrays. */
    public Batch {
        if (x == null || indices == null) {
            throw new IllegalArgumentException("a batch needs inputs and indices");
        }
        if (indices.length != x.size(0) || (y != null && y.length != x.size(0))
                || (targets != null && targets.size(0) != x.size(0))) {
            throw new IllegalArgumentException("batch parts disagree on the batch size: x has " + x.size(0) + " rows, "
                    + (y == null ? "no labels" : y.length + " labels") + ", " + indices.length + " indices");
        }
        y = y == null ? null : y.clone();
        indices = indices.clone();
    }

    /**
     * The number of samples.
     *
     * @return B
     */
    public int size() {
        return x.size(0);
    }

    /**
     * A copy of the labels (null when the data set has none).
     *
     * @return the labels, or null
     */
    @Override
    public int[] y() {
        return y == null ? null : y.clone();
    }

    /**
     * A copy of the source row indices.
     *
     * @return the row indices
     */
    @Override
    public int[] indices() {
        return indices.clone();
    }

    /**
     * The labels one-hot, [B, numClasses], in the inputs' dtype.
     *
     * @param numClasses the number of classes K
     * @return the one-hot matrix
     */
    public Tensor oneHot(int numClasses) {
        if (y == null) {
            throw new IllegalStateException("this batch has no class labels (a regression data set)");
        }
        double[] v = new double[y.length * numClasses];
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= numClasses) {
                throw new IllegalArgumentException("label " + y[i] + " of batch row " + i + " is not below " + numClasses);
            }
            v[i * numClasses + y[i]] = 1;
        }
        return Tensor.of(x.dtype() == DType.FLOAT64 ? DType.FLOAT64 : DType.FLOAT32, v, y.length, numClasses);
    }
}
