package org.occam.tensor.kernel;

/**
 * General matrix multiply on strided views: C = (accumulate ? C : 0) + op(A)·op(B).
 *
 * <p>op(A) is the M×K matrix with element (i, p) at {@code a[aOff + i*aRs + p*aCs]}, op(B) the K×N
 * matrix with element (p, j) at {@code b[bOff + p*bRs + j*bCs]}, and C is row-major M×N at
 * {@code c[cOff + i*ldc + j]}. Any strides are accepted (transposed views, negative strides, zero
 * strides from broadcasting): operands are read through their strides, into packed copies on the
 * blocked path. C must not overlap A or B, and its rows must not overlap each other
 * ({@code ldc >= n} when m > 1).
 *
 * <p>Products with at most {@value #ROWWISE_MAX_ROWS} rows run a row-wise vector loop without
 * packing; the others run the blocked, packed, register-tiled kernels of {@link GemmF64} and its
 * float twin {@code GemmF32}, generated from it at build time. Both run in parallel through {@link Parallel#forRange} over fixed chunks of C
 * (columns, or rectangles of rows × columns) once a product is big enough, and run on the calling
 * thread alone below that. The path and the chunks are chosen from (m, n, k) alone, and the depth
 * is never split across threads, so every element of C is computed by the same operations in the
 * same order whatever the {@link Parallel#setThreads thread count}: results are bit-identical.
 */
public final class Gemm {

    /**
     * Up to this many rows of C, streaming B once beats packing it (vector-matrix and other short
     * products); above, the blocked kernel wins from sizes of about 8×8×8 up.
     */
    static final int ROWWISE_MAX_ROWS = 4;

    private Gemm() {
    }

    /**
     * fp32 GEMM: {@code C[M×N] = (accumulate ? C : 0) + op(A)·op(B)}, where op(A)(i,p) =
     * {@code a[aOff + i*aRs + p*aCs]} (M×K), op(B)(p,j) = {@code b[bOff + p*bRs + j*bCs]} (K×N) and
     * C is row-major at {@code c[cOff + i*ldc + j]}. General strides make transposed and strided
     * views free: packing reads any strides. With k = 0, C is zeroed unless accumulating.
     *
     * @throws IllegalArgumentException if a size is negative or a view reaches outside its array
     */
    public static void sgemm(int m, int n, int k, float[] a, int aOff, int aRs, int aCs,
                             float[] b, int bOff, int bRs, int bCs,
                             float[] c, int cOff, int ldc, boolean accumulate) {
        checkArgs(m, n, k, a.length, aOff, aRs, aCs, b.length, bOff, bRs, bCs, c.length, cOff, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            if (!accumulate) {
                for (int i = 0; i < m; i++) {
                    java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
                }
            }
        } else if (isRowwise(m)) {
            GemmF32.rowwise(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, ldc, accumulate);
        } else {
            GemmF32.blocked(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, ldc, accumulate);
        }
    }

    /**
     * fp64 GEMM: {@code C[M×N] = (accumulate ? C : 0) + op(A)·op(B)}, where op(A)(i,p) =
     * {@code a[aOff + i*aRs + p*aCs]} (M×K), op(B)(p,j) = {@code b[bOff + p*bRs + j*bCs]} (K×N) and
     * C is row-major at {@code c[cOff + i*ldc + j]}. General strides make transposed and strided
     * views free: packing reads any strides. With k = 0, C is zeroed unless accumulating.
     *
     * @throws IllegalArgumentException if a size is negative or a view reaches outside its array
     */
    public static void dgemm(int m, int n, int k, double[] a, int aOff, int aRs, int aCs,
                             double[] b, int bOff, int bRs, int bCs,
                             double[] c, int cOff, int ldc, boolean accumulate) {
        checkArgs(m, n, k, a.length, aOff, aRs, aCs, b.length, bOff, bRs, bCs, c.length, cOff, ldc);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            if (!accumulate) {
                for (int i = 0; i < m; i++) {
                    java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0d);
                }
            }
        } else if (isRowwise(m)) {
            GemmF64.rowwise(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, ldc, accumulate);
        } else {
            GemmF64.blocked(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, ldc, accumulate);
        }
    }

    /** Columns of one packed B panel of the blocked kernel (the micro-tile width) for fp64 or fp32. */
    static int panelWidth(boolean f64) {
        return f64 ? GemmF64.NR : GemmF32.NR;
    }

    /**
     * Whether the row-wise loop (no packing) is used rather than the blocked kernel: a function of
     * the sizes only, never of the thread count, for determinism.
     */
    static boolean isRowwise(int m) {
        return m <= ROWWISE_MAX_ROWS;
    }

    private static void checkArgs(int m, int n, int k, int aLen, int aOff, int aRs, int aCs,
                                  int bLen, int bOff, int bRs, int bCs, int cLen, int cOff, int ldc) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("negative size: m=" + m + " n=" + n + " k=" + k);
        }
        if (m > 1 && ldc < n) {
            throw new IllegalArgumentException("ldc=" + ldc + " < n=" + n + ": rows of C would overlap");
        }
        checkView("A", aLen, aOff, m, aRs, k, aCs);
        checkView("B", bLen, bOff, k, bRs, n, bCs);
        checkView("C", cLen, cOff, m, ldc, n, 1);
    }

    /** Checks that every element of a rows×cols view at off with the given strides is in [0, len). */
    private static void checkView(String name, int len, int off, int rows, int rs, int cols, int cs) {
        if (rows == 0 || cols == 0) {
            return;
        }
        long r = (long) (rows - 1) * rs;
        long q = (long) (cols - 1) * cs;
        long lo = off + Math.min(r, 0) + Math.min(q, 0);
        long hi = off + Math.max(r, 0) + Math.max(q, 0);
        if (lo < 0 || hi >= len) {
            throw new IllegalArgumentException(name + " view " + rows + "x" + cols + " at offset " + off
                    + " with strides (" + rs + ", " + cs + ") reaches [" + lo + ", " + hi
                    + "] outside an array of length " + len);
        }
    }
}
