package org.occam.tensor;

import java.util.Arrays;
import org.occam.tensor.kernel.Strided;

/**
 * An immutable dense tensor of float32 or float64: shape, strides, offset and a backing array.
 *
 * <p>Values never change after construction; ops return new tensors (views share storage). A
 * tensor that depends on a variable being differentiated carries the {@link Node} that records how
 * it was computed; constants carry none. The fluent methods below are the differentiable ops of
 * {@link Ops}, so {@code x.matmul(w).add(b).tanh()} records a graph when a transform traces it.
 */
public final class Tensor {
    private final DType dtype;
    private final int[] shape;
    private final int[] strides;
    private final int offset;
    private final float[] f;
    private final double[] d;
    private final Node node;

    private Tensor(DType dtype, int[] shape, int[] strides, int offset, float[] f, double[] d, Node node) {
        this.dtype = dtype;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
        this.f = f;
        this.d = d;
        this.node = node;
    }

    // ---------------------------------------------------------------- construction

    /** Wraps a float array (not copied: the caller gives up ownership) as a contiguous tensor. */
    public static Tensor wrap(float[] data, int... shape) {
        checkLength(data.length, shape);
        return new Tensor(DType.FLOAT32, shape.clone(), Shape.contiguousStrides(shape), 0, data, null, null);
    }

    /** Wraps a double array (not copied: the caller gives up ownership) as a contiguous tensor. */
    public static Tensor wrap(double[] data, int... shape) {
        checkLength(data.length, shape);
        return new Tensor(DType.FLOAT64, shape.clone(), Shape.contiguousStrides(shape), 0, null, data, null);
    }

    /** A float32 tensor holding a copy of the values. */
    public static Tensor of(float[] values, int... shape) {
        return wrap(values.clone(), shape);
    }

    /** A float64 tensor holding a copy of the values. */
    public static Tensor of(double[] values, int... shape) {
        return wrap(values.clone(), shape);
    }

    /** A tensor of the given dtype holding the values (converted). */
    public static Tensor of(DType dtype, double[] values, int... shape) {
        return dtype == DType.FLOAT64 ? of(values, shape) : wrap(toFloat(values), shape);
    }

    /** A rank-0 tensor. */
    public static Tensor scalar(double v, DType dtype) {
        return dtype == DType.FLOAT64 ? wrap(new double[] {v}) : wrap(new float[] {(float) v});
    }

    public static Tensor zeros(DType dtype, int... shape) {
        return full(0, dtype, shape);
    }

    public static Tensor ones(DType dtype, int... shape) {
        return full(1, dtype, shape);
    }

    public static Tensor full(double value, DType dtype, int... shape) {
        int n = Shape.numel(shape);
        if (dtype == DType.FLOAT64) {
            double[] a = new double[n];
            if (value != 0) {
                Arrays.fill(a, value);
            }
            return wrap(a, shape);
        }
        float[] a = new float[n];
        if (value != 0) {
            Arrays.fill(a, (float) value);
        }
        return wrap(a, shape);
    }

    /** A new contiguous uninitialized-to-zero tensor with the same dtype. */
    public static Tensor empty(DType dtype, int... shape) {
        return zeros(dtype, shape);
    }

    /** A view of this tensor's storage with other geometry (internal: used by view ops). */
    public Tensor view(int[] newShape, int[] newStrides, int newOffset) {
        return new Tensor(dtype, newShape, newStrides, newOffset, f, d, null);
    }

    /** The same values carrying a graph node (internal: used by the autodiff engine). */
    public Tensor withNode(Node n) {
        return new Tensor(dtype, shape, strides, offset, f, d, n);
    }

    // ---------------------------------------------------------------- accessors

    public DType dtype() {
        return dtype;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** The shape array itself (internal, do not modify). */
    public int[] shapeRef() {
        return shape;
    }

    public int[] strides() {
        return strides.clone();
    }

    public int[] stridesRef() {
        return strides;
    }

    public int offset() {
        return offset;
    }

    public int rank() {
        return shape.length;
    }

    public int size(int axis) {
        return shape[Shape.axis(axis, shape.length)];
    }

    public int numel() {
        return Shape.numel(shape);
    }

    /** The backing float array (internal; null unless float32). */
    public float[] floatData() {
        return f;
    }

    /** The backing double array (internal; null unless float64). */
    public double[] doubleData() {
        return d;
    }

    /** The graph node, or null for a constant. */
    public Node node() {
        return node;
    }

    /** True when this value depends on a variable being differentiated. */
    public boolean requiresGrad() {
        return node != null;
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

    /** True when contiguous and starting at the beginning of a storage of exactly numel elements. */
    public boolean isDense() {
        int len = f != null ? f.length : d.length;
        return offset == 0 && len == numel() && isContiguous();
    }

    /** The only element of a one-element tensor. */
    public double item() {
        if (numel() != 1) {
            throw new IllegalArgumentException("item() needs a one-element tensor, got shape " + Shape.str(shape));
        }
        return f != null ? f[offset] : d[offset];
    }

    /** The element at a multi-index. */
    public double get(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index " + Arrays.toString(index) + " has rank " + index.length
                    + " but the tensor has shape " + Shape.str(shape));
        }
        int p = offset;
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " out of range for shape "
                        + Shape.str(shape));
            }
            p += index[i] * strides[i];
        }
        return f != null ? f[p] : d[p];
    }

    /** A row-major copy of the values as doubles. */
    public double[] toDoubleArray() {
        Tensor c = Strided.contiguousCopy(this);
        if (c.d != null) {
            return c.d;
        }
        double[] out = new double[c.f.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.f[i];
        }
        return out;
    }

    /** A row-major copy of the values as floats. */
    public float[] toFloatArray() {
        Tensor c = Strided.contiguousCopy(this);
        return c.f != null ? c.f : toFloat(c.d);
    }

    private static float[] toFloat(double[] a) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) a[i];
        }
        return out;
    }

    private static void checkLength(int len, int[] shape) {
        if (len != Shape.numel(shape)) {
            throw new IllegalArgumentException("data of length " + len + " does not fit shape " + Shape.str(shape)
                    + " (" + Shape.numel(shape) + " elements)");
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tensor(").append(dtype).append(", ").append(Shape.str(shape));
        if (numel() <= 16) {
            sb.append(", ").append(Arrays.toString(toDoubleArray()));
        }
        if (node != null) {
            sb.append(", grad_fn=").append(node.op());
        }
        return sb.append(')').toString();
    }

    // ---------------------------------------------------------------- fluent differentiable ops

    public Tensor add(Tensor o) { return Ops.add(this, o); }
    public Tensor sub(Tensor o) { return Ops.sub(this, o); }
    public Tensor mul(Tensor o) { return Ops.mul(this, o); }
    public Tensor div(Tensor o) { return Ops.div(this, o); }
    public Tensor pow(Tensor o) { return Ops.pow(this, o); }
    public Tensor add(double s) { return Ops.add(this, Tensor.scalar(s, dtype)); }
    public Tensor sub(double s) { return Ops.sub(this, Tensor.scalar(s, dtype)); }
    public Tensor mul(double s) { return Ops.mul(this, Tensor.scalar(s, dtype)); }
    public Tensor div(double s) { return Ops.div(this, Tensor.scalar(s, dtype)); }
    public Tensor pow(double p) { return Ops.powScalar(this, p); }
    public Tensor maximum(Tensor o) { return Ops.maximum(this, o); }
    public Tensor minimum(Tensor o) { return Ops.minimum(this, o); }
    public Tensor neg() { return Ops.neg(this); }
    public Tensor exp() { return Ops.exp(this); }
    public Tensor log() { return Ops.log(this); }
    public Tensor log1p() { return Ops.log1p(this); }
    public Tensor sqrt() { return Ops.sqrt(this); }
    public Tensor abs() { return Ops.abs(this); }
    public Tensor square() { return Ops.mul(this, this); }
    public Tensor tanh() { return Ops.tanh(this); }
    public Tensor sigmoid() { return Ops.sigmoid(this); }
    public Tensor relu() { return Ops.relu(this); }
    public Tensor softplus() { return Ops.softplus(this); }
    public Tensor gelu() { return Ops.gelu(this); }
    public Tensor sin() { return Ops.sin(this); }
    public Tensor cos() { return Ops.cos(this); }
    public Tensor sum(int... axes) { return Ops.sum(this, false, axes); }
    public Tensor sumKeep(int... axes) { return Ops.sum(this, true, axes); }
    public Tensor mean(int... axes) { return Ops.mean(this, false, axes); }
    public Tensor max(int... axes) { return Ops.max(this, false, axes); }
    public Tensor logSumExp(int axis) { return Ops.logSumExp(this, axis, false); }
    public Tensor softmax(int axis) { return Ops.softmax(this, axis); }
    public Tensor logSoftmax(int axis) { return Ops.logSoftmax(this, axis); }
    public Tensor matmul(Tensor o) { return Ops.matmul(this, o); }
    public Tensor reshape(int... newShape) { return Ops.reshape(this, newShape); }
    public Tensor permute(int... axes) { return Ops.permute(this, axes); }
    public Tensor transpose(int a, int b) { return Ops.transpose(this, a, b); }
    /** Transpose of a matrix (the last two axes). */
    public Tensor t() { return Ops.transpose(this, -2, -1); }
    public Tensor slice(int axis, int start, int end) { return Ops.slice(this, axis, start, end); }
    public Tensor expand(int... newShape) { return Ops.expand(this, newShape); }
    public Tensor unsqueeze(int axis) { return Ops.unsqueeze(this, axis); }
    public Tensor squeeze(int axis) { return Ops.squeeze(this, axis); }
    public Tensor flatten() { return Ops.reshape(this, numel()); }
    public Tensor contiguous() { return Ops.contiguous(this); }
    public Tensor to(DType target) { return Ops.cast(this, target); }
    public Tensor detach() { return Ops.stopGradient(this); }
    public Tensor dot(Tensor o) { return Ops.mul(this, o).sum(); }
}
