package org.occam.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.occam.tensor.DType;
import org.occam.tensor.Shape;
import org.occam.tensor.Tensor;

/**
 * Vectorized elementwise kernels of two arguments with NumPy broadcasting.
 *
 * <p>Fast paths: equal shapes; one operand repeating as a trailing block (a bias row); one operand
 * constant over trailing blocks (a per-row scalar, or a scalar). Anything else goes through a
 * general strided loop.
 */
public final class Binary {
    private static final VectorSpecies<Float> FS = Unary.FS;
    private static final VectorSpecies<Double> DS = Unary.DS;

    private Binary() {
    }

    /** a op b, broadcast; the result is dense and carries no graph node. */
    public static Tensor apply(BinaryOp op, Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(op.name().toLowerCase(java.util.Locale.ROOT) + ": dtype mismatch, "
                    + a.dtype() + " " + Shape.str(a.shapeRef()) + " vs " + b.dtype() + " " + Shape.str(b.shapeRef())
                    + " (convert one with .to(dtype))");
        }
        int[] s = Shape.broadcast(a.shapeRef(), b.shapeRef());
        Tensor[] once = Strided.collapseSharedBroadcast(s, a, b);
        if (once != null) {
            return Strided.expandView(apply(op, once[0], once[1]), s);
        }
        int n = Shape.numel(s);
        boolean dbl = a.dtype() == DType.FLOAT64;
        Tensor out = Tensor.zeros(a.dtype(), s);
        if (n == 0) {
            return out;
        }
        boolean aFull = Shape.same(a.shapeRef(), s);
        boolean bFull = Shape.same(b.shapeRef(), s);
        if (aFull && bFull) {
            Tensor x = Strided.dense(a);
            Tensor y = Strided.dense(b);
            Parallel.forRange(n, Unary.GRAIN, (lo, hi) -> vv(op, dbl, x, lo, y, lo, out, lo, hi - lo));
            return out;
        }
        if (aFull || bFull) {
            Tensor full = Strided.dense(aFull ? a : b);
            Tensor part = Strided.dense(aFull ? b : a);
            boolean fullLeft = aFull;
            int suffix = part.numel() == 1 ? 0 : suffixBlock(part.shapeRef(), s);
            if (suffix > 0) {
                int blocks = n / suffix;
                int grain = Math.max(1, Unary.GRAIN / suffix);
                Parallel.forRange(blocks, grain, (lo, hi) -> {
                    for (int r = lo; r < hi; r++) {
                        if (fullLeft) {
                            vv(op, dbl, full, r * suffix, part, 0, out, r * suffix, suffix);
                        } else {
                            vv(op, dbl, part, 0, full, r * suffix, out, r * suffix, suffix);
                        }
                    }
                });
                return out;
            }
            int inner = prefixInner(part.shapeRef(), s);
            if (inner > 0) {
                int rows = n / inner;
                int grain = Math.max(1, Unary.GRAIN / inner);
                Parallel.forRange(rows, grain, (lo, hi) -> {
                    for (int r = lo; r < hi; r++) {
                        double v = dbl ? part.doubleData()[r] : part.floatData()[r];
                        scalarSide(op, dbl, full, r * inner, v, !fullLeft, out, inner);
                    }
                });
                return out;
            }
        }
        general(op, dbl, a, b, s, out);
        return out;
    }

    /**
     * If {@code part} broadcast to {@code s} repeats as one contiguous trailing block (shape of the
     * form [1,...,1, s_k, ..., s_last] after left-padding), the block length; else 0.
     */
    private static int suffixBlock(int[] part, int[] s) {
        int lead = s.length - part.length;
        int k = 0;
        while (k < part.length && part[k] == 1) {
            k++;
        }
        if (k == part.length) {
            return 0;
        }
        for (int i = k; i < part.length; i++) {
            if (part[i] != s[i + lead]) {
                return 0;
            }
        }
        int block = 1;
        for (int i = k + lead; i < s.length; i++) {
            block *= s[i];
        }
        return block;
    }

    /**
     * If {@code part} broadcast to {@code s} is constant over trailing blocks (shape [s_0..s_k, 1..1]),
     * the block length; else 0. A one-element operand gives the whole size.
     */
    private static int prefixInner(int[] part, int[] s) {
        int lead = s.length - part.length;
        int k = part.length;
        while (k > 0 && part[k - 1] == 1) {
            k--;
        }
        if (k == 0) {
            return Shape.numel(s);
        }
        if (lead > 0) {
            return 0;
        }
        for (int i = 0; i < k; i++) {
            if (part[i] != s[i + lead]) {
                return 0;
            }
        }
        int inner = 1;
        for (int i = k; i < s.length; i++) {
            inner *= s[i];
        }
        return inner;
    }

    private static void vv(BinaryOp op, boolean dbl, Tensor x, int xo, Tensor y, int yo, Tensor out, int oo, int len) {
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
    private static void scalarSide(BinaryOp op, boolean dbl, Tensor x, int xo, double s, boolean scalarLeft,
                                   Tensor out, int len) {
        int oo = xo;
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

    /** Any broadcast, any strides: a scalar loop over the output's multi-index. */
    private static void general(BinaryOp op, boolean dbl, Tensor a, Tensor b, int[] s, Tensor out) {
        int[] sa = Strided.broadcastStrides(a.shapeRef(), a.stridesRef(), s);
        int[] sb = Strided.broadcastStrides(b.shapeRef(), b.stridesRef(), s);
        int r = s.length;
        int n = Shape.numel(s);
        int[] idx = new int[r];
        int pa = a.offset();
        int pb = b.offset();
        int inner = r == 0 ? 1 : s[r - 1];
        int ia = r == 0 ? 0 : sa[r - 1];
        int ib = r == 0 ? 0 : sb[r - 1];
        for (int o = 0; o < n; o += inner) {
            for (int j = 0; j < inner; j++) {
                if (dbl) {
                    out.doubleData()[o + j] = op.apply(a.doubleData()[pa + j * ia], b.doubleData()[pb + j * ib]);
                } else {
                    out.floatData()[o + j] = op.apply(a.floatData()[pa + j * ia], b.floatData()[pb + j * ib]);
                }
            }
            for (int d = r - 2; d >= 0; d--) {
                idx[d]++;
                pa += sa[d];
                pb += sb[d];
                if (idx[d] < s[d]) {
                    break;
                }
                pa -= sa[d] * s[d];
                pb -= sb[d] * s[d];
                idx[d] = 0;
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
