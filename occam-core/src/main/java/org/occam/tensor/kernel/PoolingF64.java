package org.occam.tensor.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The typed loops of {@link Pooling} for double planes. An inner window runs in one lane: per tap
 * (row-major) a gather of that tap for {@link #LANES} windows, and a lane takes it where it is
 * strictly greater than the lane's maximum or NaN (a lane mask, no per-element branch); the lane
 * also keeps the tap's offset from its window's corner. Clipped windows run the same rule in a
 * scalar loop.
 *
 * <p>Template: its float twin is generated from this file by occam-core/pom.xml (twins); edit this file only.
 */
final class PoolingF64 {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    /** Windows per vector. */
    static final int LANES = S.length();

    private PoolingF64() {
    }

    /** Pools planes [lo, hi) of a (each h*w, contiguous) into out and index (each Ho*Wo per plane). */
    static void planes(double[] a, Pooling.Windows win, int lo, int hi, double[] out, int[] index) {
        int h = win.h();
        int w = win.w();
        int k = win.k();
        int l = (win.inner().length + win.clipped().length);
        int[] inner = win.inner();
        int[] corner = win.corner();
        double[] m = new double[LANES];
        double[] t = new double[LANES];
        boolean tiled = win.clipped().length == 0;
        for (int p = lo; p < hi; p++) {
            int src = p * h * w;
            int dst = p * l;
            for (int q = 0; q < inner.length; q += LANES) {
                DoubleVector best = DoubleVector.broadcast(S, Double.NEGATIVE_INFINITY);
                DoubleVector tap = DoubleVector.zero(S);
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        int off = i * w + j;
                        DoubleVector v = DoubleVector.fromArray(S, a, src + off, corner, q);
                        // v != v marks the NaN lanes. Not test(IS_NAN) nor blend(long, mask): with those two here,
                        // C2's recompile of GemmF32.kernel (after its unstable_if trap on acc) came out without its
                        // Vector API intrinsics and the CNN step ran 6x slower (195-253 vs 30 ms CPU).
                        VectorMask<Double> take = v.compare(VectorOperators.GT, best).or(v.compare(VectorOperators.NE, v));
                        best = best.blend(v, take);
                        tap = tap.blend(DoubleVector.broadcast(S, (double) off), take);
                    }
                }
                tap.intoArray(t, 0);
                int n = Math.min(LANES, inner.length - q);
                if (tiled && n == LANES) {
                    // No window clipped: output q is inner window q, so whole vectors store in place.
                    best.intoArray(out, dst + q);
                    for (int e = 0; e < LANES; e++) {
                        index[dst + q + e] = corner[q + e] + (int) t[e];
                    }
                    continue;
                }
                best.intoArray(m, 0);
                for (int e = 0; e < n; e++) {
                    out[dst + inner[q + e]] = m[e];
                    index[dst + inner[q + e]] = corner[q + e] + (int) t[e];
                }
            }
            for (int o : win.clipped()) {
                clipped(a, src, win, o, out, index, dst);
            }
        }
    }

    /** One window clipped by padding: the scalar form of the lane rule over its inside pixels. */
    private static void clipped(double[] a, int src, Pooling.Windows win, int o, double[] out, int[] index, int dst) {
        int w = win.w();
        int oh = o / win.wo();
        int ow = o % win.wo();
        int y0 = Math.max(0, oh * win.stride() - win.pad());
        int y1 = Math.min(win.h(), oh * win.stride() - win.pad() + win.k());
        int x0 = Math.max(0, ow * win.stride() - win.pad());
        int x1 = Math.min(w, ow * win.stride() - win.pad() + win.k());
        int best = y0 * w + x0;
        double m = Double.NEGATIVE_INFINITY;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                double v = a[src + y * w + x];
                if (v > m || Double.isNaN(v)) {
                    m = v;
                    best = y * w + x;
                }
            }
        }
        out[dst + o] = a[src + best];
        index[dst + o] = best;
    }
}
