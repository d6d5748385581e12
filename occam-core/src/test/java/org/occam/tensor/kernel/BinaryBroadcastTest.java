package org.occam.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Shape;
import org.occam.tensor.Tensor;

/** Every broadcasting path of {@link Binary} against an element-by-element reference. */
class BinaryBroadcastTest {

    /** The definition: out[i] = a[broadcast i] op b[broadcast i], one multi-index at a time. */
    private static double[] reference(BinaryOp op, Tensor a, Tensor b) {
        int[] s = Shape.broadcast(a.shapeRef(), b.shapeRef());
        double[] out = new double[Shape.numel(s)];
        int[] idx = new int[s.length];
        for (int o = 0; o < out.length; o++) {
            int rem = o;
            for (int d = s.length - 1; d >= 0; d--) {
                idx[d] = rem % s[d];
                rem /= s[d];
            }
            double x = at(a, idx);
            double y = at(b, idx);
            out[o] = a.dtype() == DType.FLOAT64 ? op.apply(x, y) : op.apply((float) x, (float) y);
        }
        return out;
    }

    private static double at(Tensor t, int[] outIdx) {
        int lead = outIdx.length - t.rank();
        int[] i = new int[t.rank()];
        for (int d = 0; d < i.length; d++) {
            i[d] = t.shapeRef()[d] == 1 ? 0 : outIdx[d + lead];
        }
        return t.get(i);
    }

    /** The tensor's storage as the kernels see it: its whole array, read through its geometry. */
    private static Buffer raw(Tensor t) {
        Buffer all = t.dtype() == DType.FLOAT64 ? Buffer.wrap(t.doubleData(), t.doubleData().length)
                : Buffer.wrap(t.floatData(), t.floatData().length);
        return all.view(t.shapeRef(), t.strides(), t.offset());
    }

    private static void check(BinaryOp op, Tensor a, Tensor b) {
        Buffer got = Binary.apply(op, raw(a), raw(b));
        assertArrayEquals(reference(op, a, b), got.toDoubleArray(), 0.0,
                op + " " + a.dtype() + " " + Shape.str(a.shapeRef()) + " vs " + Shape.str(b.shapeRef()));
    }

    @Test
    void convAndNormPatterns() {
        Rng rng = Rng.seed(1);
        int[][][] pairs = {
            {{4, 5, 6, 7}, {1, 5, 1, 1}}, {{4, 5, 6, 7}, {4, 5, 1, 1}}, {{4, 5, 6, 7}, {5, 1, 1}},
            {{4, 5, 6, 7}, {1, 1, 6, 7}}, {{4, 5, 6, 7}, {4, 1, 6, 7}}, {{4, 5, 6, 7}, {4, 1, 1, 7}},
            {{4, 5, 6, 7}, {1, 5, 6, 1}}, {{3, 7}, {7}}, {{3, 7}, {3, 1}}, {{3, 1}, {1, 7}}, {{9}, {}},
            {{2, 1, 3}, {1, 4, 1}}, {{1, 1, 1}, {1}}, {{2, 40000}, {1, 1}}, {{3, 70000}, {3, 1}},
        };
        for (int[][] p : pairs) {
            for (DType dtype : DType.values()) {
                Tensor a = rng.normal(dtype, 0, 1, p[0]);
                Tensor b = rng.normal(dtype, 0, 1, p[1]);
                for (BinaryOp op : BinaryOp.values()) {
                    check(op, a, b);
                    check(op, b, a);
                }
            }
        }
    }

    @Test
    void randomShapesAndStridedViews() {
        Rng rng = Rng.seed(2);
        for (int trial = 0; trial < 300; trial++) {
            int rank = rng.nextInt(6);
            int[] s = new int[rank];
            for (int d = 0; d < rank; d++) {
                s[d] = 1 + rng.nextInt(6);
            }
            DType dtype = trial % 2 == 0 ? DType.FLOAT64 : DType.FLOAT32;
            Tensor a = operand(s, rng, dtype);
            Tensor b = operand(s, rng, dtype);
            BinaryOp op = BinaryOp.values()[rng.nextInt(BinaryOp.values().length)];
            check(op, a, b);
        }
    }

    /** A random operand broadcastable to s: some axes dropped or 1, maybe transposed or sliced. */
    private static Tensor operand(int[] s, Rng rng, DType dtype) {
        int drop = s.length == 0 ? 0 : rng.nextInt(s.length + 1);
        int[] shape = Arrays.copyOfRange(s, drop, s.length);
        for (int d = 0; d < shape.length; d++) {
            if (rng.nextInt(3) == 0) {
                shape[d] = 1;
            }
        }
        int view = rng.nextInt(3);
        if (view == 1 && shape.length >= 2) {
            int[] swapped = shape.clone();
            swapped[0] = shape[1];
            swapped[1] = shape[0];
            return rng.normal(dtype, 0, 1, swapped).transpose(0, 1);
        }
        if (view == 2 && shape.length >= 1) {
            int[] wider = shape.clone();
            int last = shape.length - 1;
            wider[last] = shape[last] + 2;
            return rng.normal(dtype, 0, 1, wider).slice(last, 1, 1 + shape[last]);
        }
        return rng.normal(dtype, 0, 1, shape);
    }

    @Test
    void bitsDoNotDependOnThreadCount() {
        Rng rng = Rng.seed(3);
        Tensor a = rng.normal(DType.FLOAT32, 0, 1, 64, 32, 9, 9);
        Tensor b = rng.normal(DType.FLOAT32, 0, 1, 1, 32, 1, 1);
        int old = Parallel.threads();
        try {
            Parallel.setThreads(1);
            float[] one = Strided.contiguousCopy(Binary.apply(BinaryOp.MUL, raw(a), raw(b))).floatData();
            Parallel.setThreads(2);
            assertArrayEquals(one, Strided.contiguousCopy(Binary.apply(BinaryOp.MUL, raw(a), raw(b))).floatData(), 0f);
        } finally {
            Parallel.setThreads(old);
        }
    }
}
