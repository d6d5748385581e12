package org.occam.tensor.kernel;

/**
 * Per-thread scratch arrays for kernels that need a temporary buffer per call (the column buffer
 * of a convolution): reused across calls instead of allocated and zeroed each time. Contents are
 * unspecified on return; callers overwrite what they read. A buffer is used by one kernel call at
 * a time on its thread (kernels do not nest their scratch use).
 */
final class Scratch {
    private static final ThreadLocal<float[][]> F = ThreadLocal.withInitial(() -> new float[1][0]);
    private static final ThreadLocal<double[][]> D = ThreadLocal.withInitial(() -> new double[1][0]);

    private Scratch() {
    }

    /** A float[] or double[] of at least n elements, private to the calling thread. */
    static Object get(boolean f64, int n) {
        if (f64) {
            double[][] h = D.get();
            if (h[0].length < n) {
                h[0] = new double[n];
            }
            return h[0];
        }
        float[][] h = F.get();
        if (h[0].length < n) {
            h[0] = new float[n];
        }
        return h[0];
    }
}
