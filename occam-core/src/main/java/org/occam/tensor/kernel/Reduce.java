package org.occam.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Sum and max over a set of axes. A contiguous run of axes is reduced in one pass over the view
 * [outer, r, inner]; other sets are reduced one run at a time. Summation order is fixed by the
 * shape alone, so results do not depend on the thread count.
 */
public final class Reduce {
    private static final VectorSpecies<Float> FS = Unary.FS;
    private static final VectorSpecies<Double> DS = Unary.DS;

    /** The reductions the kernels know. */
    public enum Kind { SUM, MAX }

    private Reduce() {
    }

    /** Reduces x over the marked axes; the result is dense. */
    public static Buffer apply(Kind kind, Buffer x, boolean[] axes, boolean keepDims) {
        int[] shape = x.shape();
        Buffer cur = Strided.dense(x);
        // Reduce the last run of marked axes first, keeping dims so indices stay aligned.
        int end = shape.length;
        while (true) {
            int j = end - 1;
            while (j >= 0 && !axes[j]) {
                j--;
            }
            if (j < 0) {
                break;
            }
            int i = j;
            while (i > 0 && axes[i - 1]) {
                i--;
            }
            cur = reduceRun(kind, cur, i, j + 1);
            end = i;
        }
        int[] outShape = Dims.reduced(shape, axes, keepDims);
        return cur.isDouble() ? Buffer.wrap(cur.doubleData(), outShape)
                : Buffer.wrap(cur.floatData(), outShape);
    }

    /** Reduces axes [from, to) of a dense tensor, keeping them as size 1. */
    private static Buffer reduceRun(Kind kind, Buffer x, int from, int to) {
        int[] s = x.shape();
        int outer = 1;
        int r = 1;
        int inner = 1;
        for (int i = 0; i < s.length; i++) {
            if (i < from) {
                outer *= s[i];
            } else if (i < to) {
                r *= s[i];
                s[i] = 1;
            } else {
                inner *= s[i];
            }
        }
        if (r == 0 && kind == Kind.MAX) {
            throw new IllegalArgumentException("max over an empty axis of shape " + Dims.str(x.shapeRef()));
        }
        boolean dbl = x.isDouble();
        Buffer out = Buffer.zerosLike(x, s);
        if (r == 0 || outer * inner == 0) {
            return out;
        }
        if (inner == 1 && outer == 1) {
            totalReduce(kind, dbl, x, out, r);
        } else if (inner == 1) {
            int grain = Math.max(1, Unary.GRAIN / Math.max(1, r));
            final int rr = r;
            Parallel.forRange(outer, grain, (lo, hi) -> {
                for (int o = lo; o < hi; o++) {
                    if (dbl) {
                        out.doubleData()[o] = rowD(kind, x.doubleData(), o * rr, rr);
                    } else {
                        out.floatData()[o] = rowF(kind, x.floatData(), o * rr, rr);
                    }
                }
            });
        } else {
            final int rr = r;
            final int in = inner;
            int grain = Math.max(1, Unary.GRAIN / Math.max(1, r * inner));
            Parallel.forRange(outer, grain, (lo, hi) -> {
                for (int o = lo; o < hi; o++) {
                    columns(kind, dbl, x, o * rr * in, out, o * in, rr, in);
                }
            });
        }
        return out;
    }

    /** Reduction of a whole array, in fixed chunks combined in order. */
    private static void totalReduce(Kind kind, boolean dbl, Buffer x, Buffer out, int n) {
        int grain = Unary.GRAIN;
        int chunks = Math.max(1, (n + grain - 1) / grain);
        double[] partial = new double[chunks];
        Parallel.forRange(n, grain, (lo, hi) -> {
            partial[lo / grain] = dbl ? rowD(kind, x.doubleData(), lo, hi - lo) : rowF(kind, x.floatData(), lo, hi - lo);
        });
        if (dbl) {
            double acc = partial[0];
            for (int c = 1; c < chunks; c++) {
                acc = kind == Kind.SUM ? acc + partial[c] : Math.max(acc, partial[c]);
            }
            out.doubleData()[0] = n == 0 ? 0 : acc;
        } else {
            float acc = (float) partial[0];
            for (int c = 1; c < chunks; c++) {
                acc = kind == Kind.SUM ? acc + (float) partial[c] : Math.max(acc, (float) partial[c]);
            }
            out.floatData()[0] = n == 0 ? 0 : acc;
        }
    }

    private static double rowD(Kind kind, double[] a, int off, int len) {
        int i = 0;
        double acc;
        if (len >= DS.length()) {
            DoubleVector v = DoubleVector.fromArray(DS, a, off);
            i = DS.length();
            for (int bound = DS.loopBound(len); i < bound; i += DS.length()) {
                DoubleVector w = DoubleVector.fromArray(DS, a, off + i);
                v = kind == Kind.SUM ? v.add(w) : v.max(w);
            }
            acc = lanes(kind, v.toArray());
        } else {
            acc = kind == Kind.SUM ? 0 : Double.NEGATIVE_INFINITY;
        }
        for (; i < len; i++) {
            acc = kind == Kind.SUM ? acc + a[off + i] : Math.max(acc, a[off + i]);
        }
        return acc;
    }

    private static float rowF(Kind kind, float[] a, int off, int len) {
        int i = 0;
        float acc;
        if (len >= FS.length()) {
            FloatVector v = FloatVector.fromArray(FS, a, off);
            i = FS.length();
            for (int bound = FS.loopBound(len); i < bound; i += FS.length()) {
                FloatVector w = FloatVector.fromArray(FS, a, off + i);
                v = kind == Kind.SUM ? v.add(w) : v.max(w);
            }
            acc = lanes(kind, v.toArray());
        } else {
            acc = kind == Kind.SUM ? 0 : Float.NEGATIVE_INFINITY;
        }
        for (; i < len; i++) {
            acc = kind == Kind.SUM ? acc + a[off + i] : Math.max(acc, a[off + i]);
        }
        return acc;
    }

    /**
     * Combines the lanes of an accumulator left to right. (The Vector API's reduceLanes leaves the
     * order of floating-point additions unspecified, so its bits could change with the JIT tier.)
     */
    private static double lanes(Kind kind, double[] v) {
        double acc = v[0];
        for (int i = 1; i < v.length; i++) {
            acc = kind == Kind.SUM ? acc + v[i] : Math.max(acc, v[i]);
        }
        return acc;
    }

    private static float lanes(Kind kind, float[] v) {
        float acc = v[0];
        for (int i = 1; i < v.length; i++) {
            acc = kind == Kind.SUM ? acc + v[i] : Math.max(acc, v[i]);
        }
        return acc;
    }

    /** out[oo + c] = reduce_t x[xo + t*inner + c] for c < inner. */
    private static void columns(Kind kind, boolean dbl, Buffer x, int xo, Buffer out, int oo, int r, int inner) {
        if (dbl) {
            double[] a = x.doubleData();
            double[] o = out.doubleData();
            System.arraycopy(a, xo, o, oo, inner);
            for (int t = 1; t < r; t++) {
                int base = xo + t * inner;
                int c = 0;
                for (int bound = DS.loopBound(inner); c < bound; c += DS.length()) {
                    DoubleVector acc = DoubleVector.fromArray(DS, o, oo + c);
                    DoubleVector w = DoubleVector.fromArray(DS, a, base + c);
                    (kind == Kind.SUM ? acc.add(w) : acc.max(w)).intoArray(o, oo + c);
                }
                for (; c < inner; c++) {
                    o[oo + c] = kind == Kind.SUM ? o[oo + c] + a[base + c] : Math.max(o[oo + c], a[base + c]);
                }
            }
        } else {
            float[] a = x.floatData();
            float[] o = out.floatData();
            System.arraycopy(a, xo, o, oo, inner);
            for (int t = 1; t < r; t++) {
                int base = xo + t * inner;
                int c = 0;
                for (int bound = FS.loopBound(inner); c < bound; c += FS.length()) {
                    FloatVector acc = FloatVector.fromArray(FS, o, oo + c);
                    FloatVector w = FloatVector.fromArray(FS, a, base + c);
                    (kind == Kind.SUM ? acc.add(w) : acc.max(w)).intoArray(o, oo + c);
                }
                for (; c < inner; c++) {
                    o[oo + c] = kind == Kind.SUM ? o[oo + c] + a[base + c] : Math.max(o[oo + c], a[base + c]);
                }
            }
        }
    }
}
