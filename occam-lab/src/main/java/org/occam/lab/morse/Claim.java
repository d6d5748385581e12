package org.occam.lab.morse;

/**
 * One observed quantity next to what the paper (or METHODS §11) claims about it.
 *
 * @param what     the observable
 * @param observed what this run measured, formatted
 * @param claim    the expected outcome
 * @param holds    whether the observation agrees with the claim
 */
public record Claim(String what, String observed, String claim, boolean holds) {

    /** One aligned line for the terminal. */
    public String line() {
        return String.format(java.util.Locale.ROOT, "  %-44s %-30s claim: %s  [%s]", what, observed, claim,
                holds ? "consistent" : "NOT observed");
    }
}
