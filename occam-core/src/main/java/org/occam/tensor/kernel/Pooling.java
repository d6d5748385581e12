package org.occam.tensor.kernel;

/**
 * Windowed max over the planes of an image batch, recording where each maximum came from.
 *
 * <p>x [N, C, H, W] gives values [N, C, Ho, Wo] and, for every output, the index y*W + x of its
 * source pixel within its own plane. Windows are scanned row-major and a later element wins only
 * when strictly greater (or NaN), so on ties the first maximum wins, as in PyTorch; padded
 * positions never win.
 */
public final class Pooling {
    private Pooling() {
    }

    /** Window maxima and their in-plane source indices (row-major over [N*C, Ho*Wo]). */
    public record Argmax(Buffer values, int[] index) {
    }

    /** Max over k×k windows with the given stride and padding (padded positions are skipped). */
    public static Argmax maxPool(Buffer x, int k, int stride, int pad) {
        Buffer a = Strided.dense(x);
        int[] s = a.shapeRef();
        int planes = s[0] * s[1];
        int h = s[2];
        int w = s[3];
        int ho = Im2col.outSize(h, k, stride, pad);
        int wo = Im2col.outSize(w, k, stride, pad);
        int l = ho * wo;
        Buffer out = Buffer.zerosLike(a, s[0], s[1], ho, wo);
        int[] index = new int[planes * l];
        boolean dbl = a.isDouble();
        int grain = Math.max(1, Unary.GRAIN / Math.max(1, h * w));
        Parallel.forRange(planes, grain, (lo, hi) -> {
            for (int p = lo; p < hi; p++) {
                int src = p * h * w;
                int dst = p * l;
                for (int oh = 0; oh < ho; oh++) {
                    int y0 = Math.max(0, oh * stride - pad);
                    int y1 = Math.min(h, oh * stride - pad + k);
                    for (int ow = 0; ow < wo; ow++) {
                        int x0 = Math.max(0, ow * stride - pad);
                        int x1 = Math.min(w, ow * stride - pad + k);
                        int o = dst + oh * wo + ow;
                        if (dbl) {
                            index[o] = argmaxD(a.doubleData(), src, w, y0, y1, x0, x1);
                            out.doubleData()[o] = a.doubleData()[src + index[o]];
                        } else {
                            index[o] = argmaxF(a.floatData(), src, w, y0, y1, x0, x1);
                            out.floatData()[o] = a.floatData()[src + index[o]];
                        }
                    }
                }
            }
        });
        return new Argmax(out, index);
    }

    private static int argmaxD(double[] a, int base, int w, int y0, int y1, int x0, int x1) {
        int best = y0 * w + x0;
        double m = Double.NEGATIVE_INFINITY;
        for (int y = y0; y < y1; y++) {
            for (int xx = x0; xx < x1; xx++) {
                double v = a[base + y * w + xx];
                if (v > m || Double.isNaN(v)) {
                    m = v;
                    best = y * w + xx;
                }
            }
        }
        return best;
    }

    private static int argmaxF(float[] a, int base, int w, int y0, int y1, int x0, int x1) {
        int best = y0 * w + x0;
        float m = Float.NEGATIVE_INFINITY;
        for (int y = y0; y < y1; y++) {
            for (int xx = x0; xx < x1; xx++) {
                float v = a[base + y * w + xx];
                if (v > m || Float.isNaN(v)) {
                    m = v;
                    best = y * w + xx;
                }
            }
        }
        return best;
    }
}
