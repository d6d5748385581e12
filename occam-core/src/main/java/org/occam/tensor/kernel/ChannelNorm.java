package org.occam.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Per-channel kernels of batch normalisation on raw row-major arrays laid out [n, c, s] (batch,
 * channel, the spatial positions flattened): the batch statistics, a per-channel affine map, and
 * the two per-channel sums of the backward pass. Statistics and sums are accumulated in double,
 * one channel per task, each in a fixed order, so results never depend on the thread count; the
 * elementwise maps work in the arrays' own precision.
 */
public final class ChannelNorm {
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    /** Rows (one channel of one sample: s elements) per parallel chunk of the elementwise maps. */
    private static final int ROW_ELEMENTS = 1 << 14;

    private ChannelNorm() {
    }

    /** Mean and biased variance of each channel (two passes: the mean, then the squared deviations). */
    public static void stats(float[] x, int n, int c, int s, double[] mean, double[] var) {
        double count = (double) n * s;
        Parallel.forRange(c, 1, (lo, hi) -> {
            for (int ch = lo; ch < hi; ch++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += sumF(x, (i * c + ch) * s, s);
                }
                double m = sum / count;
                double q = 0;
                for (int i = 0; i < n; i++) {
                    q += sumSqDevF(x, (i * c + ch) * s, s, (float) m);
                }
                mean[ch] = m;
                var[ch] = q / count;
            }
        });
    }

    /** Mean and biased variance of each channel (two passes: the mean, then the squared deviations). */
    public static void stats(double[] x, int n, int c, int s, double[] mean, double[] var) {
        double count = (double) n * s;
        Parallel.forRange(c, 1, (lo, hi) -> {
            for (int ch = lo; ch < hi; ch++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += sumD(x, (i * c + ch) * s, s);
                }
                double m = sum / count;
                double q = 0;
                for (int i = 0; i < n; i++) {
                    q += sumSqDevD(x, (i * c + ch) * s, s, m);
                }
                mean[ch] = m;
                var[ch] = q / count;
            }
        });
    }

    /**
     * Σ g and Σ g·(x − mean) of each channel: with them the batch-norm backward is an affine map of
     * g and x per channel.
     */
    public static void gradSums(float[] g, float[] x, int n, int c, int s, double[] mean, double[] sumG, double[] sumGx) {
        Parallel.forRange(c, 1, (lo, hi) -> {
            for (int ch = lo; ch < hi; ch++) {
                double a = 0;
                double b = 0;
                for (int i = 0; i < n; i++) {
                    int off = (i * c + ch) * s;
                    a += sumF(g, off, s);
                    b += dotDevF(g, x, off, s, (float) mean[ch]);
                }
                sumG[ch] = a;
                sumGx[ch] = b;
            }
        });
    }

    /**
     * Σ g and Σ g·(x − mean) of each channel: with them the batch-norm backward is an affine map of
     * g and x per channel.
     */
    public static void gradSums(double[] g, double[] x, int n, int c, int s, double[] mean, double[] sumG,
            double[] sumGx) {
        Parallel.forRange(c, 1, (lo, hi) -> {
            for (int ch = lo; ch < hi; ch++) {
                double a = 0;
                double b = 0;
                for (int i = 0; i < n; i++) {
                    int off = (i * c + ch) * s;
                    a += sumD(g, off, s);
                    b += dotDevD(g, x, off, s, mean[ch]);
                }
                sumG[ch] = a;
                sumGx[ch] = b;
            }
        });
    }

    /** out = (a − center[ch])·scale[ch] + shift[ch]; center and shift may be null (zero). */
    public static void normalize(float[] a, int n, int c, int s, double[] center, double[] scale, double[] shift,
            float[] out) {
        Parallel.forRange(n * c, rowsPerChunk(s), (lo, hi) -> {
            for (int row = lo; row < hi; row++) {
                int ch = row % c;
                rowNormalizeF(a, out, row * s, s, center == null ? 0f : (float) center[ch], (float) scale[ch],
                        shift == null ? 0f : (float) shift[ch]);
            }
        });
    }

    /** out = (a − center[ch])·scale[ch] + shift[ch]; center and shift may be null (zero). */
    public static void normalize(double[] a, int n, int c, int s, double[] center, double[] scale, double[] shift,
            double[] out) {
        Parallel.forRange(n * c, rowsPerChunk(s), (lo, hi) -> {
            for (int row = lo; row < hi; row++) {
                int ch = row % c;
                rowNormalizeD(a, out, row * s, s, center == null ? 0 : center[ch], scale[ch],
                        shift == null ? 0 : shift[ch]);
            }
        });
    }

    /** out = a·aScale[ch] + (b − bCenter[ch])·bScale[ch] + shift[ch] (the batch-norm backward). */
    public static void combine(float[] a, float[] b, int n, int c, int s, double[] aScale, double[] bCenter,
            double[] bScale, double[] shift, float[] out) {
        Parallel.forRange(n * c, rowsPerChunk(s), (lo, hi) -> {
            for (int row = lo; row < hi; row++) {
                int ch = row % c;
                rowCombineF(a, b, out, row * s, s, (float) aScale[ch], (float) bCenter[ch], (float) bScale[ch],
                        (float) shift[ch]);
            }
        });
    }

    /** out = a·aScale[ch] + (b − bCenter[ch])·bScale[ch] + shift[ch] (the batch-norm backward). */
    public static void combine(double[] a, double[] b, int n, int c, int s, double[] aScale, double[] bCenter,
            double[] bScale, double[] shift, double[] out) {
        Parallel.forRange(n * c, rowsPerChunk(s), (lo, hi) -> {
            for (int row = lo; row < hi; row++) {
                int ch = row % c;
                rowCombineD(a, b, out, row * s, s, aScale[ch], bCenter[ch], bScale[ch], shift[ch]);
            }
        });
    }

    private static int rowsPerChunk(int s) {
        return Math.max(1, ROW_ELEMENTS / Math.max(1, s));
    }

    /**
     * The lanes of an accumulator added left to right in double (reduceLanes leaves the order of
     * floating-point additions unspecified, so its bits could change with the JIT tier).
     */
    private static double lanes(float[] v) {
        double acc = 0;
        for (float a : v) {
            acc += a;
        }
        return acc;
    }

    private static double lanes(double[] v) {
        double acc = 0;
        for (double a : v) {
            acc += a;
        }
        return acc;
    }

    private static double sumF(float[] x, int off, int len) {
        int i = 0;
        double tail = 0;
        if (len >= FS.length()) {
            FloatVector acc = FloatVector.zero(FS);
            for (int bound = FS.loopBound(len); i < bound; i += FS.length()) {
                acc = acc.add(FloatVector.fromArray(FS, x, off + i));
            }
            tail = lanes(acc.toArray());
        }
        for (; i < len; i++) {
            tail += x[off + i];
        }
        return tail;
    }

    private static double sumSqDevF(float[] x, int off, int len, float m) {
        int i = 0;
        double tail = 0;
        if (len >= FS.length()) {
            FloatVector acc = FloatVector.zero(FS);
            for (int bound = FS.loopBound(len); i < bound; i += FS.length()) {
                FloatVector d = FloatVector.fromArray(FS, x, off + i).sub(m);
                acc = d.fma(d, acc);
            }
            tail = lanes(acc.toArray());
        }
        for (; i < len; i++) {
            double d = x[off + i] - m;
            tail += d * d;
        }
        return tail;
    }

    private static double dotDevF(float[] g, float[] x, int off, int len, float m) {
        int i = 0;
        double tail = 0;
        if (len >= FS.length()) {
            FloatVector acc = FloatVector.zero(FS);
            for (int bound = FS.loopBound(len); i < bound; i += FS.length()) {
                FloatVector d = FloatVector.fromArray(FS, x, off + i).sub(m);
                acc = d.fma(FloatVector.fromArray(FS, g, off + i), acc);
            }
            tail = lanes(acc.toArray());
        }
        for (; i < len; i++) {
            tail += (double) g[off + i] * (x[off + i] - m);
        }
        return tail;
    }

    private static double sumD(double[] x, int off, int len) {
        int i = 0;
        double tail = 0;
        if (len >= DS.length()) {
            DoubleVector acc = DoubleVector.zero(DS);
            for (int bound = DS.loopBound(len); i < bound; i += DS.length()) {
                acc = acc.add(DoubleVector.fromArray(DS, x, off + i));
            }
            tail = lanes(acc.toArray());
        }
        for (; i < len; i++) {
            tail += x[off + i];
        }
        return tail;
    }

    private static double sumSqDevD(double[] x, int off, int len, double m) {
        int i = 0;
        double tail = 0;
        if (len >= DS.length()) {
            DoubleVector acc = DoubleVector.zero(DS);
            for (int bound = DS.loopBound(len); i < bound; i += DS.length()) {
                DoubleVector d = DoubleVector.fromArray(DS, x, off + i).sub(m);
                acc = d.fma(d, acc);
            }
            tail = lanes(acc.toArray());
        }
        for (; i < len; i++) {
            double d = x[off + i] - m;
            tail += d * d;
        }
        return tail;
    }

    private static double dotDevD(double[] g, double[] x, int off, int len, double m) {
        int i = 0;
        double tail = 0;
        if (len >= DS.length()) {
            DoubleVector acc = DoubleVector.zero(DS);
            for (int bound = DS.loopBound(len); i < bound; i += DS.length()) {
                DoubleVector d = DoubleVector.fromArray(DS, x, off + i).sub(m);
                acc = d.fma(DoubleVector.fromArray(DS, g, off + i), acc);
            }
            tail = lanes(acc.toArray());
        }
        for (; i < len; i++) {
            tail += g[off + i] * (x[off + i] - m);
        }
        return tail;
    }

    private static void rowNormalizeF(float[] a, float[] out, int off, int len, float m, float k, float t) {
        int i = 0;
        for (int bound = FS.loopBound(len); i < bound; i += FS.length()) {
            FloatVector.fromArray(FS, a, off + i).sub(m).fma(k, t).intoArray(out, off + i);
        }
        for (; i < len; i++) {
            out[off + i] = Math.fma(a[off + i] - m, k, t);
        }
    }

    private static void rowCombineF(float[] a, float[] b, float[] out, int off, int len, float ka, float m, float kb,
            float t) {
        int i = 0;
        FloatVector kav = FloatVector.broadcast(FS, ka);
        for (int bound = FS.loopBound(len); i < bound; i += FS.length()) {
            FloatVector bv = FloatVector.fromArray(FS, b, off + i).sub(m).fma(kb, t);
            FloatVector.fromArray(FS, a, off + i).fma(kav, bv).intoArray(out, off + i);
        }
        for (; i < len; i++) {
            out[off + i] = Math.fma(a[off + i], ka, Math.fma(b[off + i] - m, kb, t));
        }
    }

    private static void rowNormalizeD(double[] a, double[] out, int off, int len, double m, double k, double t) {
        int i = 0;
        for (int bound = DS.loopBound(len); i < bound; i += DS.length()) {
            DoubleVector.fromArray(DS, a, off + i).sub(m).fma(k, t).intoArray(out, off + i);
        }
        for (; i < len; i++) {
            out[off + i] = Math.fma(a[off + i] - m, k, t);
        }
    }

    private static void rowCombineD(double[] a, double[] b, double[] out, int off, int len, double ka, double m,
            double kb, double t) {
        int i = 0;
        DoubleVector kav = DoubleVector.broadcast(DS, ka);
        for (int bound = DS.loopBound(len); i < bound; i += DS.length()) {
            DoubleVector bv = DoubleVector.fromArray(DS, b, off + i).sub(m).fma(kb, t);
            DoubleVector.fromArray(DS, a, off + i).fma(kav, bv).intoArray(out, off + i);
        }
        for (; i < len; i++) {
            out[off + i] = Math.fma(a[off + i], ka, Math.fma(b[off + i] - m, kb, t));
        }
    }
}
