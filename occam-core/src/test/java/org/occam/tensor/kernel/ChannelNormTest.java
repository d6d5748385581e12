package org.occam.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The batch-norm channel kernels (ChannelNormF64 and its generated float twin) against naive loops
 * in double on odd shapes (rows shorter and longer than a vector, with tails), the 64-bit
 * accumulation the float twin must keep, and bit-identical results for 1 and 2 threads.
 */
class ChannelNormTest {

    /** {n, c, s}. */
    private static final int[][] SHAPES = {{3, 5, 7}, {2, 3, 1}, {4, 2, 33}, {5, 3, 64}, {1, 4, 100}};

    @Test
    void kernelsMatchNaiveLoops() {
        Random r = new Random(91);
        for (int[] sh : SHAPES) {
            int n = sh[0], c = sh[1], s = sh[2];
            for (boolean f64 : new boolean[] {false, true}) {
                double[] x = draw(r, n * c * s, f64);
                double[] g = draw(r, n * c * s, f64);
                double[] k = draw(r, c, true);
                double[] t = draw(r, c, true);
                double[] u = draw(r, c, true);
                double tol = f64 ? 1e-12 : 1e-5;
                double[] mean = new double[c];
                double[] var = new double[c];
                double[] sumG = new double[c];
                double[] sumGx = new double[c];
                double[] norm = new double[n * c * s];
                double[] comb = new double[n * c * s];
                run(f64, x, g, n, c, s, k, t, u, mean, var, sumG, sumGx, norm, comb);
                for (int ch = 0; ch < c; ch++) {
                    double m = 0;
                    double q = 0;
                    double a = 0;
                    double b = 0;
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < s; j++) {
                            m += x[(i * c + ch) * s + j];
                        }
                    }
                    m /= (double) n * s;
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < s; j++) {
                            int at = (i * c + ch) * s + j;
                            q += (x[at] - m) * (x[at] - m);
                            a += g[at];
                            b += g[at] * (x[at] - m);
                            assertEquals((x[at] - t[ch]) * k[ch] + u[ch], norm[at], tol * 10, "normalize");
                            assertEquals(g[at] * k[ch] + (x[at] - t[ch]) * u[ch] + k[ch], comb[at], tol * 10, "combine");
                        }
                    }
                    assertEquals(m, mean[ch], tol, "mean");
                    assertEquals(q / ((double) n * s), var[ch], tol, "var");
                    assertEquals(a, sumG[ch], tol * n * s, "sum g");
                    assertEquals(b, sumGx[ch], tol * n * s, "sum g(x - mean)");
                }
            }
        }
    }

    @Test
    void floatStatisticsAccumulateIn64Bits() {
        // 2^20 values of 0.1f per channel: a float accumulator drifts by ~1e-3 relative, a double one does not.
        int n = 1 << 20;
        float[] x = new float[n * 2];
        Arrays.fill(x, 0.1f);
        double[] mean = new double[2];
        double[] var = new double[2];
        ChannelNorm.stats(x, n, 2, 1, mean, var);
        assertEquals((double) 0.1f, mean[0], 1e-12);
        assertEquals(0.0, var[1], 1e-20);
        double[] sumG = new double[2];
        double[] sumGx = new double[2];
        ChannelNorm.gradSums(x, x, n, 2, 1, new double[2], sumG, sumGx);
        assertEquals(n * (double) 0.1f, sumG[1], 1e-6);
    }

    @Test
    void bitsDoNotDependOnThreadCount() {
        for (boolean f64 : new boolean[] {false, true}) {
            assertArrayEquals(threaded(1, f64), threaded(2, f64), 0.0);
        }
    }

    private static double[] threaded(int threads, boolean f64) {
        int old = Parallel.threads();
        Parallel.setThreads(threads);
        try {
            Random r = new Random(92);
            int n = 9, c = 11, s = 37;
            double[] x = draw(r, n * c * s, f64);
            double[] g = draw(r, n * c * s, f64);
            double[] k = draw(r, c, true);
            double[] t = draw(r, c, true);
            double[] u = draw(r, c, true);
            double[] out = new double[4 * c + 2 * n * c * s];
            double[][] parts = {new double[c], new double[c], new double[c], new double[c], new double[n * c * s],
                new double[n * c * s]};
            run(f64, x, g, n, c, s, k, t, u, parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]);
            int at = 0;
            for (double[] p : parts) {
                System.arraycopy(p, 0, out, at, p.length);
                at += p.length;
            }
            return out;
        } finally {
            Parallel.setThreads(old);
        }
    }

    /** stats, gradSums (around the batch mean), normalize (x − t)·k + u and combine g·k + (x − t)·u + k, in the given precision. */
    private static void run(boolean f64, double[] x, double[] g, int n, int c, int s, double[] k, double[] t, double[] u,
                            double[] mean, double[] var, double[] sumG, double[] sumGx, double[] norm, double[] comb) {
        if (f64) {
            ChannelNorm.stats(x, n, c, s, mean, var);
            ChannelNorm.gradSums(g, x, n, c, s, mean, sumG, sumGx);
            ChannelNorm.normalize(x, n, c, s, t, k, u, norm);
            ChannelNorm.combine(g, x, n, c, s, k, t, u, k, comb);
            return;
        }
        float[] xf = toFloat(x);
        float[] gf = toFloat(g);
        float[] nf = new float[norm.length];
        float[] cf = new float[comb.length];
        ChannelNorm.stats(xf, n, c, s, mean, var);
        ChannelNorm.gradSums(gf, xf, n, c, s, mean, sumG, sumGx);
        ChannelNorm.normalize(xf, n, c, s, t, k, u, nf);
        ChannelNorm.combine(gf, xf, n, c, s, k, t, u, k, cf);
        for (int i = 0; i < nf.length; i++) {
            norm[i] = nf[i];
            comb[i] = cf[i];
        }
    }

    /** N(0, 1) draws, rounded to float where the kernel runs in float (so the naive loops see its inputs). */
    private static double[] draw(Random r, int size, boolean f64) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = f64 ? r.nextGaussian() : (float) r.nextGaussian();
        }
        return v;
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }
}
