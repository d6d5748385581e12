package org.occam.tensor.kernel;

/**
 * Raw strided storage, the boundary between the kernels and {@code Tensor} (tinygrad's LazyBuffer):
 * a float[] or double[] read through a shape, strides and an offset. The array's type is the
 * dtype; a buffer knows nothing of graphs. The geometry never changes; the array is shared, not
 * copied, and only the kernel that creates a buffer writes into it.
 */
public final class Buffer {
    private final float[] f;
    private final double[] d;
    private final int[] shape;
    private final int[] strides;
    private final int offset;

    private Buffer(float[] f, double[] d, int[] shape, int[] strides, int offset) {
        this.f = f;
        this.d = d;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
    }

    /** Wraps a float array (not copied) as a contiguous buffer of the given shape. */
    public static Buffer wrap(float[] data, int... shape) {
        checkLength(data.length, shape);
        return new Buffer(data, null, shape.clone(), Dims.contiguousStrides(shape), 0);
    }

    /** Wraps a double array (not copied) as a contiguous buffer of the given shape. */
    public static Buffer wrap(double[] data, int... shape) {
        checkLength(data.length, shape);
        return new Buffer(null, data, shape.clone(), Dims.contiguousStrides(shape), 0);
    }

    /** A fresh contiguous buffer of zeros: double[] when {@code f64}, else float[]. */
    public static Buffer zeros(boolean f64, int... shape) {
        int n = Dims.numel(shape);
        return f64 ? wrap(new double[n], shape) : wrap(new float[n], shape);
    }

    /** A fresh contiguous buffer of zeros of the same dtype as {@code like}. */
    public static Buffer zerosLike(Buffer like, int... shape) {
        return zeros(like.isDouble(), shape);
    }

    /** A view of this buffer's array with other geometry (arrays taken as they are, not copied). */
    public Buffer view(int[] newShape, int[] newStrides, int newOffset) {
        return new Buffer(f, d, newShape, newStrides, newOffset);
    }

    /** True when the array is a double[] (float64), false for a float[] (float32). */
    public boolean isDouble() {
        return d != null;
    }

    /** The float array (null unless float32). */
    public float[] floatData() {
        return f;
    }

    /** The double array (null unless float64). */
    public double[] doubleData() {
        return d;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** The shape array itself (do not modify). */
    public int[] shapeRef() {
        return shape;
    }

    /** The strides array itself (do not modify). */
    public int[] stridesRef() {
        return strides;
    }

    /** Position of the first element in the array. */
    public int offset() {
        return offset;
    }

    /** Number of axes. */
    public int rank() {
        return shape.length;
    }

    /** Number of elements. */
    public int numel() {
        return Dims.numel(shape);
    }

    /** True when the elements are laid out row-major without gaps starting at offset. */
    public boolean isContiguous() {
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && strides[i] != acc) {
                return false;
            }
            acc *= shape[i];
        }
        return true;
    }

    /** True when contiguous and starting at the beginning of an array of exactly numel elements. */
    public boolean isDense() {
        int len = f != null ? f.length : d.length;
        return offset == 0 && len == numel() && isContiguous();
    }

    /** A row-major copy of the values as doubles. */
    public double[] toDoubleArray() {
        Buffer c = Strided.contiguousCopy(this);
        if (c.d != null) {
            return c.d;
        }
        double[] out = new double[c.f.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.f[i];
        }
        return out;
    }

    private static void checkLength(int len, int[] shape) {
        if (len != Dims.numel(shape)) {
            throw new IllegalArgumentException("data of length " + len + " does not fit shape " + Dims.str(shape)
                    + " (" + Dims.numel(shape) + " elements)");
        }
    }
}
