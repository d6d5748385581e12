package org.occam.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vectorized elementwise kernels of two arguments with NumPy broadcasting.
 *
 * <p>Equal shapes run as one vector loop; every broadcast runs row by row (see {@link Walk}), with
 * vector loops wherever a row pairs two contiguous runs or a scalar with a contiguous run, which
 * covers bias rows, per-row scalars and the [1,C,1,1] / [N,C,1,1] statistics of conv nets.
 */
public final class Binary {
    private static final VectorSpecies<Float> FS = Unary.FS;
    private static final VectorSpecies<Double> DS = Unary.DS;

    private Binary() {
    }

    /** a op b, broadcast, for operands of one dtype (the op layer checks); the result is dense. */
    public static Buffer apply(BinaryOp op, Buffer a, Buffer b) {
        int[] s = Dims.broadcast(a.shapeRef(), b.shapeRef());
        Buffer[] once = Strided.collapseSharedBroadcast(s, a, b);
        if (once != null) {
            return Strided.expandView(apply(op, once[0], once[1]), s);
        }
        int n = Dims.numel(s);
        boolean dbl = a.isDouble();
        Buffer out = Buffer.zerosLike(a, s);
        if (n == 0) {
            return out;
        }
        boolean aFull = Dims.same(a.shapeRef(), s);
        boolean bFull = Dims.same(b.shapeRef(), s);
        if (aFull && bFull && !a.isContiguous() && samePermutedLayout(a, b)) {
            // e.g. two transposed weight gradients: one pass over memory order, the result in that layout
            Parallel.forRange(n, Unary.GRAIN, (lo, hi) -> vv(op, dbl, a, a.offset() + lo, b, b.offset() + lo, out, lo, hi - lo));
            return out.view(s, a.stridesRef().clone(), 0);
        }
        if (aFull && bFull && !expandedRows(a, b)) {
            Buffer x = Strided.dense(a);
            Buffer y = Strided.dense(b);
            Parallel.forRange(n, Unary.GRAIN, (lo, hi) -> vv(op, dbl, x, lo, y, lo, out, lo, hi - lo));
            return out;
        }
        general(op, dbl, a, b, s, out);
        return out;
    }

    /**
     * Whether a and b have the same strides and those are a permutation of row-major strides (no
     * gaps, no broadcast): then both walk their elements in the same order through memory.
     */
    private static boolean samePermutedLayout(Buffer a, Buffer b) {
        int r = a.rank();
        if (b.rank() != r) {
            return false;
        }
        int[] sh = a.shapeRef();
        int[] sa = a.stridesRef();
        int[] sb = b.stridesRef();
        long covered = 1;
        boolean[] used = new boolean[r];
        int big = 0;
        for (int d = 0; d < r; d++) {
            if (sh[d] > 1) {
                if (sa[d] != sb[d]) {
                    return false;
                }
                big++;
            }
        }
        for (int step = 0; step < big; step++) {
            int found = -1;
            for (int d = 0; d < r; d++) {
                if (sh[d] > 1 && !used[d] && sa[d] == covered) {
                    found = d;
                    break;
                }
            }
            if (found < 0) {
                return false;
            }
            used[found] = true;
            covered *= sh[found];
        }
        return true;
    }

    /**
     * Whether an operand is an expanded view (a zero stride, e.g. the backward of a sum) and both
     * have unit stride along the last axis: then the strided walk reads it in place, row by row,
     * instead of materializing it first.
     */
    private static boolean expandedRows(Buffer a, Buffer b) {
        int r = a.rank();
        if (r < 2 || b.rank() != r || a.shapeRef()[r - 1] < 2 || a.stridesRef()[r - 1] != 1 || b.stridesRef()[r - 1] != 1) {
            return false;
        }
        for (int d = 0; d < r - 1; d++) {
            if (a.shapeRef()[d] > 1 && (a.stridesRef()[d] == 0 || b.stridesRef()[d] == 0)) {
                return true;
            }
        }
        return false;
    }

    private static void vv(BinaryOp op, boolean dbl, Buffer x, int xo, Buffer y, int yo, Buffer out, int oo, int len) {
        if (dbl) {
            double[] xa = x.doubleData();
            double[] ya = y.doubleData();
            double[] o = out.doubleData();
            int i = 0;
            if (vectorized(op)) {
                for (int bound = DS.loopBound(len); i < bound; i += DS.length()) {
                    vecD(op, DoubleVector.fromArray(DS, xa, xo + i), DoubleVector.fromArray(DS, ya, yo + i))
                            .intoArray(o, oo + i);
                }
            }
            for (; i < len; i++) {
                o[oo + i] = op.apply(xa[xo + i], ya[yo + i]);
            }
        } else {
            float[] xa = x.floatData();
            float[] ya = y.floatData();
            float[] o = out.floatData();
            int i = 0;
            if (vectorized(op)) {
                for (int bound = FS.loopBound(len); i < bound; i += FS.length()) {
                    vecF(op, FloatVector.fromArray(FS, xa, xo + i), FloatVector.fromArray(FS, ya, yo + i))
                            .intoArray(o, oo + i);
                }
            }
            for (; i < len; i++) {
                o[oo + i] = op.apply(xa[xo + i], ya[yo + i]);
            }
        }
    }

    /** out[oo..] = x[xo..] op s (scalarLeft false) or s op x[xo..] (scalarLeft true). */
    private static void scalarSide(BinaryOp op, boolean dbl, Buffer x, int xo, double s, boolean scalarLeft,
                                   Buffer out, int oo, int len) {
        if (dbl) {
            double[] xa = x.doubleData();
            double[] o = out.doubleData();
            int i = 0;
            if (vectorized(op)) {
                DoubleVector sv = DoubleVector.broadcast(DS, s);
                for (int bound = DS.loopBound(len); i < bound; i += DS.length()) {
                    DoubleVector v = DoubleVector.fromArray(DS, xa, xo + i);
                    (scalarLeft ? vecD(op, sv, v) : vecD(op, v, sv)).intoArray(o, oo + i);
                }
            }
            for (; i < len; i++) {
                o[oo + i] = scalarLeft ? op.apply(s, xa[xo + i]) : op.apply(xa[xo + i], s);
            }
        } else {
            float[] xa = x.floatData();
            float[] o = out.floatData();
            float fs = (float) s;
            int i = 0;
            if (vectorized(op)) {
                FloatVector sv = FloatVector.broadcast(FS, fs);
                for (int bound = FS.loopBound(len); i < bound; i += FS.length()) {
                    FloatVector v = FloatVector.fromArray(FS, xa, xo + i);
                    (scalarLeft ? vecF(op, sv, v) : vecF(op, v, sv)).intoArray(o, oo + i);
                }
            }
            for (; i < len; i++) {
                o[oo + i] = scalarLeft ? op.apply(fs, xa[xo + i]) : op.apply(xa[xo + i], fs);
            }
        }
    }

    /**
     * Any broadcast, any strides. Axes that can be walked as one (size 1, or contiguous in both
     * operands alike) are merged; the output is then filled one innermost row at a time, with the
     * vector kernels whenever both operands step by 0 or 1 along that row (a bias [1,C,1,1] or a
     * per-sample statistic [N,C,1,1] against [N,C,H,W] becomes rows of a scalar against a vector).
     * Rows longer than the grain are split into segments so that large rows still run in parallel.
     */
    private static void general(BinaryOp op, boolean dbl, Buffer a, Buffer b, int[] s, Buffer out) {
        Walk w = Walk.of(s, Strided.broadcastStrides(a.shapeRef(), a.stridesRef(), s),
                Strided.broadcastStrides(b.shapeRef(), b.stridesRef(), s));
        int inner = w.inner();
        int rows = Dims.numel(s) / inner;
        int seg = Math.min(inner, Unary.GRAIN);
        int segs = (inner + seg - 1) / seg;
        Parallel.forRange(rows * segs, Math.max(1, Unary.GRAIN / seg), (lo, hi) -> {
            int[] pos = w.start(lo / segs, a.offset(), b.offset());
            for (int item = lo; item < hi; item++) {
                int from = item % segs * seg;
                int len = Math.min(seg, inner - from);
                row(op, dbl, a, pos[0] + from * w.ia(), w.ia(), b, pos[1] + from * w.ib(), w.ib(), out,
                        item / segs * inner + from, len);
                if (from + len == inner) {
                    w.next(pos);
                }
            }
        });
    }

    /** out[oo + j] = a[pa + j*ia] op b[pb + j*ib] for j < len. */
    private static void row(BinaryOp op, boolean dbl, Buffer a, int pa, int ia, Buffer b, int pb, int ib,
                            Buffer out, int oo, int len) {
        if (ia == 1 && ib == 1) {
            vv(op, dbl, a, pa, b, pb, out, oo, len);
        } else if (ia == 1 && ib == 0) {
            scalarSide(op, dbl, a, pa, dbl ? b.doubleData()[pb] : b.floatData()[pb], false, out, oo, len);
        } else if (ia == 0 && ib == 1) {
            scalarSide(op, dbl, b, pb, dbl ? a.doubleData()[pa] : a.floatData()[pa], true, out, oo, len);
        } else if (dbl) {
            double[] x = a.doubleData();
            double[] y = b.doubleData();
            double[] o = out.doubleData();
            for (int j = 0; j < len; j++) {
                o[oo + j] = op.apply(x[pa + j * ia], y[pb + j * ib]);
            }
        } else {
            float[] x = a.floatData();
            float[] y = b.floatData();
            float[] o = out.floatData();
            for (int j = 0; j < len; j++) {
                o[oo + j] = op.apply(x[pa + j * ia], y[pb + j * ib]);
            }
        }
    }

    private static boolean vectorized(BinaryOp op) {
        return switch (op) {
            case ADD, SUB, MUL, DIV, MAX, MIN -> true;
            default -> false;
        };
    }

    private static FloatVector vecF(BinaryOp op, FloatVector x, FloatVector y) {
        return switch (op) {
            case ADD -> x.add(y);
            case SUB -> x.sub(y);
            case MUL -> x.mul(y);
            case DIV -> x.div(y);
            case MAX -> x.max(y);
            case MIN -> x.min(y);
            default -> throw new IllegalStateException(op + " is not vectorized");
        };
    }

    private static DoubleVector vecD(BinaryOp op, DoubleVector x, DoubleVector y) {
        return switch (op) {
            case ADD -> x.add(y);
            case SUB -> x.sub(y);
            case MUL -> x.mul(y);
            case DIV -> x.div(y);
            case MAX -> x.max(y);
            case MIN -> x.min(y);
            default -> throw new IllegalStateException(op + " is not vectorized");
        };
    }
}
