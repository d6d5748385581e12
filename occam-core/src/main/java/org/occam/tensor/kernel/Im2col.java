package org.occam.tensor.kernel;

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

    public static Buffer unfold(Buffer x, int kh, int kw, int stride, int pad, double padValue) {
        Buffer a = Strided.dense(x);
        int[] s = a.shapeRef();
        int c = s[1];
        int img = c * s[2] * s[3];
        int l = outSize(s[2], kh, stride, pad) * outSize(s[3], kw, stride, pad);
        int block = c * kh * kw * l;
        Buffer out = Buffer.zerosLike(a, s[0], c * kh * kw, l);
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
    public static Buffer fold(Buffer cols, int c, int h, int w, int kh, int kw, int stride, int pad) {
        Buffer a = Strided.dense(cols);
        int n = a.shapeRef()[0];
        int block = c * kh * kw * outSize(h, kh, stride, pad) * outSize(w, kw, stride, pad);
        int img = c * h * w;
        Buffer out = Buffer.zerosLike(a, n, c, h, w);
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
        if (src instanceof double[] s) {
            Im2colF64.unfold(s, srcOff, c, h, w, kh, kw, stride, pad, padValue, (double[]) dst, dstOff);
        } else {
            Im2colF32.unfold((float[]) src, srcOff, c, h, w, kh, kw, stride, pad, (float) padValue, (float[]) dst, dstOff);
        }
    }

    /** Adds the columns [c*kh*kw, Ho*Wo] at cols[colsOff] into the image [c, h, w] at dst[dstOff]. */
    static void foldImage(Object cols, int colsOff, int c, int h, int w, int kh, int kw, int stride, int pad,
                          Object dst, int dstOff) {
        if (cols instanceof double[] s) {
            Im2colF64.fold(s, colsOff, c, h, w, kh, kw, stride, pad, (double[]) dst, dstOff);
        } else {
            Im2colF32.fold((float[]) cols, colsOff, c, h, w, kh, kw, stride, pad, (float[]) dst, dstOff);
        }
    }

    /** The first output column whose tap j lands inside the image: ow*stride - pad + j >= 0. */
    static int firstInside(int j, int stride, int pad, int wo) {
        return Math.min(wo, Math.max(0, Math.ceilDiv(pad - j, stride)));
    }

    /** One past the last output column whose tap j lands inside the image: ow*stride - pad + j < w. */
    static int endInside(int j, int stride, int pad, int w, int wo) {
        return Math.min(wo, Math.floorDiv(w - 1 + pad - j, stride) + 1);
    }

    private static Object data(Buffer t) {
        return t.isDouble() ? t.doubleData() : t.floatData();
    }
}
