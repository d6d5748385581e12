package org.occam.tensor.kernel;

/**
 * Per-channel kernels of batch normalisation on raw row-major arrays laid out [n, c, s] (batch,
 * channel, the spatial positions flattened): the batch statistics, a per-channel affine map, and
 * the two per-channel sums of the backward pass. Statistics and sums are accumulated in double,
 * one channel per task, each in a fixed order, so results never depend on the thread count; the
 * elementwise maps work in the arrays' own precision. The loops are written once, in
 * {@link ChannelNormF64}, whose float twin is generated at build time.
 */
public final class ChannelNorm {
    /** Rows (one channel of one sample: s elements) per parallel chunk of the elementwise maps. */
    private static final int ROW_ELEMENTS = 1 << 14;

    private ChannelNorm() {
    }

    /** Mean and biased variance of each channel (two passes: the mean, then the squared deviations). */
    public static void stats(float[] x, int n, int c, int s, double[] mean, double[] var) {
        ChannelNormF32.stats(x, n, c, s, mean, var);
    }

    /** Mean and biased variance of each channel (two passes: the mean, then the squared deviations). */
    public static void stats(double[] x, int n, int c, int s, double[] mean, double[] var) {
        ChannelNormF64.stats(x, n, c, s, mean, var);
    }

    /**
     * Σ g and Σ g·(x − mean) of each channel: with them the batch-norm backward is an affine map of
     * g and x per channel.
     */
    public static void gradSums(float[] g, float[] x, int n, int c, int s, double[] mean, double[] sumG, double[] sumGx) {
        ChannelNormF32.gradSums(g, x, n, c, s, mean, sumG, sumGx);
    }

    /**
     * Σ g and Σ g·(x − mean) of each channel: with them the batch-norm backward is an affine map of
     * g and x per channel.
     */
    public static void gradSums(double[] g, double[] x, int n, int c, int s, double[] mean, double[] sumG,
            double[] sumGx) {
        ChannelNormF64.gradSums(g, x, n, c, s, mean, sumG, sumGx);
    }

    /** out = (a − center[ch])·scale[ch] + shift[ch]; center and shift may be null (zero). */
    public static void normalize(float[] a, int n, int c, int s, double[] center, double[] scale, double[] shift,
            float[] out) {
        ChannelNormF32.normalize(a, n, c, s, center, scale, shift, out);
    }

    /** out = (a − center[ch])·scale[ch] + shift[ch]; center and shift may be null (zero). */
    public static void normalize(double[] a, int n, int c, int s, double[] center, double[] scale, double[] shift,
            double[] out) {
        ChannelNormF64.normalize(a, n, c, s, center, scale, shift, out);
    }

    /** out = a·aScale[ch] + (b − bCenter[ch])·bScale[ch] + shift[ch] (the batch-norm backward). */
    public static void combine(float[] a, float[] b, int n, int c, int s, double[] aScale, double[] bCenter,
            double[] bScale, double[] shift, float[] out) {
        ChannelNormF32.combine(a, b, n, c, s, aScale, bCenter, bScale, shift, out);
    }

    /** out = a·aScale[ch] + (b − bCenter[ch])·bScale[ch] + shift[ch] (the batch-norm backward). */
    public static void combine(double[] a, double[] b, int n, int c, int s, double[] aScale, double[] bCenter,
            double[] bScale, double[] shift, double[] out) {
        ChannelNormF64.combine(a, b, n, c, s, aScale, bCenter, bScale, shift, out);
    }

    /** Rows per parallel chunk of the elementwise maps: about ROW_ELEMENTS elements. */
    static int rowsPerChunk(int s) {
        return Math.max(1, ROW_ELEMENTS / Math.max(1, s));
    }
}
