package org.occam.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The lane-wise max-pool kernel against a naive row-major scan (PyTorch's rule: a later element
 * wins when strictly greater or NaN) on random shapes: odd sizes, strides, padding, windows with
 * ties and with NaN (one and several), both dtypes, and 1 vs 2 threads bit for bit.
 */
class PoolingKernelTest {

    /** The scalar rule, written as plain loops: values and in-plane argmax indices. */
    private static double[][] naive(double[] x, int planes, int h, int w, int k, int s, int pad) {
        int ho = Im2col.outSize(h, k, s, pad);
        int wo = Im2col.outSize(w, k, s, pad);
        double[] out = new double[planes * ho * wo];
        double[] idx = new double[out.length];
        for (int p = 0; p < planes; p++) {
            for (int oh = 0; oh < ho; oh++) {
                for (int ow = 0; ow < wo; ow++) {
                    double m = Double.NEGATIVE_INFINITY;
                    int at = -1;
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < k; j++) {
                            int y = oh * s - pad + i;
                            int xx = ow * s - pad + j;
                            if (y < 0 || y >= h || xx < 0 || xx >= w) {
                                continue;
                            }
                            double v = x[(p * h + y) * w + xx];
                            // The first inside pixel starts the scan (it stays if every pixel is -inf).
                            if (at < 0 || v > m || Double.isNaN(v)) {
                                m = v;
                                at = y * w + xx;
                            }
                        }
                    }
                    int o = (p * ho + oh) * wo + ow;
                    out[o] = m;
                    idx[o] = at;
                }
            }
        }
        return new double[][] {out, idx};
    }

    /** Small integers (ties in most windows), a few NaN and -inf, in the given precision. */
    private static Buffer values(boolean f64, Random r, double nanRate, int... shape) {
        Buffer b = Buffer.zeros(f64, shape);
        int n = Dims.numel(shape);
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            double v = u < nanRate ? Double.NaN : u < 2 * nanRate ? Double.NEGATIVE_INFINITY : r.nextInt(4) - 2;
            if (f64) {
                b.doubleData()[i] = v;
            } else {
                b.floatData()[i] = (float) v;
            }
        }
        return b;
    }

    private static double[] indices(int[] index) {
        return Arrays.stream(index).asDoubleStream().toArray();
    }

    @Test
    void matchesNaiveScanOnRandomShapesWithTiesAndNaN() {
        Random r = new Random(71);
        int checked = 0;
        for (int trial = 0; trial < 120; trial++) {
            int k = 1 + r.nextInt(4);
            int s = 1 + r.nextInt(3);
            int pad = r.nextInt(k / 2 + 1);
            int h = k + r.nextInt(30);
            int w = k + r.nextInt(30);
            int n = 1 + r.nextInt(3);
            int c = 1 + r.nextInt(4);
            double nanRate = trial % 3 == 0 ? 0 : trial % 3 == 1 ? 0.02 : 0.3;
            for (boolean f64 : new boolean[] {false, true}) {
                Buffer x = values(f64, r, nanRate, n, c, h, w);
                double[][] ref = naive(x.toDoubleArray(), n * c, h, w, k, s, pad);
                Pooling.Argmax got = Pooling.maxPool(x, k, s, pad);
                String what = Arrays.toString(new int[] {n, c, h, w, k, s, pad}) + (f64 ? " f64" : " f32") + " nan " + nanRate;
                assertArrayEquals(ref[1], indices(got.index()), 0.0, "argmax " + what);
                assertArrayEquals(ref[0], got.values().toDoubleArray(), 0.0, "values " + what);
                checked += ref[0].length;
            }
        }
        assertTrue(checked > 10_000, "outputs checked: " + checked);
    }

    @Test
    void nanPropagatesAndTheLastNaNOfAWindowIsItsArgmax() {
        for (boolean f64 : new boolean[] {false, true}) {
            // 40 windows of 2x2 (more than one vector of lanes): window q holds NaN at taps per its bits.
            int planes = 40;
            Buffer x = Buffer.zeros(f64, planes, 1, 2, 2);
            for (int q = 0; q < planes; q++) {
                for (int t = 0; t < 4; t++) {
                    double v = (q >> t & 1) == 1 ? Double.NaN : t == 2 ? 5 : 1;
                    if (f64) {
                        x.doubleData()[4 * q + t] = v;
                    } else {
                        x.floatData()[4 * q + t] = (float) v;
                    }
                }
            }
            Pooling.Argmax got = Pooling.maxPool(x, 2, 2, 0);
            double[] vals = got.values().toDoubleArray();
            for (int q = 0; q < planes; q++) {
                int bits = q & 15;
                int expect = bits == 0 ? 2 : 31 - Integer.numberOfLeadingZeros(bits);
                assertEquals(expect, got.index()[q], "window " + q);
                assertEquals(bits != 0, Double.isNaN(vals[q]), "value of window " + q);
            }
        }
    }

    @Test
    void bitsAndIndicesDoNotDependOnThreadCount() {
        Random r = new Random(72);
        for (boolean f64 : new boolean[] {false, true}) {
            Buffer x = values(f64, r, 0.01, 64, 16, 28, 28);
            Pooling.Argmax one = pooled(1, x, 2, 2, 0);
            Pooling.Argmax two = pooled(2, x, 2, 2, 0);
            assertArrayEquals(one.index(), two.index());
            assertArrayEquals(one.values().toDoubleArray(), two.values().toDoubleArray(), 0.0);
            Pooling.Argmax onePad = pooled(1, x, 3, 2, 1);
            Pooling.Argmax twoPad = pooled(2, x, 3, 2, 1);
            assertArrayEquals(onePad.index(), twoPad.index());
            assertArrayEquals(onePad.values().toDoubleArray(), twoPad.values().toDoubleArray(), 0.0);
        }
    }

    private static Pooling.Argmax pooled(int threads, Buffer x, int k, int s, int pad) {
        int old = Parallel.threads();
        Parallel.setThreads(threads);
        try {
            return Pooling.maxPool(x, k, s, pad);
        } finally {
            Parallel.setThreads(old);
        }
    }
}
