package org.occam.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * GEMM on an operand marked constant ({@link PackedOperands}) gives the same bits as GEMM on an
 * unmarked copy of it: as A and as B, row-major and transposed, at an offset, over several depth
 * and column blocks and partial micro-tiles, accumulating or not, on 1 and 2 threads; and both
 * give the bits of one fused multiply-add chain per element (the reference every packing path,
 * A packed per task or whole per call, must meet).
 */
class PackedOperandsTest {

    /** (m, n, k): partial tiles, several depth blocks (k over 256), several column blocks (n over 1024). */
    private static final int[][] SHAPES = {{37, 29, 300}, {300, 70, 513}, {9, 1030, 17}, {65, 33, 257}, {200, 64, 784}, {64, 784, 300}};
    /** Elements before each view, so that offsets are exercised. */
    private static final int OFF = 3;

    private final int savedThreads = Parallel.threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(savedThreads);
    }

    @Test
    void doubleConstantOperandGivesTheSameBits() {
        for (int threads = 1; threads <= 2; threads++) {
            Parallel.setThreads(threads);
            for (int[] s : SHAPES) {
                for (int layout = 0; layout < 8; layout++) {
                    checkDouble(s[0], s[1], s[2], layout, new Random(31L * s[0] + s[1] + layout));
                }
            }
        }
    }

    @Test
    void floatConstantOperandGivesTheSameBits() {
        for (int threads = 1; threads <= 2; threads++) {
            Parallel.setThreads(threads);
            for (int[] s : SHAPES) {
                for (int layout = 0; layout < 8; layout++) {
                    checkFloat(s[0], s[1], s[2], layout, new Random(17L * s[0] + s[2] + layout));
                }
            }
        }
    }

    @Test
    void unmarkedArraysAreNotCached() {
        double[] a = new double[OFF + 20 * 30];
        double[] b = new double[OFF + 30 * 10];
        Gemm.dgemm(20, 10, 30, a, OFF, 30, 1, b, OFF, 10, 1, new double[200], 0, 10, false);
        assertEquals(0, PackedOperands.forms(a));
        assertEquals(0, PackedOperands.forms(b));
    }

    /**
     * layout bit 0: the marked array is B (else A); bit 1: it is read transposed; bit 2: C
     * accumulates. The other operand is a fresh row-major array.
     */
    private static void checkDouble(int m, int n, int k, int layout, Random r) {
        boolean markB = (layout & 1) != 0;
        boolean transposed = (layout & 2) != 0;
        boolean acc = (layout & 4) != 0;
        int rows = markB ? k : m;
        int cols = markB ? n : k;
        double[] constant = new double[OFF + rows * cols];
        double[] other = new double[OFF + (markB ? m * k : k * n)];
        double[] c0 = new double[m * n];
        fill(r, constant);
        fill(r, other);
        fill(r, c0);
        int rs = transposed ? 1 : cols;
        int cs = transposed ? rows : 1;
        double[] copy = constant.clone();
        PackedOperands.markConstant(constant);
        double[] expected = c0.clone();
        double[] first = c0.clone();
        double[] second = c0.clone();
        if (markB) {
            Gemm.dgemm(m, n, k, other, OFF, k, 1, copy, OFF, rs, cs, expected, 0, n, acc);
            Gemm.dgemm(m, n, k, other, OFF, k, 1, constant, OFF, rs, cs, first, 0, n, acc);
            Gemm.dgemm(m, n, k, other, OFF, k, 1, constant, OFF, rs, cs, second, 0, n, acc);
        } else {
            Gemm.dgemm(m, n, k, copy, OFF, rs, cs, other, OFF, n, 1, expected, 0, n, acc);
            Gemm.dgemm(m, n, k, constant, OFF, rs, cs, other, OFF, n, 1, first, 0, n, acc);
            Gemm.dgemm(m, n, k, constant, OFF, rs, cs, other, OFF, n, 1, second, 0, n, acc);
        }
        String what = m + "x" + n + "x" + k + " layout " + layout;
        assertArrayEquals(markB ? fmaChain(m, n, k, other, OFF, k, 1, copy, OFF, rs, cs, c0, acc)
                : fmaChain(m, n, k, copy, OFF, rs, cs, other, OFF, n, 1, c0, acc), expected, what + " vs the fma chain");
        assertArrayEquals(expected, first, what);
        assertArrayEquals(expected, second, what + " (second call)");
        assertEquals(Gemm.isRowwise(m) ? 0 : 1, PackedOperands.forms(constant), what + ": packed views kept");
    }

    private static void checkFloat(int m, int n, int k, int layout, Random r) {
        boolean markB = (layout & 1) != 0;
        boolean transposed = (layout & 2) != 0;
        boolean acc = (layout & 4) != 0;
        int rows = markB ? k : m;
        int cols = markB ? n : k;
        float[] constant = new float[OFF + rows * cols];
        float[] other = new float[OFF + (markB ? m * k : k * n)];
        float[] c0 = new float[m * n];
        fill(r, constant);
        fill(r, other);
        fill(r, c0);
        int rs = transposed ? 1 : cols;
        int cs = transposed ? rows : 1;
        float[] copy = constant.clone();
        PackedOperands.markConstant(constant);
        float[] expected = c0.clone();
        float[] first = c0.clone();
        float[] second = c0.clone();
        if (markB) {
            Gemm.sgemm(m, n, k, other, OFF, k, 1, copy, OFF, rs, cs, expected, 0, n, acc);
            Gemm.sgemm(m, n, k, other, OFF, k, 1, constant, OFF, rs, cs, first, 0, n, acc);
            Gemm.sgemm(m, n, k, other, OFF, k, 1, constant, OFF, rs, cs, second, 0, n, acc);
        } else {
            Gemm.sgemm(m, n, k, copy, OFF, rs, cs, other, OFF, n, 1, expected, 0, n, acc);
            Gemm.sgemm(m, n, k, constant, OFF, rs, cs, other, OFF, n, 1, first, 0, n, acc);
            Gemm.sgemm(m, n, k, constant, OFF, rs, cs, other, OFF, n, 1, second, 0, n, acc);
        }
        String what = m + "x" + n + "x" + k + " layout " + layout;
        assertArrayEquals(markB ? fmaChain(m, n, k, other, OFF, k, 1, copy, OFF, rs, cs, c0, acc)
                : fmaChain(m, n, k, copy, OFF, rs, cs, other, OFF, n, 1, c0, acc), expected, what + " vs the fma chain");
        assertArrayEquals(expected, first, what);
        assertArrayEquals(expected, second, what + " (second call)");
        assertTrue(PackedOperands.forms(constant) == (Gemm.isRowwise(m) ? 0 : 1), what + ": packed views kept");
    }

    /**
     * The reference every GEMM path must match bit for bit: each element of C is one chain of fused
     * multiply-adds over p = 0, 1, ..., k − 1 in order, from C (accumulating) or zero; blocking,
     * packing and tiles only decide where the chain's partial sums are kept.
     */
    private static double[] fmaChain(int m, int n, int k, double[] a, int aOff, int aRs, int aCs,
                                     double[] b, int bOff, int bRs, int bCs, double[] c0, boolean acc) {
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = acc ? c0[i * n + j] : 0;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(a[aOff + i * aRs + p * aCs], b[bOff + p * bRs + j * bCs], s);
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    /** {@link #fmaChain(int, int, int, double[], int, int, int, double[], int, int, int, double[], boolean)} in float. */
    private static float[] fmaChain(int m, int n, int k, float[] a, int aOff, int aRs, int aCs,
                                    float[] b, int bOff, int bRs, int bCs, float[] c0, boolean acc) {
        float[] c = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = acc ? c0[i * n + j] : 0;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(a[aOff + i * aRs + p * aCs], b[bOff + p * bRs + j * bCs], s);
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    private static void fill(Random r, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
    }

    private static void fill(Random r, float[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
    }
}
