package org.occam.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The typed loops of {@link ChannelNorm} for double arrays laid out [n, c, s]. Statistics and
 * sums are accumulated in 64-bit precision whatever the element type (the type marked wide in a
 * comment, which the twin keeps), one channel per task, each in a fixed order, so results never
 * depend on the thread count; the elementwise maps work in the element type.
 *
 * <p>Template: its float twin is generated from this file by occam-core/pom.xml (twins); edit this file only.
 */
final class ChannelNormF64 {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private ChannelNormF64() {
    }

    /** Mean and biased variance of each channel (two passes: the mean, then the squared deviations). */
    static void stats(double[] x, int n, int c, int s, double /*wide*/[] mean, double /*wide*/[] var) {
        double /*wide*/ count = (double /*wide*/) n * s;
        Parallel.forRange(c, 1, (lo, hi) -> {
            for (int ch = lo; ch < hi; ch++) {
                double /*wide*/ sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += sum(x, (i * c + ch) * s, s);
                }
                double /*wide*/ m = sum / count;
                double /*wide*/ q = 0;
                for (int i = 0; i < n; i++) {
                    q += sumSqDev(x, (i * c + ch) * s, s, (double) m);
                }
                mean[ch] = m;
                var[ch] = q / count;
            }
        });
    }

    /** Σ g and Σ g·(x − mean) of each channel. */
    static void gradSums(double[] g, double[] x, int n, int c, int s, double /*wide*/[] mean,
            double /*wide*/[] sumG, double /*wide*/[] sumGx) {
        Parallel.forRange(c, 1, (lo, hi) -> {
            for (int ch = lo; ch < hi; ch++) {
                double /*wide*/ a = 0;
                double /*wide*/ b = 0;
                for (int i = 0; i < n; i++) {
                    int off = (i * c + ch) * s;
                    a += sum(g, off, s);
                    b += dotDev(g, x, off, s, (double) mean[ch]);
                }
                sumG[ch] = a;
                sumGx[ch] = b;
            }
        });
    }

    /** out = (a − center[ch])·scale[ch] + shift[ch]; center and shift may be null (zero). */
    static void normalize(double[] a, int n, int c, int s, double /*wide*/[] center, double /*wide*/[] scale,
            double /*wide*/[] shift, double[] out) {
        Parallel.forRange(n * c, ChannelNorm.rowsPerChunk(s), (lo, hi) -> {
            for (int row = lo; row < hi; row++) {
                int ch = row % c;
                rowNormalize(a, out, row * s, s, center == null ? 0d : (double) center[ch], (double) scale[ch],
                        shift == null ? 0d : (double) shift[ch]);
            }
        });
    }

    /** out = a·aScale[ch] + (b − bCenter[ch])·bScale[ch] + shift[ch] (the batch-norm backward). */
    static void combine(double[] a, double[] b, int n, int c, int s, double /*wide*/[] aScale,
            double /*wide*/[] bCenter, double /*wide*/[] bScale, double /*wide*/[] shift, double[] out) {
        Parallel.forRange(n * c, ChannelNorm.rowsPerChunk(s), (lo, hi) -> {
            for (int row = lo; row < hi; row++) {
                int ch = row % c;
                rowCombine(a, b, out, row * s, s, (double) aScale[ch], (double) bCenter[ch], (double) bScale[ch],
                        (double) shift[ch]);
            }
        });
    }

    /**
     * The lanes of an accumulator added left to right in 64-bit precision (reduceLanes leaves the
     * order of floating-point additions unspecified, so its bits could change with the JIT tier).
     */
    private static double /*wide*/ lanes(double[] v) {
        double /*wide*/ acc = 0;
        for (double a : v) {
            acc += a;
        }
        return acc;
    }

    private static double /*wide*/ sum(double[] x, int off, int len) {
        int i = 0;
        double /*wide*/ tail = 0;
        if (len >= S.length()) {
            DoubleVector acc = DoubleVector.zero(S);
            for (int bound = S.loopBound(len); i < bound; i += S.length()) {
                acc = acc.add(DoubleVector.fromArray(S, x, off + i));
            }
            tail = lanes(acc.toArray());
        }
        for (; i < len; i++) {
            tail += x[off + i];
        }
        return tail;
    }

    private static double /*wide*/ sumSqDev(double[] x, int off, int len, double m) {
        int i = 0;
        double /*wide*/ tail = 0;
        if (len >= S.length()) {
            DoubleVector acc = DoubleVector.zero(S);
            for (int bound = S.loopBound(len); i < bound; i += S.length()) {
                DoubleVector d = DoubleVector.fromArray(S, x, off + i).sub(m);
                acc = d.fma(d, acc);
            }
            tail = lanes(acc.toArray());
        }
        for (; i < len; i++) {
            double /*wide*/ d = x[off + i] - m;
            tail += d * d;
        }
        return tail;
    }

    private static double /*wide*/ dotDev(double[] g, double[] x, int off, int len, double m) {
        int i = 0;
        double /*wide*/ tail = 0;
        if (len >= S.length()) {
            DoubleVector acc = DoubleVector.zero(S);
            for (int bound = S.loopBound(len); i < bound; i += S.length()) {
                DoubleVector d = DoubleVector.fromArray(S, x, off + i).sub(m);
                acc = d.fma(DoubleVector.fromArray(S, g, off + i), acc);
            }
            tail = lanes(acc.toArray());
        }
        for (; i < len; i++) {
            tail += (double /*wide*/) g[off + i] * (x[off + i] - m);
        }
        return tail;
    }

    private static void rowNormalize(double[] a, double[] out, int off, int len, double m, double k, double t) {
        int i = 0;
        for (int bound = S.loopBound(len); i < bound; i += S.length()) {
            DoubleVector.fromArray(S, a, off + i).sub(m).fma(k, t).intoArray(out, off + i);
        }
        for (; i < len; i++) {
            out[off + i] = Math.fma(a[off + i] - m, k, t);
        }
    }

    private static void rowCombine(double[] a, double[] b, double[] out, int off, int len, double ka, double m,
            double kb, double t) {
        int i = 0;
        DoubleVector kav = DoubleVector.broadcast(S, ka);
        for (int bound = S.loopBound(len); i < bound; i += S.length()) {
            DoubleVector bv = DoubleVector.fromArray(S, b, off + i).sub(m).fma(kb, t);
            DoubleVector.fromArray(S, a, off + i).fma(kav, bv).intoArray(out, off + i);
        }
        for (; i < len; i++) {
            out[off + i] = Math.fma(a[off + i], ka, Math.fma(b[off + i] - m, kb, t));
        }
    }
}
