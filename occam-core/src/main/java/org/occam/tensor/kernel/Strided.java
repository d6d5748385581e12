package org.occam.tensor.kernel;

/** Copies between strided views and dense row-major storage. */
public final class Strided {
    private Strided() {
    }

    /** The buffer itself when already dense (offset 0, row-major, exact storage), else a dense copy. */
    public static Buffer dense(Buffer t) {
        return t.isDense() ? t : contiguousCopy(t);
    }

    /** A fresh dense row-major copy. */
    public static Buffer contiguousCopy(Buffer t) {
        int[] shape = t.shape();
        int n = Dims.numel(shape);
        if (t.isDouble()) {
            double[] out = new double[n];
            gather(t, out, null);
            return Buffer.wrap(out, shape);
        }
        float[] out = new float[n];
        gather(t, null, out);
        return Buffer.wrap(out, shape);
    }

    /** Writes the elements of t in row-major order into outD or outF. */
    private static void gather(Buffer t, double[] outD, float[] outF) {
        int[] shape = t.shapeRef();
        int[] st = t.stridesRef();
        int n = Dims.numel(shape);
        if (n == 0) {
            return;
        }
        int r = shape.length;
        if (r == 0) {
            if (outD != null) {
                outD[0] = t.doubleData()[t.offset()];
            } else {
                outF[0] = t.floatData()[t.offset()];
            }
            return;
        }
        if (t.isContiguous()) {
            if (outD != null) {
                System.arraycopy(t.doubleData(), t.offset(), outD, 0, n);
            } else {
                System.arraycopy(t.floatData(), t.offset(), outF, 0, n);
            }
            return;
        }
        int inner = shape[r - 1];
        int is = st[r - 1];
        int[] idx = new int[r];
        int p = t.offset();
        double[] sd = t.doubleData();
        float[] sf = t.floatData();
        for (int o = 0; o < n; o += inner) {
            if (outD != null) {
                for (int j = 0; j < inner; j++) {
                    outD[o + j] = sd[p + j * is];
                }
            } else {
                for (int j = 0; j < inner; j++) {
                    outF[o + j] = sf[p + j * is];
                }
            }
            for (int a = r - 2; a >= 0; a--) {
                idx[a]++;
                p += st[a];
                if (idx[a] < shape[a]) {
                    break;
                }
                p -= st[a] * shape[a];
                idx[a] = 0;
            }
        }
    }

    /**
     * The period P when t's elements in row-major order are {@code data[offset + (i mod P)]}
     * (contiguous trailing axes, leading axes of size 1 or broadcast with stride 0), else 0.
     * A dense view has period numel; a broadcast view is read in place instead of copied.
     */
    public static int period(Buffer t) {
        int[] shape = t.shapeRef();
        int[] st = t.stridesRef();
        int acc = 1;
        int d = shape.length - 1;
        for (; d >= 0 && (shape[d] == 1 || st[d] == acc); d--) {
            acc *= shape[d];
        }
        for (; d >= 0; d--) {
            if (shape[d] != 1 && st[d] != 0) {
                return 0;
            }
        }
        return acc;
    }

    /** The strides that read a buffer of shape {@code from} as if broadcast to shape {@code to}. */
    public static int[] broadcastStrides(int[] from, int[] fromStrides, int[] to) {
        int[] s = new int[to.length];
        int lead = to.length - from.length;
        for (int i = 0; i < to.length; i++) {
            if (i < lead) {
                s[i] = 0;
            } else {
                int d = from[i - lead];
                if (d == to[i]) {
                    s[i] = fromStrides[i - lead];
                } else if (d == 1) {
                    s[i] = 0;
                } else {
                    throw new IllegalArgumentException("cannot broadcast shape " + Dims.str(from) + " to "
                            + Dims.str(to));
                }
            }
        }
        return s;
    }

    /**
     * Copies src into the window of dense {@code dst} that starts at {@code start} along {@code axis}
     * (all other dimensions equal).
     */
    public static void copyInto(Buffer src, Buffer dst, int axis, int start) {
        int[] ds = Dims.contiguousStrides(dst.shapeRef());
        copyStrided(src, dst, start * ds[axis], ds);
    }

    /** Writes the elements of src (any strides) to dst's storage at dstOffset with dstStrides. */
    public static void copyStrided(Buffer src, Buffer dst, int dstOffset, int[] dstStrides) {
        int[] shape = src.shapeRef();
        int n = Dims.numel(shape);
        if (n == 0) {
            return;
        }
        int r = shape.length;
        if (r == 0) {
            if (dst.doubleData() != null) {
                dst.doubleData()[dstOffset] = src.doubleData()[src.offset()];
            } else {
                dst.floatData()[dstOffset] = src.floatData()[src.offset()];
            }
            return;
        }
        int[] st = src.stridesRef();
        int inner = shape[r - 1];
        int is = st[r - 1];
        int os = dstStrides[r - 1];
        int[] idx = new int[r];
        int p = src.offset();
        int q = dstOffset;
        boolean dbl = dst.doubleData() != null;
        for (int o = 0; o < n; o += inner) {
            if (dbl) {
                double[] a = src.doubleData();
                double[] b = dst.doubleData();
                for (int j = 0; j < inner; j++) {
                    b[q + j * os] = a[p + j * is];
                }
            } else {
                float[] a = src.floatData();
                float[] b = dst.floatData();
                for (int j = 0; j < inner; j++) {
                    b[q + j * os] = a[p + j * is];
                }
            }
            for (int d = r - 2; d >= 0; d--) {
                idx[d]++;
                p += st[d];
                q += dstStrides[d];
                if (idx[d] < shape[d]) {
                    break;
                }
                p -= st[d] * shape[d];
                q -= dstStrides[d] * shape[d];
                idx[d] = 0;
            }
        }
    }

    /**
     * Views of the operands with the axes that every operand broadcasts (stride 0, size > 1)
     * collapsed to size 1, or null when there are none. Computing on those views and expanding
     * the result gives the same values with the work done once instead of once per copy.
     */
    public static Buffer[] collapseSharedBroadcast(int[] outShape, Buffer... ts) {
        int r = outShape.length;
        int[][] st = new int[ts.length][];
        for (int k = 0; k < ts.length; k++) {
            st[k] = broadcastStrides(ts[k].shapeRef(), ts[k].stridesRef(), outShape);
        }
        boolean any = false;
        boolean[] shared = new boolean[r];
        for (int i = 0; i < r; i++) {
            if (outShape[i] <= 1) {
                continue;
            }
            boolean all = true;
            for (int[] s : st) {
                all &= s[i] == 0;
            }
            shared[i] = all;
            any |= all;
        }
        if (!any) {
            return null;
        }
        Buffer[] out = new Buffer[ts.length];
        for (int k = 0; k < ts.length; k++) {
            int[] shape = new int[r];
            int lead = r - ts[k].rank();
            for (int i = 0; i < r; i++) {
                int own = i < lead ? 1 : ts[k].shapeRef()[i - lead];
                shape[i] = shared[i] ? 1 : own;
            }
            out[k] = ts[k].view(shape, st[k], ts[k].offset());
        }
        return out;
    }

    /** x viewed with stride 0 along its size-1 axes so that it has {@code shape}. */
    public static Buffer expandView(Buffer x, int[] shape) {
        return x.view(shape.clone(), broadcastStrides(x.shapeRef(), x.stridesRef(), shape), x.offset());
    }
}
