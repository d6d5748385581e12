package org.occam.tensor.kernel;

import static org.occam.tensor.kernel.Im2col.endInside;
import static org.occam.tensor.kernel.Im2col.firstInside;
import static org.occam.tensor.kernel.Im2col.outSize;

/**
 * The typed loops of {@link Im2col} for double images. Row (ch, i, j) of the columns, output row
 * oh, reads image row y = oh*stride - pad + i at x = ow*stride - pad + j for ow in [lo, hi).
 *
 * <p>Template: its float twin is generated from this file by occam-core/pom.xml (twins); edit this file only.
 */
final class Im2colF64 {
    private Im2colF64() {
    }

    /** Unfolds the image [c, h, w] at src[srcOff] into columns [c*kh*kw, Ho*Wo] at dst[dstOff] (overwritten). */
    static void unfold(double[] src, int srcOff, int c, int h, int w, int kh, int kw, int stride, int pad,
                       double pv, double[] dst, int dstOff) {
        int ho = outSize(h, kh, stride, pad);
        int wo = outSize(w, kw, stride, pad);
        for (int r = 0; r < c * kh * kw; r++) {
            int ch = r / (kh * kw);
            int i = r / kw % kh;
            int j = r % kw;
            int lo = firstInside(j, stride, pad, wo);
            int hi = Math.max(lo, endInside(j, stride, pad, w, wo));
            for (int oh = 0; oh < ho; oh++) {
                int y = oh * stride - pad + i;
                int o = dstOff + (r * ho + oh) * wo;
                boolean row = y >= 0 && y < h;
                int a = row ? lo : wo;
                for (int t = 0; t < a; t++) {
                    dst[o + t] = pv;
                }
                if (!row) {
                    continue;
                }
                int sp = srcOff + (ch * h + y) * w - pad + j;
                if (stride == 1) {
                    for (int t = lo; t < hi; t++) {
                        dst[o + t] = src[sp + t];
                    }
                } else {
                    for (int t = lo; t < hi; t++) {
                        dst[o + t] = src[sp + t * stride];
                    }
                }
                for (int t = hi; t < wo; t++) {
                    dst[o + t] = pv;
                }
            }
        }
    }

    /** Adds the columns [c*kh*kw, Ho*Wo] at cols[colsOff] into the image [c, h, w] at dst[dstOff]. */
    static void fold(double[] cols, int colsOff, int c, int h, int w, int kh, int kw, int stride, int pad,
                     double[] dst, int dstOff) {
        int ho = outSize(h, kh, stride, pad);
        int wo = outSize(w, kw, stride, pad);
        for (int r = 0; r < c * kh * kw; r++) {
            int ch = r / (kh * kw);
            int i = r / kw % kh;
            int j = r % kw;
            int lo = firstInside(j, stride, pad, wo);
            int hi = Math.max(lo, endInside(j, stride, pad, w, wo));
            for (int oh = 0; oh < ho; oh++) {
                int y = oh * stride - pad + i;
                if (y < 0 || y >= h) {
                    continue;
                }
                int o = colsOff + (r * ho + oh) * wo;
                int dp = dstOff + (ch * h + y) * w - pad + j;
                if (stride == 1) {
                    for (int t = lo; t < hi; t++) {
                        dst[dp + t] += cols[o + t];
                    }
                } else {
                    for (int t = lo; t < hi; t++) {
                        dst[dp + t * stride] += cols[o + t];
                    }
                }
            }
        }
    }
}
