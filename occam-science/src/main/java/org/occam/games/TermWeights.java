package org.occam.games;

/**
 * The resolved coefficients of one player's three regulariser terms (METHODS §3.3, §3.5), as
 * used by {@link PlayerGradients}: the player sees ∇_own L_own + selfNorm·∇_own(½‖∇_own L_own‖²)
 * + otherNorm·∇_own(½‖∇_other L_other‖²) + otherDotProd·∇_own(∇_other L_own · sg ∇_other L_other).
 *
 * @param selfNorm the coefficient of the self_norm term
 * @param otherNorm the coefficient of the other_norm term
 * @param otherDotProd the coefficient of the other_dot_prod term
 */
public record TermWeights(double selfNorm, double otherNorm, double otherDotProd) {
    /** Checks that every weight is finite. */
    public TermWeights {
        if (!Double.isFinite(selfNorm) || !Double.isFinite(otherNorm) || !Double.isFinite(otherDotProd)) {
            throw new IllegalArgumentException("term weights must be finite, got selfNorm = " + selfNorm
                    + ", otherNorm = " + otherNorm + ", otherDotProd = " + otherDotProd);
        }
    }

    /**
     * All zero: the plain gradient.
     *
     * @return the zero weights
     */
    public static TermWeights none() {
        return new TermWeights(0, 0, 0);
    }

    /**
     * Whether every weight is zero.
     *
     * @return whether all are zero
     */
    public boolean isZero() {
        return selfNorm == 0 && otherNorm == 0 && otherDotProd == 0;
    }
}
