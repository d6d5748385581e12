package org.occam.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The conv kernels that unfold an image straight into the GEMM's packed panels give the same bits
 * as the unfold-then-GEMM path they replace (the same packed values meet the same kernel). The
 * cases cover both paths of each product (packed forward: stride 1, whole output rows per panel,
 * output rows narrower than the image; packed weight gradient: at least
 * {@link Conv#PACK_MIN_POSITIONS} output positions).
 */
class ConvPackTest {

    /** {n, c, h, w, o, kh, kw, stride, pad}; n at most one weight-gradient group. */
    private static final int[][] CASES = {
        {2, 3, 7, 5, 5, 3, 3, 1, 1}, {1, 4, 9, 11, 6, 3, 3, 2, 1}, {3, 5, 8, 8, 7, 1, 1, 2, 0},
        {2, 2, 13, 9, 9, 5, 5, 1, 2}, {1, 30, 6, 5, 17, 3, 3, 1, 1}, {1, 2, 37, 35, 5, 3, 3, 1, 1},
        {2, 3, 10, 7, 6, 3, 2, 3, 2}, {8, 16, 8, 8, 32, 3, 3, 1, 1}, {2, 3, 32, 32, 6, 3, 3, 1, 1},
        {1, 2, 9, 16, 5, 3, 3, 1, 1}, {2, 2, 12, 64, 5, 5, 5, 1, 2}, {1, 3, 6, 34, 6, 3, 3, 1, 0},
        {2, 2, 5, 68, 7, 5, 5, 1, 0},
    };

    @Test
    void forwardAndWeightGradientMatchUnfoldThenGemmBitForBit() {
        Random r = new Random(41);
        for (int[] cs : CASES) {
            for (boolean f64 : new boolean[] {false, true}) {
                int n = cs[0], c = cs[1], h = cs[2], w = cs[3], o = cs[4], kh = cs[5], kw = cs[6], s = cs[7], pad = cs[8];
                int l = Im2col.outSize(h, kh, s, pad) * Im2col.outSize(w, kw, s, pad);
                int rows = c * kh * kw;
                Buffer x = random(f64, r, n, c, h, w);
                Buffer wt = random(f64, r, o, c, kh, kw);
                Buffer dy = random(f64, r, n, o, l / Im2col.outSize(w, kw, s, pad), Im2col.outSize(w, kw, s, pad));
                double[] cols = Im2col.unfold(x, kh, kw, s, pad, 0).toDoubleArray();
                double[] xd = x.toDoubleArray();
                double[] y = new double[n * o * l];
                double[] dw = new double[o * rows];
                for (int i = 0; i < n; i++) {
                    gemm(f64, o, l, rows, wt.toDoubleArray(), 0, rows, 1, cols, i * rows * l, l, 1, y, i * o * l, l, false);
                    gemm(f64, o, rows, l, dy.toDoubleArray(), i * o * l, l, 1, cols, i * rows * l, 1, l, dw, 0, rows, i > 0);
                }
                String what = Arrays.toString(cs) + (f64 ? " f64" : " f32");
                assertArrayEquals(y, Conv.forward(x, wt, s, pad).toDoubleArray(), 0.0, "forward " + what);
                assertArrayEquals(dw, Conv.weightGrad(x, dy, kh, kw, s, pad).toDoubleArray(), 0.0, "weight grad " + what);
                assertArrayEquals(xd, x.toDoubleArray(), 0.0);
            }
        }
    }

    /** The old path's product, in the operand precision (values held as doubles between calls are exact floats). */
    private static void gemm(boolean f64, int m, int n, int k, double[] a, int aOff, int aRs, int aCs, double[] b, int bOff,
                             int bRs, int bCs, double[] c, int cOff, int ldc, boolean acc) {
        if (f64) {
            Gemm.dgemm(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, ldc, acc);
            return;
        }
        float[] af = toFloat(a);
        float[] bf = toFloat(b);
        float[] cf = toFloat(c);
        Gemm.sgemm(m, n, k, af, aOff, aRs, aCs, bf, bOff, bRs, bCs, cf, cOff, ldc, acc);
        for (int i = 0; i < c.length; i++) {
            c[i] = cf[i];
        }
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    static Buffer random(boolean f64, Random r, int... shape) {
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        if (f64) {
            double[] v = new double[size];
            for (int i = 0; i < size; i++) {
                v[i] = r.nextGaussian();
            }
            return Buffer.wrap(v, shape);
        }
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return Buffer.wrap(v, shape);
    }
}
