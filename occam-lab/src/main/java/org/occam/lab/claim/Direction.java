package org.occam.lab.claim;

/** What a claim expects of its effect (the statistic minus the claim's reference value). */
public enum Direction {
    /** The effect is positive. */
    INCREASE,
    /** The effect is negative. */
    DECREASE,
    /** The effect lies within ± the claim's tolerance of zero (an equivalence claim, e.g. "M ≈ 1"). */
    WITHIN
}
