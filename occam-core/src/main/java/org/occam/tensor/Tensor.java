package org.occam.tensor;

import java.util.Arrays;
import org.occam.tensor.kernel.Buffer;
import org.occam.tensor.kernel.Strided;

/**
 * An immutable dense tensor of float32 or float64: raw strided storage (a {@code Buffer}: shape,
 * strides, offset and a backing array) and, when differentiated, the graph node that made it.
 *
 * <p>Values never change after construction; ops return new tensors (views share storage). A
 * tensor that depends on a variable being differentiated carries the graph node that records how
 * it was computed; constants carry none. The fluent methods below are the differentiable ops of
 * {@link Ops}, so {@code x.matmul(w).add(b).tanh()} records a graph when a transform traces it.
 */
public final class Tensor {
    private final Buffer buf;
    private final Node node;

    private Tensor(Buffer buf, Node node) {
        this.buf = buf;
        this.node = node;
    }

    /** A constant tensor over a kernel's result (internal: how ops wrap what kernels return). */
    static Tensor from(Buffer b) {
        return new Tensor(b, null);
    }

    /** The raw strided storage (internal: what ops hand to kernels). */
    Buffer buffer() {
        return buf;
    }

    // ---------------------------------------------------------------- construction

    /** Wraps a float array (not copied: the caller gives up ownership) as a contiguous tensor. */
    public static Tensor wrap(float[] data, int... shape) {
        return from(Buffer.wrap(data, shape));
    }

    /** Wraps a double array (not copied: the caller gives up ownership) as a contiguous tensor. */
    public static Tensor wrap(double[] data, int... shape) {
        return from(Buffer.wrap(data, shape));
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

    /** A view of this tensor's storage with other geometry, without graph node (used by view ops). */
    Tensor view(int[] newShape, int[] newStrides, int newOffset) {
        return new Tensor(buf.view(newShape, newStrides, newOffset), null);
    }

    /** The same values carrying a graph node (used by Node and Graph). */
    Tensor withNode(Node n) {
        return new Tensor(buf, n);
    }

    // ---------------------------------------------------------------- accessors

    public DType dtype() {
        return buf.isDouble() ? DType.FLOAT64 : DType.FLOAT32;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return buf.shape();
    }

    /** The shape array itself (internal, do not modify). */
    public int[] shapeRef() {
        return buf.shapeRef();
    }

    public int[] strides() {
        return buf.stridesRef().clone();
    }

    /** The strides array itself (do not modify). */
    int[] stridesRef() {
        return buf.stridesRef();
    }

    public int offset() {
        return buf.offset();
    }

    public int rank() {
        return buf.rank();
    }

    public int size(int axis) {
        int[] shape = buf.shapeRef();
        return shape[Shape.axis(axis, shape.length)];
    }

    public int numel() {
        return buf.numel();
    }

    /** The backing float array (internal; null unless float32). */
    public float[] floatData() {
        return buf.floatData();
    }

    /** The backing double array (internal; null unless float64). */
    public double[] doubleData() {
        return buf.doubleData();
    }

    /** The graph node, or null for a constant. */
    Node node() {
        return node;
    }

    /** True when this value depends on a variable being differentiated. */
    public boolean requiresGrad() {
        return node != null;
    }

    /** True when the elements are laid out row-major without gaps starting at offset. */
    public boolean isContiguous() {
        return buf.isContiguous();
    }

    /** True when contiguous and starting at the beginning of a storage of exactly numel elements. */
    public boolean isDense() {
        return buf.isDense();
    }

    /** The only element of a one-element tensor. */
    public double item() {
        if (numel() != 1) {
            throw new IllegalArgumentException("item() needs a one-element tensor, got shape " + Shape.str(shapeRef()));
        }
        return buf.isDouble() ? buf.doubleData()[offset()] : buf.floatData()[offset()];
    }

    /** The element at a multi-index. */
    public double get(int... index) {
        int[] shape = buf.shapeRef();
        int[] strides = buf.stridesRef();
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index " + Arrays.toString(index) + " has rank " + index.length
                    + " but the tensor has shape " + Shape.str(shape));
        }
        int p = buf.offset();
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " out of range for shape "
                        + Shape.str(shape));
            }
            p += index[i] * strides[i];
        }
        return buf.isDouble() ? buf.doubleData()[p] : buf.floatData()[p];
    }

    /** A row-major copy of the values as doubles. */
    public double[] toDoubleArray() {
        return buf.toDoubleArray();
    }

    /** A row-major copy of the values as floats. */
    public float[] toFloatArray() {
        Buffer c = Strided.contiguousCopy(buf);
        return c.floatData() != null ? c.floatData() : toFloat(c.doubleData());
    }

    private static float[] toFloat(double[] a) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (float) a[i];
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tensor(").append(dtype()).append(", ").append(Shape.str(shapeRef()));
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
    public Tensor add(double s) { return Ops.add(this, Tensor.scalar(s, dtype())); }
    public Tensor sub(double s) { return Ops.sub(this, Tensor.scalar(s, dtype())); }
    public Tensor mul(double s) { return Ops.mul(this, Tensor.scalar(s, dtype())); }
    public Tensor div(double s) { return Ops.div(this, Tensor.scalar(s, dtype())); }
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
