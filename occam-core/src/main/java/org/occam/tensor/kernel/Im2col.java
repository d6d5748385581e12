package org.occam.tensor.kernel;

import org.occam.tensor.DType;
import org.occam.tensor.Tensor;

/**
 * Unfolds image patches into columns and folds them back (its adjoint).
 * x [N, C, H, W] becomes cols [N, C*kh*kw, Ho*Wo] with row (c, i, j) holding
 * x[n, c, oh*stride - pad + i, ow*stride - pad + j] (padValue outside the image).
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
        int n = s[0];
        int c = s[1];
        int h = s[2];
        int w = s[3];
        int ho = outSize(h, kh, stride, pad);
        int wo = outSize(w, kw, stride, pad);
        int rows = c * kh * kw;
        int l = ho * wo;
        Tensor out = Tensor.zeros(a.dtype(), n, rows, l);
        boolean dbl = a.dtype() == DType.FLOAT64;
        Parallel.forRange(n * c, 1, (lo, hi) -> {
            for (int nc = lo; nc < hi; nc++) {
                int img = nc / c;
                int ch = nc % c;
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        int row = (ch * kh + i) * kw + j;
                        int base = (img * rows + row) * l;
                        for (int oh = 0; oh < ho; oh++) {
                            int y = oh * stride - pad + i;
                            for (int ow = 0; ow < wo; ow++) {
                                int xx = ow * stride - pad + j;
                                boolean in = y >= 0 && y < h && xx >= 0 && xx < w;
                                int src = ((img * c + ch) * h + y) * w + xx;
                                if (dbl) {
                                    out.doubleData()[base + oh * wo + ow] = in ? a.doubleData()[src] : padValue;
                                } else {
                                    out.floatData()[base + oh * wo + ow] = in ? a.floatData()[src] : (float) padValue;
                                }
                            }
                        }
                    }
                }
            }
        });
        return out;
    }

    /** The adjoint of unfold (padding dropped): sums every column entry back into its pixel. */
    public static Tensor fold(Tensor cols, int c, int h, int w, int kh, int kw, int stride, int pad) {
        Tensor a = Strided.dense(cols);
        int n = a.shapeRef()[0];
        int ho = outSize(h, kh, stride, pad);
        int wo = outSize(w, kw, stride, pad);
        int rows = c * kh * kw;
        int l = ho * wo;
        Tensor out = Tensor.zeros(a.dtype(), n, c, h, w);
        boolean dbl = a.dtype() == DType.FLOAT64;
        Parallel.forRange(n * c, 1, (lo, hi) -> {
            for (int nc = lo; nc < hi; nc++) {
                int img = nc / c;
                int ch = nc % c;
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        int row = (ch * kh + i) * kw + j;
                        int base = (img * rows + row) * l;
                        for (int oh = 0; oh < ho; oh++) {
                            int y = oh * stride - pad + i;
                            if (y < 0 || y >= h) {
                                continue;
                            }
                            for (int ow = 0; ow < wo; ow++) {
                                int xx = ow * stride - pad + j;
                                if (xx < 0 || xx >= w) {
                                    continue;
                                }
                                int dst = ((img * c + ch) * h + y) * w + xx;
                                if (dbl) {
                                    out.doubleData()[dst] += a.doubleData()[base + oh * wo + ow];
                                } else {
                                    out.floatData()[dst] += a.floatData()[base + oh * wo + ow];
                                }
                            }
                        }
                    }
                }
            }
        });
        return out;
    }
}
