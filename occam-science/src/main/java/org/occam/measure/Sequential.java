package org.occam.measure;

import java.util.Arrays;
import java.util.function.DoubleSupplier;

/**
 * Draws Monte-Carlo samples until their standard error meets a relative target or the cap is
 * reached (docs/curvature.md, stopping rule); shared by Hutchinson and SLQ.
 */
final class Sequential {
    private Sequential() {
    }

    /** The samples drawn, in order, and whether the target was met. */
    record Draw(double[] samples, boolean converged) {
    }

    /** Calls {@code sample} until stderr ≤ target·|mean| (checked from {@link SequentialEstimate#MIN_PROBES} on) or the cap. */
    static Draw draw(Tolerance target, DoubleSupplier sample) {
        double[] samples = new double[target.cap()];
        int n = 0;
        while (n < target.cap()) {
            samples[n++] = sample.getAsDouble();
            if (n >= SequentialEstimate.MIN_PROBES) {
                Estimate e = Estimate.of(Arrays.copyOf(samples, n), 0);
                if (target.met(e.stderr(), e.mean())) {
                    return new Draw(Arrays.copyOf(samples, n), true);
                }
            }
        }
        return new Draw(samples, false);
    }
}
