package org.occam.games;

import java.util.Objects;

/**
 * One player's explicit regularisers (METHODS §3.5): self_norm, other_norm and other_dot_prod, each
 * a multiplier of its drift coefficient plus an explicit coefficient.
 *
 * @param selfNorm     ∇_own(½‖∇_own L_own‖²)
 * @param otherNorm    ∇_own(½‖∇_other L_other‖²); its drift coefficient is 0
 * @param otherDotProd ∇_own(∇_other L_own · sg ∇_other L_other)
 */
public record PlayerRegularizer(RegularizerTerm selfNorm, RegularizerTerm otherNorm, RegularizerTerm otherDotProd) {
    /** Refuses a missing term. */
    public PlayerRegularizer {
        Objects.requireNonNull(selfNorm, "selfNorm");
        Objects.requireNonNull(otherNorm, "otherNorm");
        Objects.requireNonNull(otherDotProd, "otherDotProd");
    }

    /**
     * No regularisation.
     *
     * @return the regulariser
     */
    public static PlayerRegularizer none() {
        return new PlayerRegularizer(RegularizerTerm.off(), RegularizerTerm.off(), RegularizerTerm.off());
    }

    /**
     * The final coefficients given this player's drift coefficients (other_norm drift is 0).
     *
     * @param driftSelf the self_norm drift coefficient
     * @param driftDot the other_dot_prod drift coefficient
     * @return the term weights
     */
    public TermWeights weights(double driftSelf, double driftDot) {
        return new TermWeights(selfNorm.coefficient(driftSelf), otherNorm.coefficient(0),
                otherDotProd.coefficient(driftDot));
    }
}
