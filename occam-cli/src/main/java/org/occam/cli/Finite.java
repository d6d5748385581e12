package org.occam.cli;

import java.util.Map;
import org.occam.autodiff.Params;
import org.occam.tensor.DType;
import org.occam.tensor.Tensor;

/** Checks that weights and data hold only finite numbers before they are measured (a NaN gives NaN metrics). */
final class Finite {
    private Finite() {
    }

    /** Fails with one line naming {@code source} and the first tensor that holds NaN or ±Infinity. */
    static void requireParams(String source, Params p) {
        for (Map.Entry<String, Tensor> e : p) {
            require(source + ": tensor '" + e.getKey() + "'", e.getValue());
        }
    }

    /** Fails with one line naming {@code what} when {@code t} holds NaN or ±Infinity. */
    static void require(String what, Tensor t) {
        int n = t.numel();
        double[] d = t.dtype() == DType.FLOAT64 ? (t.isDense() ? t.doubleData() : t.toDoubleArray()) : null;
        float[] f = d == null ? (t.isDense() ? t.floatData() : t.toFloatArray()) : null; // read in place, not copied
        int first = -1;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(d != null ? d[i] : f[i])) {
                first = first < 0 ? i : first;
                count++;
            }
        }
        if (count > 0) {
            throw new CommandFailure(what + " holds " + count + " non-finite value" + (count == 1 ? "" : "s") + " of "
                    + n + " (first: " + (d != null ? d[first] : f[first]) + " at flat index " + first + "); measurements"
                    + " there would be NaN: use weights and data without NaN or Infinity (an earlier checkpoint, or fixed"
                    + " input)");
        }
    }
}
