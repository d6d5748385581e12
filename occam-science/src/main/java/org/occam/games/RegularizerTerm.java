package org.occam.games;

/**
 * The configuration of one regulariser term (METHODS §3.5): final coefficient =
 * multiplier × drift coefficient + explicit. Multiplier −1 cancels the drift, +1 doubles it
 * ("strengthen"), 0 ignores it; explicit adds a drift-independent strength (SGA, consensus).
 *
 * @param multiplier times the term's drift coefficient
 * @param explicit   added regardless of the drift
 */
public record RegularizerTerm(double multiplier, double explicit) {
    /** Checks finite coefficients. */
    public RegularizerTerm {
        if (!Double.isFinite(multiplier) || !Double.isFinite(explicit)) {
            throw new IllegalArgumentException("regularizer multiplier and explicit coefficient must be finite, got "
                    + multiplier + ", " + explicit);
        }
    }

    /**
     * Off: coefficient 0 whatever the drift.
     *
     * @return the term
     */
    public static RegularizerTerm off() {
        return new RegularizerTerm(0, 0);
    }

    /**
     * multiplier × drift, no explicit part.
     *
     * @param multiplier the factor on the drift
     * @return the term
     */
    public static RegularizerTerm drift(double multiplier) {
        return new RegularizerTerm(multiplier, 0);
    }

    /**
     * An explicit coefficient only.
     *
     * @param coefficient the explicit coefficient
     * @return the term
     */
    public static RegularizerTerm explicitOnly(double coefficient) {
        return new RegularizerTerm(0, coefficient);
    }

    /**
     * multiplier × drift + explicit.
     *
     * @param drift the drift coefficient
     * @return the coefficient
     */
    public double coefficient(double drift) {
        return multiplier * drift + explicit;
    }
}
