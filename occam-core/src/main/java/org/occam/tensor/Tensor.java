package org.occam.tensor;

import java.util.Arrays;
import org.occam.tensor.kernel.Buffer;
import org.occam.tensor.kernel.PackedOperands;
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

    /**
     * Wraps a float array (not copied: the caller gives up ownership) as a contiguous tensor.
     *
     * @param data the values, row-major
     * @param shape the shape; its size must equal data.length
     * @return a float32 tensor
     */
    public static Tensor wrap(float[] data, int... shape) {
        return from(Buffer.wrap(data, shape));
    }

    /**
     * Wraps a double array (not copied: the caller gives up ownership) as a contiguous tensor.
     *
     * @param data the values, row-major
     * @param shape the shape; its size must equal data.length
     * @return a float64 tensor
     */
    public static Tensor wrap(double[] data, int... shape) {
        return from(Buffer.wrap(data, shape));
    }

    /**
     * A float32 tensor holding a copy of the values.
     *
     * @param values the values, row-major
     * @param shape the shape
     * @return the tensor
     */
    public static Tensor of(float[] values, int... shape) {
        return wrap(values.clone(), shape);
    }

    /**
     * A float64 tensor holding a copy of the values.
     *
     * @param values the values, row-major
     * @param shape the shape
     * @return the tensor
     */
    public static Tensor of(double[] values, int... shape) {
        return wrap(values.clone(), shape);
    }

    /**
     * A tensor of the given dtype holding the values (converted).
     *
     * @param dtype the element type
     * @param values the values, row-major
     * @param shape the shape
     * @return the tensor
     */
    public static Tensor of(DType dtype, double[] values, int... shape) {
        return dtype == DType.FLOAT64 ? of(values, shape) : wrap(toFloat(values), shape);
    }

    /**
     * A rank-0 tensor.
     *
     * @param v the value
     * @param dtype the element type
     * @return the scalar tensor
     */
    public static Tensor scalar(double v, DType dtype) {
        return dtype == DType.FLOAT64 ? wrap(new double[] {v}) : wrap(new float[] {(float) v});
    }

    /**
     * A tensor of zeros.
     *
     * @param dtype the element type
     * @param shape the shape
     * @return the tensor
     */
    public static Tensor zeros(DType dtype, int... shape) {
        return full(0, dtype, shape);
    }

    /**
     * A tensor of ones.
     *
     * @param dtype the element type
     * @param shape the shape
     * @return the tensor
     */
    public static Tensor ones(DType dtype, int... shape) {
        return full(1, dtype, shape);
    }

    /**
     * A tensor filled with one value.
     *
     * @param value the value
     * @param dtype the element type
     * @param shape the shape
     * @return the tensor
     */
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

    /**
     * A new contiguous tensor, initialized to zero (as {@link #zeros}).
     *
     * @param dtype the element type
     * @param shape the shape
     * @return the tensor
     */
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

    /** {@return the element type} */
    public DType dtype() {
        return buf.isDouble() ? DType.FLOAT64 : DType.FLOAT32;
    }

    /** {@return a copy of the shape} */
    public int[] shape() {
        return buf.shape();
    }

    /** {@return the shape array itself (do not modify: saves a copy in hot loops)} */
    public int[] shapeRef() {
        return buf.shapeRef();
    }

    /** {@return a copy of the strides, in elements of the backing array} */
    public int[] strides() {
        return buf.stridesRef().clone();
    }

    /** The strides array itself (do not modify). */
    int[] stridesRef() {
        return buf.stridesRef();
    }

    /** {@return the position of the first element in the backing array} */
    public int offset() {
        return buf.offset();
    }

    /** {@return the number of axes} */
    public int rank() {
        return buf.rank();
    }

    /**
     * The size of one axis.
     *
     * @param axis the axis, negative counting from the end
     * @return its size
     */
    public int size(int axis) {
        int[] shape = buf.shapeRef();
        return shape[Shape.axis(axis, shape.length)];
    }

    /** {@return the number of elements} */
    public int numel() {
        return buf.numel();
    }

    /**
     * Promises that this tensor's elements are never written again (the inputs of a data set), so
     * that matrix products may keep packed copies of them across calls instead of packing them on
     * every call; the results are the same bits either way.
     *
     * @return this tensor
     */
    public Tensor markImmutable() {
        if (buf.isDouble()) {
            PackedOperands.markConstant(buf.doubleData());
        } else {
            PackedOperands.markConstant(buf.floatData());
        }
        return this;
    }

    /**
     * {@return the backing float array, shared (null unless float32): read it through
     * offset and strides, or use it directly when {@link #isDense()}}
     */
    public float[] floatData() {
        return buf.floatData();
    }

    /**
     * {@return the backing double array, shared (null unless float64): read it through
     * offset and strides, or use it directly when {@link #isDense()}}
     */
    public double[] doubleData() {
        return buf.doubleData();
    }

    /** The graph node, or null for a constant. */
    Node node() {
        return node;
    }

    /** {@return true when this value depends on a variable being differentiated} */
    public boolean requiresGrad() {
        return node != null;
    }

    /** {@return true when the elements are laid out row-major without gaps starting at offset} */
    public boolean isContiguous() {
        return buf.isContiguous();
    }

    /** {@return true when contiguous and starting at the beginning of a backing array of exactly numel elements} */
    public boolean isDense() {
        return buf.isDense();
    }

    /** {@return the only element of a one-element tensor} */
    public double item() {
        if (numel() != 1) {
            throw new IllegalArgumentException("item() needs a one-element tensor, got shape " + Shape.str(shapeRef()));
        }
        return buf.isDouble() ? buf.doubleData()[offset()] : buf.floatData()[offset()];
    }

    /**
     * The element at a multi-index.
     *
     * @param index one index per axis, each in range
     * @return the element
     */
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

    /** {@return a row-major copy of the values as doubles} */
    public double[] toDoubleArray() {
        return buf.toDoubleArray();
    }

    /** {@return a row-major copy of the values as floats} */
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

    /**
     * {@return this + o, elementwise with broadcasting}
     *
     * @param o the other operand, broadcast against this one
     */
    public Tensor add(Tensor o) { return Ops.add(this, o); }

    /**
     * {@return this − o, elementwise with broadcasting}
     *
     * @param o the other operand, broadcast against this one
     */
    public Tensor sub(Tensor o) { return Ops.sub(this, o); }

    /**
     * {@return this · o, elementwise with broadcasting}
     *
     * @param o the other operand, broadcast against this one
     */
    public Tensor mul(Tensor o) { return Ops.mul(this, o); }

    /**
     * {@return this / o, elementwise with broadcasting}
     *
     * @param o the other operand, broadcast against this one
     */
    public Tensor div(Tensor o) { return Ops.div(this, o); }

    /**
     * {@return this^o, elementwise with broadcasting}
     *
     * @param o the other operand, broadcast against this one
     */
    public Tensor pow(Tensor o) { return Ops.pow(this, o); }

    /**
     * {@return this + s, elementwise for a scalar s}
     *
     * @param s the scalar
     */
    public Tensor add(double s) { return Ops.add(this, Tensor.scalar(s, dtype())); }

    /**
     * {@return this − s, elementwise for a scalar s}
     *
     * @param s the scalar
     */
    public Tensor sub(double s) { return Ops.sub(this, Tensor.scalar(s, dtype())); }

    /**
     * {@return this · s, elementwise for a scalar s}
     *
     * @param s the scalar
     */
    public Tensor mul(double s) { return Ops.mul(this, Tensor.scalar(s, dtype())); }

    /**
     * {@return this / s, elementwise for a scalar s}
     *
     * @param s the scalar
     */
    public Tensor div(double s) { return Ops.div(this, Tensor.scalar(s, dtype())); }

    /**
     * {@return this^p for a constant exponent p}
     *
     * @param p the constant exponent
     */
    public Tensor pow(double p) { return Ops.powScalar(this, p); }

    /**
     * {@return the elementwise maximum of this and o; ties send the gradient to this}
     *
     * @param o the other operand, broadcast against this one
     */
    public Tensor maximum(Tensor o) { return Ops.maximum(this, o); }

    /**
     * {@return the elementwise minimum of this and o; ties send the gradient to this}
     *
     * @param o the other operand, broadcast against this one
     */
    public Tensor minimum(Tensor o) { return Ops.minimum(this, o); }

    /** {@return −this} */
    public Tensor neg() { return Ops.neg(this); }

    /** {@return exp(this)} */
    public Tensor exp() { return Ops.exp(this); }

    /** {@return the natural logarithm of this} */
    public Tensor log() { return Ops.log(this); }

    /** {@return log(1 + this)} */
    public Tensor log1p() { return Ops.log1p(this); }

    /** {@return √this} */
    public Tensor sqrt() { return Ops.sqrt(this); }

    /** {@return |this|} */
    public Tensor abs() { return Ops.abs(this); }

    /** {@return this², elementwise} */
    public Tensor square() { return Ops.mul(this, this); }

    /** {@return tanh(this)} */
    public Tensor tanh() { return Ops.tanh(this); }

    /** {@return the logistic function of this} */
    public Tensor sigmoid() { return Ops.sigmoid(this); }

    /** {@return max(this, 0)} */
    public Tensor relu() { return Ops.relu(this); }

    /** {@return log(1 + exp(this))} */
    public Tensor softplus() { return Ops.softplus(this); }

    /** {@return GELU(this) = this·Φ(this)} */
    public Tensor gelu() { return Ops.gelu(this); }

    /** {@return sin(this)} */
    public Tensor sin() { return Ops.sin(this); }

    /** {@return cos(this)} */
    public Tensor cos() { return Ops.cos(this); }

    /**
     * {@return the sum over axes, which are removed}
     *
     * @param axes the axes (none: all)
     */
    public Tensor sum(int... axes) { return Ops.sum(this, false, axes); }

    /**
     * {@return the sum over axes, kept with size 1}
     *
     * @param axes the axes (none: all)
     */
    public Tensor sumKeep(int... axes) { return Ops.sum(this, true, axes); }

    /**
     * {@return the mean over axes, which are removed}
     *
     * @param axes the axes (none: all)
     */
    public Tensor mean(int... axes) { return Ops.mean(this, false, axes); }

    /**
     * {@return the maximum over axes, which are removed}
     *
     * @param axes the axes (none: all)
     */
    public Tensor max(int... axes) { return Ops.max(this, false, axes); }

    /**
     * {@return log Σ exp(this) along an axis, computed stably}
     *
     * @param axis the axis, negative counting from the end
     */
    public Tensor logSumExp(int axis) { return Ops.logSumExp(this, axis, false); }

    /**
     * {@return the softmax along an axis}
     *
     * @param axis the axis, negative counting from the end
     */
    public Tensor softmax(int axis) { return Ops.softmax(this, axis); }

    /**
     * {@return the log-softmax along an axis}
     *
     * @param axis the axis, negative counting from the end
     */
    public Tensor logSoftmax(int axis) { return Ops.logSoftmax(this, axis); }

    /**
     * {@return the matrix product this · o (NumPy matmul semantics)}
     *
     * @param o the other operand, broadcast against this one
     */
    public Tensor matmul(Tensor o) { return Ops.matmul(this, o); }

    /**
     * {@return this with another shape of the same size}
     *
     * @param newShape the new shape; one dimension may be −1 (inferred)
     */
    public Tensor reshape(int... newShape) { return Ops.reshape(this, newShape); }

    /**
     * {@return this with its axes reordered (a view)}
     *
     * @param axes the old axis for each new position
     */
    public Tensor permute(int... axes) { return Ops.permute(this, axes); }

    /**
     * {@return this with two axes swapped (a view)}
     *
     * @param a one axis
     * @param b the other axis
     */
    public Tensor transpose(int a, int b) { return Ops.transpose(this, a, b); }

    /** {@return the transpose of a matrix (the last two axes swapped)} */
    public Tensor t() { return Ops.transpose(this, -2, -1); }

    /**
     * {@return elements start..end−1 along one axis (a view)}
     *
     * @param axis the axis, negative counting from the end
     * @param start the first index
     * @param end one past the last index
     */
    public Tensor slice(int axis, int start, int end) { return Ops.slice(this, axis, start, end); }

    /**
     * {@return this broadcast to a larger shape (a view)}
     *
     * @param newShape the target shape
     */
    public Tensor expand(int... newShape) { return Ops.expand(this, newShape); }

    /**
     * {@return this with a new axis of size 1}
     *
     * @param axis the new axis's position
     */
    public Tensor unsqueeze(int axis) { return Ops.unsqueeze(this, axis); }

    /**
     * {@return this without one axis of size 1}
     *
     * @param axis the axis to drop; it must have size 1
     */
    public Tensor squeeze(int axis) { return Ops.squeeze(this, axis); }

    /** {@return this as a 1-D vector} */
    public Tensor flatten() { return Ops.reshape(this, numel()); }

    /** {@return this in dense row-major storage} */
    public Tensor contiguous() { return Ops.contiguous(this); }

    /**
     * {@return this converted to another dtype}
     *
     * @param target the element type
     */
    public Tensor to(DType target) { return Ops.cast(this, target); }

    /** {@return the value of this as a constant (no gradient flows back)} */
    public Tensor detach() { return Ops.stopGradient(this); }

    /**
     * {@return Σ this · o, the inner product as a scalar tensor}
     *
     * @param o a tensor of the same shape
     */
    public Tensor dot(Tensor o) { return Ops.mul(this, o).sum(); }
}
