package org.occam.tensor.kernel;

import java.util.Arrays;
import org.occam.tensor.DType;
import org.occam.tensor.Tensor;

/**
 * Unfolds image patches into columns and folds them back (its adjoint).
 * x [N, C, H, W] becomes cols [N, C*kh*kw, Ho*Wo] with row (c, i, j) holding
 * x[n, c, oh*stride - pad + i, ow*stride - pad + j] (padValue outside the image).
 * The per-image routines work on raw arrays (double[] or float[]) so that {@link Conv} can unfold
 * one image at a time into a buffer of its own.
 */
public final class Im2col {
    private Im2col() {
    }

    /** Output size of one spatial axis. */
    public static int outSize(int in, int k, int stride, int pad) {
        return (in + 2 * pad - k) / stride + 1;
    }

    public static Tensor unfold(Tensor x, int kh, int kw, int stride, int pad, double padValue) {
        Tensor a = Strided.dense(x);
        int[] s = a.shapeRef();
        int c = s[1];
        int img = c * s[2] * s[3];
        int l = outSize(s[2], kh, stride, pad) * outSize(s[3], kw, stride, pad);
        int block = c * kh * kw * l;
        Tensor out = Tensor.zeros(a.dtype(), s[0], c * kh * kw, l);
        Object src = data(a);
        Object dst = data(out);
        Parallel.forRange(s[0], Math.max(1, Unary.GRAIN / Math.max(1, block)), (lo, hi) -> {
            for (int n = lo; n < hi; n++) {
                unfoldImage(src, n * img, c, s[2], s[3], kh, kw, stride, pad, padValue, dst, n * block);
            }
        });
        return out;
    }

    /** The adjoint of unfold (padding dropped): sums every column entry back into its pixel. */
    public static Tensor fold(Tensor cols, int c, int h, int w, int kh, int kw, int stride, int pad) {
        Tensor a = Strided.dense(cols);
        int n = a.shapeRef()[0];
        int block = c * kh * kw * outSize(h, kh, stride, pad) * outSize(w, kw, stride, pad);
        int img = c * h * w;
        Tensor out = Tensor.zeros(a.dtype(), n, c, h, w);
        Object src = data(a);
        Object dst = data(out);
        Parallel.forRange(n, Math.max(1, Unary.GRAIN / Math.max(1, block)), (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                foldImage(src, i * block, c, h, w, kh, kw, stride, pad, dst, i * img);
            }
        });
        return out;
    }

    /** Unfolds the image [c, h, w] at src[srcOff] into columns [c*kh*kw, Ho*Wo] at dst[dstOff] (overwritten). */
    static void unfoldImage(Object src, int srcOff, int c, int h, int w, int kh, int kw, int stride, int pad,
                            double padValue, Object dst, int dstOff) {
        int ho = outSize(h, kh, stride, pad);
        int wo = outSize(w, kw, stride, pad);
        int l = ho * wo;
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    int base = dstOff + ((ch * kh + i) * kw + j) * l;
                    int lo = firstInside(j, stride, pad, wo);
                    int hi = Math.max(lo, endInside(j, stride, pad, w, wo));
                    for (int oh = 0; oh < ho; oh++) {
                        int y = oh * stride - pad + i;
                        int o = base + oh * wo;
                        if (y < 0 || y >= h) {
                            fill(dst, o, o + wo, padValue);
                            continue;
                        }
                        fill(dst, o, o + lo, padValue);
                        copy(src, srcOff + (ch * h + y) * w + lo * stride - pad + j, stride, dst, o + lo, hi - lo);
                        fill(dst, o + hi, o + wo, padValue);
                    }
                }
            }
        }
    }

    /** Adds the columns [c*kh*kw, Ho*Wo] at cols[colsOff] into the image [c, h, w] at dst[dstOff]. */
    static void foldImage(Object cols, int colsOff, int c, int h, int w, int kh, int kw, int stride, int pad,
                          Object dst, int dstOff) {
        int ho = outSize(h, kh, stride, pad);
        int wo = outSize(w, kw, stride, pad);
        int l = ho * wo;
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < kh; i++) {
                for (int j = 0; j < kw; j++) {
                    int base = colsOff + ((ch * kh + i) * kw + j) * l;
                    int lo = firstInside(j, stride, pad, wo);
                    int hi = Math.max(lo, endInside(j, stride, pad, w, wo));
                    for (int oh = 0; oh < ho; oh++) {
                        int y = oh * stride - pad + i;
                        if (y >= 0 && y < h) {
                            add(cols, base + oh * wo + lo, dst, dstOff + (ch * h + y) * w + lo * stride - pad + j,
                                    stride, hi - lo);
                        }
                    }
                }
            }
        }
    }

    /** The first output column whose tap j lands inside the image: ow*stride - pad + j >= 0. */
    private static int firstInside(int j, int stride, int pad, int wo) {
        return Math.min(wo, Math.max(0, Math.ceilDiv(pad - j, stride)));
    }

    /** One past the last output column whose tap j lands inside the image: ow*stride - pad + j < w. */
    private static int endInside(int j, int stride, int pad, int w, int wo) {
        return Math.min(wo, Math.floorDiv(w - 1 + pad - j, stride) + 1);
    }

    private static void fill(Object a, int from, int to, double v) {
        if (from >= to) {
            return;
        }
        if (a instanceof double[] d) {
            Arrays.fill(d, from, to, v);
        } else {
            Arrays.fill((float[]) a, from, to, (float) v);
        }
    }

    /** dst[d + t] = src[s + t*stride] for t < len. */
    private static void copy(Object src, int s, int stride, Object dst, int d, int len) {
        if (len <= 0) {
            return;
        }
        if (stride == 1) {
            System.arraycopy(src, s, dst, d, len);
        } else if (src instanceof double[] a) {
            double[] b = (double[]) dst;
            for (int t = 0; t < len; t++) {
                b[d + t] = a[s + t * stride];
            }
        } else {
            float[] a = (float[]) src;
            float[] b = (float[]) dst;
            for (int t = 0; t < len; t++) {
                b[d + t] = a[s + t * stride];
            }
        }
    }

    /** dst[d + t*stride] += src[s + t] for t < len. */
    private static void add(Object src, int s, Object dst, int d, int stride, int len) {
        if (src instanceof double[] a) {
            double[] b = (double[]) dst;
            for (int t = 0; t < len; t++) {
                b[d + t * stride] += a[s + t];
            }
        } else {
            float[] a = (float[]) src;
            float[] b = (float[]) dst;
            for (int t = 0; t < len; t++) {
                b[d + t * stride] += a[s + t];
            }
        }
    }

    private static Object data(Tensor t) {
        return t.dtype() == DType.FLOAT64 ? t.doubleData() : t.floatData();
    }
}
