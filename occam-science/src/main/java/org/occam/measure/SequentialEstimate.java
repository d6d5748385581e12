package org.occam.measure;

import java.util.Locale;

/**
 * A Monte-Carlo estimate drawn until its relative standard error met a target or its probe cap
 * was reached (docs/curvature.md, stopping rule).
 *
 * @param estimate the mean, its standard error, the probes drawn and their cost
 * @param target   the requested relative standard error and the probe cap
 * @param converged whether stderr ≤ target·|mean| when drawing stopped
 */
public record SequentialEstimate(Estimate estimate, Tolerance target, boolean converged) {
    /** Probes drawn before the standard error is trusted for stopping (a smaller sample's SE is itself too noisy). */
    public static final int MIN_PROBES = 10;

    /**
     * stderr/|mean|.
     *
     * @return the relative standard error
     */
    public double relativeStderr() {
        return estimate.stderr() / Math.abs(estimate.mean());
    }

    /**
     * A one-line warning when the cap stopped drawing first, empty otherwise.
     *
     * @return the warning, or ""
     */
    public String warning() {
        return converged ? "" : String.format(Locale.ROOT, "the relative standard error %.2e did not reach %.1e within"
                + " %d probes (the cap)", relativeStderr(), target.relative(), estimate.samples());
    }
}
