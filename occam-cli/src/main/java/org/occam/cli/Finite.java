package org.occam.cli;

import java.util.Map;
import org.occam.autodiff.Params;
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
        double[] v = t.toDoubleArray();
        int first = -1;
        int count = 0;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                first = first < 0 ? i : first;
                count++;
            }
        }
        if (count > 0) {
            throw new CommandFailure(what + " holds " + count + " non-finite value" + (count == 1 ? "" : "s") + " of "
                    + v.length + " (first: " + v[first] + " at flat index " + first + "); measurements there would be NaN:"
                    + " use weights and data without NaN or Infinity (an earlier checkpoint, or fixed input)");
        }
    }
}
