package org.occam.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The conv input gradient taken as a forward convolution of dy with the flipped kernel (stride 1,
 * square kernels, no more output than input channels) against naive adjoint loops and the
 * fold-the-columns path it replaces, on odd sizes, every padding 0..k−1, kernels 3 and 5, and the
 * shapes that keep the fold (stride 2, rectangular and 1×1 kernels, more output channels, padding
 * k); bit-identical for 1 and 2 threads. Finite differences: occam-core's ConvTransposedGradTest.
 */
class ConvInputGradTest {

    /** {n, o, c, h, w, kh, kw, stride, pad, transposed (1) or folded (0)}. */
    private static final int[][] CASES = {
        {2, 3, 3, 7, 5, 3, 3, 1, 1, 1}, {1, 2, 5, 9, 11, 3, 3, 1, 0, 1}, {3, 4, 4, 6, 6, 3, 3, 1, 2, 1},
        {2, 3, 6, 11, 7, 5, 5, 1, 2, 1}, {1, 2, 3, 8, 9, 5, 5, 1, 4, 1}, {2, 5, 5, 9, 16, 3, 3, 1, 1, 1},
        {2, 6, 6, 4, 32, 3, 3, 1, 1, 1}, {1, 1, 1, 5, 5, 3, 3, 1, 1, 1}, {2, 7, 9, 13, 13, 5, 5, 1, 0, 1},
        {2, 3, 3, 9, 7, 3, 3, 2, 1, 0}, {1, 3, 2, 7, 6, 3, 2, 1, 1, 0}, {2, 4, 3, 5, 5, 1, 1, 1, 0, 0},
        {2, 5, 3, 7, 7, 3, 3, 1, 1, 0}, {1, 2, 3, 6, 6, 3, 3, 1, 3, 0}, {2, 3, 4, 8, 8, 3, 3, 3, 2, 0},
    };

    @Test
    void transposedInputGradientMatchesNaiveLoopsAndTheFoldPath() {
        Random r = new Random(71);
        for (int[] cs : CASES) {
            for (boolean f64 : new boolean[] {false, true}) {
                int n = cs[0], o = cs[1], c = cs[2], h = cs[3], w = cs[4], kh = cs[5], kw = cs[6], s = cs[7], pad = cs[8];
                String what = Arrays.toString(cs) + (f64 ? " f64" : " f32");
                assertEquals(cs[9] == 1, Conv.transposesInputGrad(o, c, kh, kw, s, pad), "dispatch " + what);
                int ho = Im2col.outSize(h, kh, s, pad);
                int wo = Im2col.outSize(w, kw, s, pad);
                Buffer wt = ConvPackTest.random(f64, r, o, c, kh, kw);
                Buffer dy = ConvPackTest.random(f64, r, n, o, ho, wo);
                double[] now = Conv.inputGrad(dy, wt, h, w, s, pad).toDoubleArray();
                double[] fold = Conv.inputGradByFold(dy, wt, h, w, s, pad).toDoubleArray();
                double tol = f64 ? 1e-12 : 1e-4;
                assertArrayEquals(naive(dy.toDoubleArray(), wt.toDoubleArray(), n, o, c, h, w, kh, kw, s, pad), now, tol,
                        "naive " + what);
                assertArrayEquals(fold, now, cs[9] == 1 ? tol : 0.0, "fold path " + what);
            }
        }
    }

    @Test
    void flippedTransposeRotatesEachKernel() {
        Buffer w = ConvPackTest.random(true, new Random(72), 3, 2, 3, 2);
        double[] a = w.toDoubleArray();
        double[] t = Conv.flippedTranspose(w).toDoubleArray();
        assertArrayEquals(new int[] {2, 3, 3, 2}, Conv.flippedTranspose(w).shapeRef());
        for (int o = 0; o < 3; o++) {
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 2; j++) {
                        assertEquals(a[((o * 2 + c) * 3 + i) * 2 + j], t[((c * 3 + o) * 3 + (2 - i)) * 2 + (1 - j)], 0.0);
                    }
                }
            }
        }
    }

    @Test
    void bitsDoNotDependOnThreadCount() {
        // {n, o, c, h, w, k, pad}: a column-buffer case and one whose panels pack straight from dy.
        int[][] cases = {{9, 6, 7, 7, 5, 3, 1}, {9, 8, 8, 16, 32, 3, 1}, {5, 6, 6, 9, 9, 5, 2}};
        for (int[] cs : cases) {
            for (boolean f64 : new boolean[] {false, true}) {
                assertArrayEquals(threaded(1, f64, cs), threaded(2, f64, cs), 0.0, Arrays.toString(cs) + " " + f64);
            }
        }
    }

    private static double[] threaded(int threads, boolean f64, int[] cs) {
        int old = Parallel.threads();
        Parallel.setThreads(threads);
        try {
            Random r = new Random(73);
            int n = cs[0], o = cs[1], c = cs[2], h = cs[3], w = cs[4], k = cs[5], pad = cs[6];
            Buffer wt = ConvPackTest.random(f64, r, o, c, k, k);
            Buffer dy = ConvPackTest.random(f64, r, n, o, Im2col.outSize(h, k, 1, pad), Im2col.outSize(w, k, 1, pad));
            return Conv.inputGrad(dy, wt, h, w, 1, pad).toDoubleArray();
        } finally {
            Parallel.setThreads(old);
        }
    }

    /** dx[b, ch, y, x] = Σ w[q, ch, u, v] · dy[b, q, i, j] over the taps with i·stride − pad + u = y, j·stride − pad + v = x. */
    static double[] naive(double[] dy, double[] w, int n, int o, int c, int h, int wd, int kh, int kw, int st, int pad) {
        int ho = Im2col.outSize(h, kh, st, pad);
        int wo = Im2col.outSize(wd, kw, st, pad);
        double[] dx = new double[n * c * h * wd];
        for (int b = 0; b < n; b++) {
            for (int q = 0; q < o; q++) {
                for (int i = 0; i < ho; i++) {
                    for (int j = 0; j < wo; j++) {
                        double g = dy[((b * o + q) * ho + i) * wo + j];
                        for (int ch = 0; ch < c; ch++) {
                            for (int u = 0; u < kh; u++) {
                                for (int v = 0; v < kw; v++) {
                                    int yy = i * st - pad + u;
                                    int xx = j * st - pad + v;
                                    if (yy >= 0 && yy < h && xx >= 0 && xx < wd) {
                                        dx[((b * c + ch) * h + yy) * wd + xx] += g * w[((q * c + ch) * kh + u) * kw + v];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return dx;
    }
}
