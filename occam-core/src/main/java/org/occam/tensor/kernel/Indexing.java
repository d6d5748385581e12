package org.occam.tensor.kernel;

/**
 * Gather and scatter along one axis, on the view [outer, axis, inner] of a dense tensor.
 * Scatters add in index order, so repeated indices accumulate deterministically.
 */
public final class Indexing {
    private Indexing() {
    }

    private static int outer(int[] s, int axis) {
        int o = 1;
        for (int i = 0; i < axis; i++) {
            o *= s[i];
        }
        return o;
    }

    private static int inner(int[] s, int axis) {
        int n = 1;
        for (int i = axis + 1; i < s.length; i++) {
            n *= s[i];
        }
        return n;
    }

    private static void checkIndex(int v, int size, int axis, int[] shape) {
        if (v < 0 || v >= size) {
            throw new IndexOutOfBoundsException("index " + v + " is out of range for axis " + axis + " of size " + size
                    + " (shape " + Dims.str(shape) + ")");
        }
    }

    /** out[o, j, i] = x[o, idx[j], i]. */
    public static Buffer indexSelect(Buffer x, int axis, int[] idx) {
        Buffer a = Strided.dense(x);
        int[] s = a.shape();
        int size = s[axis];
        for (int v : idx) {
            checkIndex(v, size, axis, s);
        }
        int outer = outer(s, axis);
        int inner = inner(s, axis);
        s[axis] = idx.length;
        Buffer out = Buffer.zerosLike(a, s);
        Object src = a.isDouble() ? a.doubleData() : a.floatData();
        Object dst = a.isDouble() ? out.doubleData() : out.floatData();
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < idx.length; j++) {
                System.arraycopy(src, (o * size + idx[j]) * inner, dst, (o * idx.length + j) * inner, inner);
            }
        }
        return out;
    }

    /** out = zeros with {@code size} along axis; out[o, idx[j], i] += g[o, j, i]. */
    public static Buffer indexAdd(Buffer g, int axis, int[] idx, int size) {
        Buffer a = Strided.dense(g);
        int[] s = a.shape();
        int outer = outer(s, axis);
        int inner = inner(s, axis);
        s[axis] = size;
        Buffer out = Buffer.zerosLike(a, s);
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < idx.length; j++) {
                checkIndex(idx[j], size, axis, s);
                int from = (o * idx.length + j) * inner;
                int to = (o * size + idx[j]) * inner;
                addRow(a, from, out, to, inner);
            }
        }
        return out;
    }

    /** torch.gather: out[o, k, i] = x[o, index[o, k, i], i]; index has out's shape. */
    public static Buffer gather(Buffer x, int axis, int[] index, int[] indexShape) {
        Buffer a = Strided.dense(x);
        int[] s = a.shapeRef();
        checkGatherShapes(s, axis, index, indexShape);
        int size = s[axis];
        int outer = outer(indexShape, axis);
        int inner = inner(indexShape, axis);
        int k = indexShape[axis];
        for (int v : index) {
            checkIndex(v, size, axis, s);
        }
        Buffer out = Buffer.zerosLike(a, indexShape);
        boolean dbl = a.isDouble();
        Parallel.forRange(outer, Math.max(1, Unary.GRAIN / Math.max(1, k * inner)), (lo, hi) -> {
            for (int o = lo; o < hi; o++) {
                for (int p = o * k * inner, j = 0; j < k; j++) {
                    for (int i = 0; i < inner; i++, p++) {
                        int q = (o * size + index[p]) * inner + i;
                        if (dbl) {
                            out.doubleData()[p] = a.doubleData()[q];
                        } else {
                            out.floatData()[p] = a.floatData()[q];
                        }
                    }
                }
            }
        });
        return out;
    }

    /**
     * The adjoint of gather: out = zeros(shape); out[o, index[o,k,i], i] += g[o, k, i], adding in
     * index order within each outer row (rows are independent, so the bits do not depend on threads).
     */
    public static Buffer scatterAdd(Buffer g, int axis, int[] index, int[] shape) {
        Buffer a = Strided.dense(g);
        int[] gs = a.shapeRef();
        checkGatherShapes(shape, axis, index, gs);
        int size = shape[axis];
        int outer = outer(gs, axis);
        int inner = inner(gs, axis);
        int k = gs[axis];
        for (int v : index) {
            checkIndex(v, size, axis, shape);
        }
        Buffer out = Buffer.zerosLike(a, shape);
        boolean dbl = a.isDouble();
        Parallel.forRange(outer, Math.max(1, Unary.GRAIN / Math.max(1, k * inner)), (lo, hi) -> {
            for (int o = lo; o < hi; o++) {
                for (int p = o * k * inner, j = 0; j < k; j++) {
                    for (int i = 0; i < inner; i++, p++) {
                        int q = (o * size + index[p]) * inner + i;
                        if (dbl) {
                            out.doubleData()[q] += a.doubleData()[p];
                        } else {
                            out.floatData()[q] += a.floatData()[p];
                        }
                    }
                }
            }
        });
        return out;
    }

    private static void checkGatherShapes(int[] s, int axis, int[] index, int[] indexShape) {
        boolean ok = indexShape.length == s.length && index.length == Dims.numel(indexShape);
        for (int i = 0; ok && i < s.length; i++) {
            ok = i == axis || s[i] == indexShape[i];
        }
        if (!ok) {
            throw new IllegalArgumentException("gather along axis " + axis + ": index shape " + Dims.str(indexShape)
                    + " (" + index.length + " indices) must match tensor shape " + Dims.str(s) + " off that axis");
        }
    }

    private static void addRow(Buffer src, int from, Buffer dst, int to, int len) {
        if (src.isDouble()) {
            double[] a = src.doubleData();
            double[] b = dst.doubleData();
            for (int i = 0; i < len; i++) {
                b[to + i] += a[from + i];
            }
        } else {
            float[] a = src.floatData();
            float[] b = dst.floatData();
            for (int i = 0; i < len; i++) {
                b[to + i] += a[from + i];
            }
        }
    }

    /** where(cond != 0, a, b), broadcasting all three. */
    public static Buffer where(Buffer cond, Buffer a, Buffer b) {
        int[] s = Dims.broadcast(Dims.broadcast(cond.shapeRef(), a.shapeRef()), b.shapeRef());
        double[] c = expandTo(cond, s).toDoubleArray();
        Buffer x = Strided.contiguousCopy(expandTo(a, s));
        Buffer y = Strided.contiguousCopy(expandTo(b, s));
        Buffer out = Buffer.zerosLike(a, s);
        for (int i = 0; i < c.length; i++) {
            if (a.isDouble()) {
                out.doubleData()[i] = c[i] != 0 ? x.doubleData()[i] : y.doubleData()[i];
            } else {
                out.floatData()[i] = c[i] != 0 ? x.floatData()[i] : y.floatData()[i];
            }
        }
        return out;
    }

    private static Buffer expandTo(Buffer t, int[] s) {
        return t.view(s.clone(), Strided.broadcastStrides(t.shapeRef(), t.stridesRef(), s), t.offset());
    }
}
