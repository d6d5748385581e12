package org.occam.tensor.kernel;

/**
 * Windowed max over the planes of an image batch, recording where each maximum came from.
 *
 * <p>x [N, C, H, W] gives values [N, C, Ho, Wo] and, for every output, the index y*W + x of its
 * source pixel within its own plane. Windows are scanned row-major and a later element wins only
 * when strictly greater (or NaN), so on ties the first maximum wins and a NaN propagates (the last
 * NaN of a window is its argmax), as in PyTorch; padded positions never win.
 *
 * <p>Outputs whose window lies wholly inside the plane run on the Vector API, one lane per output
 * ({@link PoolingF64}); the windows clipped by padding run in a scalar loop with the same rule.
 */
public final class Pooling {
    private Pooling() {
    }

    /** Window maxima and their in-plane source indices (row-major over [N*C, Ho*Wo]). */
    public record Argmax(Buffer values, int[] index) {
    }

    /**
     * The windows of one pooling geometry, shared by every plane: the outputs whose k×k window is
     * wholly inside the plane ({@code inner}, with the in-plane offset of each window's top-left
     * pixel in {@code corner}, zero-padded to whole vectors) and the outputs whose window padding
     * clips ({@code clipped}).
     */
    record Windows(int h, int w, int k, int stride, int pad, int wo, int[] inner, int[] corner, int[] clipped) {
    }

    /** Sorts the outputs of an h×w plane into inner and clipped windows (lanes: the vector width). */
    static Windows windows(int h, int w, int k, int stride, int pad, int lanes) {
        int ho = Im2col.outSize(h, k, stride, pad);
        int wo = Im2col.outSize(w, k, stride, pad);
        // A lane holds a tap's offset (k-1)*w + k-1 exactly only below 2^24 (float's mantissa).
        boolean exact = (long) k * w < (1 << 24);
        int[] inner = new int[ho * wo];
        int[] clipped = new int[ho * wo];
        int ni = 0;
        int nc = 0;
        for (int oh = 0; oh < ho; oh++) {
            int y = oh * stride - pad;
            for (int ow = 0; ow < wo; ow++) {
                int x = ow * stride - pad;
                if (exact && y >= 0 && y + k <= h && x >= 0 && x + k <= w) {
                    inner[ni++] = oh * wo + ow;
                } else {
                    clipped[nc++] = oh * wo + ow;
                }
            }
        }
        int[] corner = new int[(ni + lanes - 1) / lanes * lanes];
        for (int q = 0; q < ni; q++) {
            int oh = inner[q] / wo;
            int ow = inner[q] % wo;
            corner[q] = (oh * stride - pad) * w + ow * stride - pad;
        }
        return new Windows(h, w, k, stride, pad, wo, java.util.Arrays.copyOf(inner, ni), corner,
                java.util.Arrays.copyOf(clipped, nc));
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
        Windows win = windows(h, w, k, stride, pad, dbl ? PoolingF64.LANES : PoolingF32.LANES);
        int grain = Math.max(1, Unary.GRAIN / Math.max(1, h * w));
        Parallel.forRange(planes, grain, (lo, hi) -> {
            if (dbl) {
                PoolingF64.planes(a.doubleData(), win, lo, hi, out.doubleData(), index);
            } else {
                PoolingF32.planes(a.floatData(), win, lo, hi, out.floatData(), index);
            }
        });
        return new Argmax(out, index);
    }
}
