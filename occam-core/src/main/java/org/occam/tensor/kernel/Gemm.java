package org.occam.tensor.kernel;

/**
 * General matrix multiply on strided views: C = (accumulate ? C : 0) + op(A)·op(B).
 *
 * <p>op(A) is the M×K matrix with element (i, p) at {@code a[aOff + i*aRs + p*aCs]}, op(B) the K×N
 * matrix with element (p, j) at {@code b[bOff + p*bRs + j*bCs]}, and C is row-major M×N at
 * {@code c[cOff + i*ldc + j]}. Any strides are accepted (transposed views, zero strides from
 * broadcasting), since the operands are packed before use. C must not overlap A or B, and its rows
 * must not overlap each other ({@code ldc >= n} when m > 1).
 *
 * <p>Small products (m·n·k below {@value #SMALL}) run a direct loop on the calling thread; larger
 * ones run the blocked, packed, vectorized kernels of {@link GemmF32} and {@link GemmF64}, in
 * parallel over rectangles of C through {@link Parallel#forRange}. The path and the blocking are
 * chosen from (m, n, k) alone, and the depth is never split across threads, so the result is
 * bit-identical for any {@link Parallel#setThreads thread count}.
 */
public final class Gemm {

    /** Below this many multiply-adds, the direct loop beats packing. */
    static final long SMALL = 1L << 15;

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
                             float[] b, int bOff, int bRs, int bCs, float[] c, int cOff, int ldc, boolean accumulate) {
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
        } else if (isSmall(m, n, k)) {
            GemmF32.small(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, ldc, accumulate);
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
                             double[] b, int bOff, int bRs, int bCs, double[] c, int cOff, int ldc, boolean accumulate) {
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
        } else if (isSmall(m, n, k)) {
            GemmF64.small(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, ldc, accumulate);
        } else {
            GemmF64.blocked(m, n, k, a, aOff, aRs, aCs, b, bOff, bRs, bCs, c, cOff, ldc, accumulate);
        }
    }

    /** Whether the direct loop is used: a function of the sizes only, for determinism. */
    static boolean isSmall(int m, int n, int k) {
        return (long) m * n * k < SMALL;
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
