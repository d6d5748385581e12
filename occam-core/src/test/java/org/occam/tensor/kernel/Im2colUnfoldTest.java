package org.occam.tensor.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * im2col against the definition, bit for bit (it only copies), with a non-zero pad value so that
 * every padded entry is checked: the stride-1 "same width" shapes (wo = w) that unfold a whole
 * plane with one shifted copy, including padding wider than the image, and the row-by-row shapes.
 */
class Im2colUnfoldTest {

    /** {n, c, h, w, kh, kw, stride, pad}. */
    private static final int[][] CASES = {
        {2, 3, 7, 5, 3, 3, 1, 1}, {1, 2, 8, 8, 5, 5, 1, 2}, {2, 2, 5, 9, 3, 3, 1, 1}, {1, 3, 4, 6, 5, 3, 1, 1},
        {1, 2, 1, 1, 3, 3, 1, 1}, {1, 2, 2, 2, 7, 7, 1, 3}, {1, 1, 3, 1, 3, 3, 1, 1}, {2, 3, 16, 16, 3, 3, 1, 1},
        {1, 2, 2, 3, 9, 9, 1, 4}, {2, 3, 9, 7, 3, 3, 2, 1}, {1, 2, 6, 7, 3, 2, 1, 0}, {1, 2, 5, 5, 1, 1, 1, 0},
        {1, 1, 4, 4, 3, 3, 1, 0}, {1, 2, 7, 6, 2, 2, 3, 1},
    };

    @Test
    void unfoldMatchesTheDefinitionBitForBit() {
        Random r = new Random(101);
        for (int[] cs : CASES) {
            for (boolean f64 : new boolean[] {false, true}) {
                int n = cs[0], c = cs[1], h = cs[2], w = cs[3], kh = cs[4], kw = cs[5], s = cs[6], pad = cs[7];
                Buffer x = ConvPackTest.random(f64, r, n, c, h, w);
                double pv = -3.5;
                assertArrayEquals(naive(x.toDoubleArray(), n, c, h, w, kh, kw, s, pad, pv),
                        Im2col.unfold(x, kh, kw, s, pad, pv).toDoubleArray(), 0.0, Arrays.toString(cs) + " " + f64);
            }
        }
    }

    private static double[] naive(double[] x, int n, int c, int h, int w, int kh, int kw, int st, int pad, double pv) {
        int ho = Im2col.outSize(h, kh, st, pad);
        int wo = Im2col.outSize(w, kw, st, pad);
        double[] cols = new double[n * c * kh * kw * ho * wo];
        int at = 0;
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        for (int oh = 0; oh < ho; oh++) {
                            for (int ow = 0; ow < wo; ow++) {
                                int y = oh * st - pad + i;
                                int xx = ow * st - pad + j;
                                boolean in = y >= 0 && y < h && xx >= 0 && xx < w;
                                cols[at++] = in ? x[((b * c + ch) * h + y) * w + xx] : pv;
                            }
                        }
                    }
                }
            }
        }
        return cols;
    }
}
