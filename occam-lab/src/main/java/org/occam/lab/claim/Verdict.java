package org.occam.lab.claim;

import java.util.Locale;

/** The outcome of a claim judged over seeds (docs/claims.md). */
public enum Verdict {
    /** The interval excludes zero in the claimed direction and the effect exceeds the resolution. */
    SUPPORTED,
    /** The interval excludes zero in the other direction and the effect exceeds the resolution. */
    CONTRADICTED,
    /** Anything else: the interval includes zero, or the effect is below the resolution. */
    INCONCLUSIVE;

    /**
     * The lower-case word printed in tables and JSON.
     *
     * @return the word
     */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
