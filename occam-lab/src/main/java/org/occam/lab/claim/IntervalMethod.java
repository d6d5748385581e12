package org.occam.lab.claim;

/** How a claim's 95 % interval over seeds is computed. */
public enum IntervalMethod {
    /** Student-t interval of the mean (Welch's for a difference of two means): exact for normal data. */
    T,
    /** Percentile bootstrap over seeds (10,000 resamples, fixed seed): no normality assumption, narrow for n ≤ 5. */
    BOOTSTRAP
}
