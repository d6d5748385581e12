package org.occam.tensor.kernel;

import static org.occam.tensor.kernel.Im2col.endInside;
import static org.occam.tensor.kernel.Im2col.firstInside;
import static org.occam.tensor.kernel.Im2col.outSize;

import java.util.Arrays;

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
            if (stride == 1 && wo == w) {
                unfoldPlane(src, srcOff + ch * h * w, h, w, ho, i - pad, j - pad, lo, hi, pv, dst, dstOff + r * ho * wo);
                continue;
            }
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

    /**
     * One column row of a stride-1 unfold whose output rows are as wide as the image's (wo = w):
     * output position (oh, t) reads the plane at row oh + dy, column t + dx, so the rows inside
     * the image are one shifted copy of the plane (a single arraycopy); the columns [0, lo) and
     * [hi, w) of each row, where the tap falls outside, and the rows outside are then set to pv
     * (all of them where no tap is inside). The same values as the row-by-row loop.
     */
    private static void unfoldPlane(double[] src, int plane, int h, int w, int ho, int dy, int dx, int lo, int hi,
                                    double pv, double[] dst, int o) {
        int a = Math.min(ho, Math.max(0, -dy));
        int b = Math.max(a, Math.min(ho, h - dy));
        Arrays.fill(dst, o, o + a * w, pv);
        Arrays.fill(dst, o + b * w, o + ho * w, pv);
        if (b == a) {
            return;
        }
        int from = a * w + lo;
        int to = (b - 1) * w + hi;
        if (hi > lo && to > from) {
            System.arraycopy(src, plane + dy * w + dx + from, dst, o + from, to - from);
        }
        if (lo == 0 && hi == w) {
            return;
        }
        for (int oh = a; oh < b; oh++) {
            int row = o + oh * w;
            for (int t = 0; t < lo; t++) {
                dst[row + t] = pv;
            }
            for (int t = Math.max(lo, hi); t < w; t++) {
                dst[row + t] = pv;
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

    /**
     * Packs NR-column panels [p0, p1) of the kc×nc block at row pc, column jc of the columns of the
     * image [c, h, w] at src[srcOff] (zero padding) straight into GemmF64's packed-B layout
     * (column jc + q, row pc + p at bp[(q / NR)*kc*NR + p*NR + q % NR], columns past nc zero): the
     * unfold and the GEMM's copy of B in one pass, with no column matrix in between.
     */
    static void packColumns(double[] src, int srcOff, int c, int h, int w, int kh, int kw, int stride, int pad,
                            int pc, int kc, int jc, int nc, double[] bp, int p0, int p1) {
        pack(false, src, srcOff, h, w, kh, kw, stride, pad, pc, kc, jc, nc, bp, p0, p1);
    }

    /**
     * Packs NR-column panels [p0, p1) of the kc×nc block at row pc, column jc of the transposed
     * columns (row = output position, column = (channel, i, j)) of the image at src[srcOff], in the
     * layout of {@link #packColumns}: the B operand of the weight gradient dy · colsᵀ, packed
     * without materialising the columns.
     */
    static void packColumnsT(double[] src, int srcOff, int c, int h, int w, int kh, int kw, int stride, int pad,
                             int pc, int kc, int jc, int nc, double[] bp, int p0, int p1) {
        pack(true, src, srcOff, h, w, kh, kw, stride, pad, pc, kc, jc, nc, bp, p0, p1);
    }

    /**
     * The one panel loop of both packings. A line is one row (channel, i, j) of the columns: the
     * panel's rows p (not transposed: a line per p, over the panel's output positions, stored along
     * the panel row) or its columns q (transposed: a line per q, over positions [pc, pc + kc),
     * stored down the panel column, NR apart).
     */
    private static void pack(boolean transposed, double[] src, int srcOff, int h, int w, int kh, int kw, int stride,
                             int pad, int pc, int kc, int jc, int nc, double[] bp, int p0, int p1) {
        int nr0 = GemmF64.NR;
        int wo = outSize(w, kw, stride, pad);
        int[] lo = new int[kw];
        int[] hi = new int[kw];
        taps(w, kw, stride, pad, wo, lo, hi);
        int[] seg = new int[3 * ((transposed ? kc : nr0) / Math.max(1, wo) + 2)];
        int ds = transposed ? nr0 : 1;
        for (int panel = p0; panel < p1; panel++) {
            int first = jc + panel * nr0;
            int nr = Math.min(nr0, jc + nc - first);
            int dst = panel * nr0 * kc;
            if (nr < nr0) {
                // The columns past nc stay zero: one fill of the panel, not one per row.
                java.util.Arrays.fill(bp, dst, dst + kc * nr0, 0d);
            }
            int from = transposed ? pc : first;
            int segs = segments(from, from + (transposed ? kc : nr), wo, seg);
            int line0 = transposed ? first : pc;
            int ch = line0 / (kh * kw);
            int i = line0 / kw % kh;
            int j = line0 % kw;
            for (int line = 0; line < (transposed ? nr : kc); line++) {
                int plane = srcOff + ch * h * w - pad + j;
                int base = dst + (transposed ? line - from * nr0 : line * nr0 - from);
                for (int q = 0; q < segs; q++) {
                    int oh = seg[3 * q];
                    int y = oh * stride - pad + i;
                    segment(src, plane + y * w, stride, y >= 0 && y < h, lo[j], hi[j], seg[3 * q + 1], seg[3 * q + 2], bp,
                            base + oh * wo * ds, ds);
                }
                if (++j == kw) {
                    j = 0;
                    if (++i == kh) {
                        i = 0;
                        ch++;
                    }
                }
            }
        }
    }

    /** For each tap j of a kernel row: output columns [lo[j], hi[j]) read inside the image. */
    private static void taps(int w, int kw, int stride, int pad, int wo, int[] lo, int[] hi) {
        for (int j = 0; j < kw; j++) {
            lo[j] = firstInside(j, stride, pad, wo);
            hi[j] = Math.max(lo[j], endInside(j, stride, pad, w, wo));
        }
    }

    /**
     * Splits output positions [from, to) into runs within one output row: seg[3q..3q+2] = (oh,
     * first ow, end ow) of run q. Returns the number of runs.
     */
    private static int segments(int from, int to, int wo, int[] seg) {
        int q = 0;
        for (int pos = from; pos < to; q++) {
            int oh = pos / wo;
            int ow0 = pos - oh * wo;
            int ow1 = Math.min(wo, ow0 + to - pos);
            seg[3 * q] = oh;
            seg[3 * q + 1] = ow0;
            seg[3 * q + 2] = ow1;
            pos += ow1 - ow0;
        }
        return q;
    }

    /**
     * One output row's run ow in [ow0, ow1) of a column row: dst[base + ow*ds] = src[sp + ow*stride]
     * where the tap is inside the image (row inside and ow in [lo, hi)), else 0.
     */
    private static void segment(double[] src, int sp, int stride, boolean rowInside, int lo, int hi, int ow0, int ow1,
                                double[] dst, int base, int ds) {
        int a = rowInside ? Math.min(ow1, Math.max(ow0, lo)) : ow1;
        int b = rowInside ? Math.min(ow1, Math.max(a, hi)) : ow1;
        for (int t = ow0; t < a; t++) {
            dst[base + t * ds] = 0;
        }
        if (ds == 1 && stride == 1 && b > a) {
            System.arraycopy(src, sp + a, dst, base + a, b - a);
        } else {
            for (int t = a; t < b; t++) {
                dst[base + t * ds] = src[sp + t * stride];
            }
        }
        for (int t = b; t < ow1; t++) {
            dst[base + t * ds] = 0;
        }
    }
}
