package org.occam.tensor;

import java.util.Arrays;
import org.occam.tensor.kernel.Dims;

/** Static helpers for shapes (int arrays, row-major). */
public final class Shape {
    private Shape() {
    }

    /**
     * Number of elements of a shape; 1 for a scalar (rank 0).
     *
     * @param shape the shape
     * @return the product of its dimensions
     */
    public static int numel(int[] shape) {
        return Dims.numel(shape);
    }

    /**
     * Row-major (C-order) strides of a shape.
     *
     * @param shape the shape
     * @return the strides, in elements
     */
    public static int[] contiguousStrides(int[] shape) {
        return Dims.contiguousStrides(shape);
    }

    /**
     * "[2, 3]" formatting used in every error message.
     *
     * @param shape the shape
     * @return its text
     */
    public static String str(int[] shape) {
        return Dims.str(shape);
    }

    /**
     * NumPy broadcasting of two shapes; an error shows both shapes.
     *
     * @param a one shape
     * @param b the other shape
     * @return the broadcast shape
     */
    public static int[] broadcast(int[] a, int[] b) {
        return Dims.broadcast(a, b);
    }

    /**
     * Normalizes a possibly negative axis for a tensor of the given rank.
     *
     * @param axis an axis, negative counting from the end
     * @param rank the tensor's rank
     * @return the axis in [0, rank)
     */
    public static int axis(int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException("axis " + axis + " is out of range for rank " + rank);
        }
        return a;
    }

    /**
     * Whether two shapes are equal.
     *
     * @param a one shape
     * @param b the other shape
     * @return true when equal
     */
    public static boolean same(int[] a, int[] b) {
        return Dims.same(a, b);
    }

    /**
     * The shape with the given axes (sorted, normalized) removed or set to 1.
     *
     * @param shape the shape
     * @param reduce the axes to reduce, one flag per axis
     * @param keepDims whether reduced axes stay as size 1
     * @return the reduced shape
     */
    public static int[] reduced(int[] shape, boolean[] reduce, boolean keepDims) {
        return Dims.reduced(shape, reduce, keepDims);
    }

    /**
     * Marks the axes to reduce; no axes given means all of them.
     *
     * @param rank the tensor's rank
     * @param axes the axes, possibly negative; repeating one is an error
     * @return one flag per axis
     */
    public static boolean[] axesMask(int rank, int... axes) {
        boolean[] m = new boolean[rank];
        if (axes == null || axes.length == 0) {
            Arrays.fill(m, true);
            return m;
        }
        for (int a : axes) {
            int n = axis(a, rank);
            if (m[n]) {
                throw new IllegalArgumentException("axis " + a + " repeated in " + Arrays.toString(axes));
            }
            m[n] = true;
        }
        return m;
    }
}
