package org.occam.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Checks {@link Gemm} against a double-precision triple loop over many shapes and memory layouts,
 * and checks that results do not depend on the thread count.
 */
class GemmTest {

    /** Sizes that hit the edges of the micro-tiles and blocks (0, 1, primes, around powers of 2). */
    private static final int[] SIZES = {0, 1, 2, 3, 5, 7, 8, 16, 17, 31, 32, 33, 48, 63, 64, 65, 127, 128, 257};

    private final int savedThreads = Parallel.threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(savedThreads);
    }

    // ---------------------------------------------------------------- layouts and reference

    /** How a rows×cols operand lies in its array: element (i, j) at off + i*rs + j*cs. */
    private record View(int rows, int cols, int off, int rs, int cs, int length) {

        int at(int i, int j) {
            return off + i * rs + j * cs;
        }

        /**
         * A random layout: row-major, column-major (a transposed view), strided, broadcast (zero
         * row stride) or with rows reversed (negative stride), with padding and an offset.
         */
        static View random(Random r, int rows, int cols) {
            int pad = r.nextInt(3);
            int off = r.nextInt(4);
            int kind = r.nextInt(10);
            int rs;
            int cs;
            switch (kind) {
                case 0, 1, 2 -> {
                    rs = cols + pad;
                    cs = 1;
                }
                case 3, 4, 5 -> {
                    rs = 1;
                    cs = rows + pad;
                }
                case 6 -> {
                    rs = 2 * cols + pad;
                    cs = 2;
                }
                case 7 -> {
                    rs = 1;
                    cs = 3 * rows + pad;
                }
                case 8 -> {
                    rs = 0;
                    cs = 1;
                }
                default -> {
                    // Rows reversed: a negative row stride, starting from the last row.
                    int stride = cols + pad;
                    return new View(rows, cols, off + Math.max(0, rows - 1) * stride, -stride, 1,
                            off + Math.max(1, rows * stride) + 2);
                }
            }
            long last = (long) Math.max(0, rows - 1) * rs + (long) Math.max(0, cols - 1) * cs;
            return new View(rows, cols, off, rs, cs, (int) (off + last + 1 + r.nextInt(3)));
        }

        /** A row-major view with leading dimension ld >= cols (the only layout C may have). */
        static View rowMajor(Random r, int rows, int cols) {
            int ld = cols + r.nextInt(4);
            int off = r.nextInt(4);
            return new View(rows, cols, off, ld, 1, off + rows * ld + r.nextInt(3));
        }
    }

    /** One product to check: layouts, accumulate flag and data (held as doubles). */
    private record Case(int m, int n, int k, View a, View b, View c, boolean accumulate,
                        double[] av, double[] bv, double[] cv) {

        static Case random(Random r, int m, int n, int k, boolean asFloat) {
            View a = View.random(r, m, k);
            View b = View.random(r, k, n);
            View c = View.rowMajor(r, m, n);
            return new Case(m, n, k, a, b, c, r.nextBoolean(),
                    values(r, a.length, asFloat), values(r, b.length, asFloat), values(r, c.length, asFloat));
        }

        private static double[] values(Random r, int len, boolean asFloat) {
            double[] v = new double[len];
            for (int i = 0; i < len; i++) {
                double x = r.nextDouble() * 2 - 1;
                v[i] = asFloat ? (float) x : x;
            }
            return v;
        }

        float[] runFloat() {
            float[] out = toFloat(cv);
            Gemm.sgemm(m, n, k, toFloat(av), a.off, a.rs, a.cs, toFloat(bv), b.off, b.rs, b.cs,
                    out, c.off, c.rs, accumulate);
            return out;
        }

        double[] runDouble() {
            double[] out = cv.clone();
            Gemm.dgemm(m, n, k, av, a.off, a.rs, a.cs, bv, b.off, b.rs, b.cs, out, c.off, c.rs, accumulate);
            return out;
        }

        /**
         * Checks C element (i, j) of the result against the exact-ish double sum, within relTol
         * times the sum of the magnitudes of its terms.
         */
        void checkElement(double[] result, int i, int j, double relTol) {
            int ci = c.at(i, j);
            double sum = accumulate ? cv[ci] : 0;
            double mag = Math.abs(sum);
            for (int p = 0; p < k; p++) {
                double t = av[a.at(i, p)] * bv[b.at(p, j)];
                sum += t;
                mag += Math.abs(t);
            }
            double err = Math.abs(result[ci] - sum);
            if (!(err <= relTol * mag + Double.MIN_NORMAL)) {
                fail(String.format("%s: C(%d,%d) = %s, expected %s (error %.3g > %.3g)",
                        this, i, j, result[ci], sum, err, relTol * mag));
            }
        }

        /** Checks every element of C and that the array outside the view is untouched. */
        void checkAll(double[] result, double relTol) {
            boolean[] inView = new boolean[cv.length];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    checkElement(result, i, j, relTol);
                    inView[c.at(i, j)] = true;
                }
            }
            for (int x = 0; x < cv.length; x++) {
                if (!inView[x] && Double.doubleToRawLongBits(result[x]) != Double.doubleToRawLongBits(cv[x])) {
                    fail(this + ": element " + x + " outside C was written");
                }
            }
        }

        @Override
        public String toString() {
            return "m=" + m + " n=" + n + " k=" + k + " acc=" + accumulate + " A=" + a + " B=" + b + " C=" + c;
        }
    }

    private static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    private static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }

    private static double floatTol(int k) {
        return 1e-5 * Math.sqrt(Math.max(1, k));
    }

    private static double doubleTol(int k) {
        return 1e-12 * Math.max(1, k);
    }

    // ---------------------------------------------------------------- correctness

    @Test
    void randomShapesAndLayoutsFloat() {
        Random r = new Random(42);
        for (int t = 0; t < 400; t++) {
            Case cs = Case.random(r, pick(r), pick(r), pick(r), true);
            cs.checkAll(toDouble(cs.runFloat()), floatTol(cs.k));
        }
    }

    @Test
    void randomShapesAndLayoutsDouble() {
        Random r = new Random(43);
        for (int t = 0; t < 400; t++) {
            Case cs = Case.random(r, pick(r), pick(r), pick(r), false);
            cs.checkAll(cs.runDouble(), doubleTol(cs.k));
        }
    }

    @Test
    void everySmallShape() {
        Random r = new Random(44);
        for (int m = 0; m <= 9; m++) {
            for (int n = 0; n <= 9; n++) {
                for (int k : new int[] {0, 1, 2, 5, 9}) {
                    Case cs = Case.random(r, m, n, k, true);
                    cs.checkAll(toDouble(cs.runFloat()), floatTol(k));
                    cs.checkAll(cs.runDouble(), doubleTol(k));
                }
            }
        }
    }

    /**
     * Several depth blocks, several column blocks, partial tiles everywhere, and parallel
     * row-wise products, in both precisions.
     */
    @Test
    void multipleBlocks() {
        Random r = new Random(45);
        int[][] shapes = {{37, 1100, 600}, {130, 529, 300}, {300, 40, 1031}, {9, 2000, 70}, {3, 1000, 100}};
        for (int[] s : shapes) {
            Case cs = Case.random(r, s[0], s[1], s[2], true);
            double[] f = toDouble(cs.runFloat());
            double[] d = cs.runDouble();
            for (int i = 0; i < s[0]; i += 3) {
                for (int j = 0; j < s[1]; j += 7) {
                    cs.checkElement(f, i, j, floatTol(s[2]));
                    cs.checkElement(d, i, j, doubleTol(s[2]));
                }
            }
        }
    }

    /** Shapes of an MLP 784-512-512-10 with batch 1024, forward and backward, checked on a sample. */
    @Test
    void mlpShapes() {
        Random r = new Random(46);
        // {m, n, k, layout}: 0 = A·B, 1 = Aᵀ·B (weight gradient), 2 = A·Bᵀ (input gradient).
        int[][] shapes = {
            {1024, 512, 784, 0}, {1024, 10, 512, 0}, {784, 512, 1024, 1}, {512, 10, 1024, 1},
            {1024, 512, 10, 2}, {1024, 784, 512, 2}, {512, 256, 784, 0}, {1, 512, 784, 0}, {1, 10, 512, 0},
        };
        for (int[] s : shapes) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            View a = s[3] == 1 ? new View(m, k, 0, 1, m, m * k) : new View(m, k, 0, k, 1, m * k);
            View b = s[3] == 2 ? new View(k, n, 0, 1, k, k * n) : new View(k, n, 0, n, 1, k * n);
            View c = new View(m, n, 0, n, 1, m * n);
            Case cs = new Case(m, n, k, a, b, c, false, Case.values(r, m * k, true),
                    Case.values(r, k * n, true), new double[m * n]);
            double[] f = toDouble(cs.runFloat());
            for (int t = 0; t < 300; t++) {
                cs.checkElement(f, r.nextInt(m), r.nextInt(n), floatTol(k));
            }
            cs.checkElement(f, m - 1, n - 1, floatTol(k));
        }
    }

    @Test
    void zeroDepthZeroesOrKeepsC() {
        float[] c = {1, 2, 3, 4, 5, 6, 7};
        Gemm.sgemm(2, 2, 0, new float[0], 0, 0, 0, new float[0], 0, 0, 0, c, 1, 3, true);
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7}, c);
        Gemm.sgemm(2, 2, 0, new float[0], 0, 0, 0, new float[0], 0, 0, 0, c, 1, 3, false);
        assertArrayEquals(new float[] {1, 0, 0, 4, 0, 0, 7}, c);
        double[] d = {1, 2, 3, 4, 5};
        Gemm.dgemm(2, 2, 0, new double[0], 0, 0, 0, new double[0], 0, 0, 0, d, 0, 2, false);
        assertArrayEquals(new double[] {0, 0, 0, 0, 5}, d);
    }

    @Test
    void emptyOutputTouchesNothing() {
        float[] c = {1, 2};
        Gemm.sgemm(0, 5, 3, new float[0], 0, 3, 1, new float[15], 0, 5, 1, c, 0, 5, false);
        Gemm.sgemm(4, 0, 3, new float[12], 0, 3, 1, new float[0], 0, 0, 1, c, 0, 0, false);
        assertArrayEquals(new float[] {1, 2}, c);
    }

    /** Zero strides from broadcasting, on both the row-wise and the blocked path. */
    @Test
    void broadcastOperands() {
        for (int size : new int[] {2, 6, 70}) {
            int m = size;
            int n = size + 3;
            int k = size + 1;
            float[] row = new float[k];
            float[] col = new float[n];
            Arrays.fill(row, 0.5f);
            for (int j = 0; j < n; j++) {
                col[j] = j;
            }
            float[] c = new float[m * n];
            // A: every row is `row` (aRs = 0); B: every row is `col` (bRs = 0).
            Gemm.sgemm(m, n, k, row, 0, 0, 1, col, 0, 0, 1, c, 0, n, false);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(0.5f * k * j, c[i * n + j], 1e-4f * k * j);
                }
            }
        }
    }

    @Test
    void rejectsViewsOutsideTheArrays() {
        float[] a = new float[6];
        float[] c = new float[4];
        assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(2, 2, 3, a, 1, 3, 1, a, 0, 2, 1, c, 0, 2, false));
        assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(2, 2, 3, a, 0, 3, 1, a, 0, 2, 1, c, 1, 2, false));
        assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(2, 2, 1, a, 0, 1, 1, a, 0, 2, 1, c, 0, 1, false));
        assertThrows(IllegalArgumentException.class,
                () -> Gemm.sgemm(-1, 2, 1, a, 0, 1, 1, a, 0, 2, 1, c, 0, 2, false));
    }

    // ---------------------------------------------------------------- determinism

    /** The same call with 1 and 2 threads gives the same bits, for several shapes and layouts. */
    @Test
    void bitIdenticalForAnyThreadCount() {
        Random r = new Random(47);
        int[][] shapes = {{300, 257, 129}, {300, 1100, 600}, {9, 2000, 300}, {70, 70, 70}, {3, 1000, 100}};
        for (int[] s : shapes) {
            Case cs = Case.random(r, s[0], s[1], s[2], true);
            Parallel.setThreads(1);
            float[] f1 = cs.runFloat();
            double[] d1 = cs.runDouble();
            Parallel.setThreads(2);
            for (int rep = 0; rep < 3; rep++) {
                assertArrayEquals(f1, cs.runFloat(), cs.toString());
                assertArrayEquals(d1, cs.runDouble(), cs.toString());
            }
        }
    }

    private static int pick(Random r) {
        return SIZES[r.nextInt(SIZES.length)];
    }
}
