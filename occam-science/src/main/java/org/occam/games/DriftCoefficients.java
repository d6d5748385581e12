package org.occam.games;

/**
 * The discretization-drift coefficients of METHODS §3.3: the drift of a player's update equals
 * (self) ∇_own(½‖∇_own L_own‖²) + (dot) ∇_own(∇_other L_own · sg ∇_other L_other), per step, added
 * to the gradient it sees. The other_norm term has drift coefficient 0.
 *
 * <p>Two conventions (METHODS §3.3 pitfall, §10 pitfall 5). They agree only when η_φ = η_θ and
 * n_φ = n_θ = 1:
 * <ul>
 *   <li>{@link #exact}: backward error analysis, local error O(h³) for any rates (the default).
 *       With n consecutive steps per player, the dot coefficient carries the other player's whole
 *       round, n_other·η_other [DERIVED+NUM, checked by the order test].</li>
 *   <li>{@link #reference}: the reference code's coefficients, local error O(h²) when η_φ ≠ η_θ.</li>
 * </ul>
 *
 * @param selfPhi   φ's self_norm coefficient
 * @param dotPhi    φ's other_dot_prod coefficient
 * @param selfTheta θ's self_norm coefficient
 * @param dotTheta  θ's other_dot_prod coefficient
 */
public record DriftCoefficients(double selfPhi, double dotPhi, double selfTheta, double dotTheta) {
    /** Which table of METHODS §3.3 to use. */
    public enum Convention {
        /** Backward-error-analysis coefficients (default). */
        EXACT,
        /** The reference code's coefficients. */
        REFERENCE;

        /**
         * The coefficients of this convention.
         *
         * @param scheme the update scheme
         * @param etaPhi η_φ
         * @param etaTheta η_θ
         * @return the coefficients
         */
        public DriftCoefficients of(UpdateScheme scheme, double etaPhi, double etaTheta) {
            return this == EXACT ? exact(scheme, etaPhi, etaTheta) : reference(scheme, etaPhi, etaTheta);
        }
    }

    /**
     * All zero (no drift).
     *
     * @return the zero coefficients
     */
    public static DriftCoefficients zero() {
        return new DriftCoefficients(0, 0, 0, 0);
    }

    /**
     * METHODS §3.3, exact column: simultaneous φ (η_φ/2, η_θ/2), θ (η_θ/2, η_φ/2); alternating
     * φ-first φ (η_φ/2, n_θη_θ/2), θ (η_θ/2, −n_φη_φ/2), with η the per-step rates.
     *
     * @param scheme the update scheme
     * @param etaPhi η_φ
     * @param etaTheta η_θ
     * @return the coefficients
     */
    public static DriftCoefficients exact(UpdateScheme scheme, double etaPhi, double etaTheta) {
        checkRates(etaPhi, etaTheta);
        if (!scheme.isAlternating()) {
            return new DriftCoefficients(etaPhi / 2, etaTheta / 2, etaTheta / 2, etaPhi / 2);
        }
        return new DriftCoefficients(etaPhi / 2, scheme.nTheta() * etaTheta / 2, etaTheta / 2,
                -scheme.nPhi() * etaPhi / 2);
    }

    /**
     * METHODS §3.3, reference column: simultaneous φ (η_φ/2, η_φ/2), θ (η_θ/2, η_θ/2); alternating
     * φ (η_φ/(2n_φ), η_φ/2), θ (η_θ/(2n_θ), η_θ/2 − η_φ).
     *
     * @param scheme the update scheme
     * @param etaPhi η_φ
     * @param etaTheta η_θ
     * @return the coefficients
     */
    public static DriftCoefficients reference(UpdateScheme scheme, double etaPhi, double etaTheta) {
        checkRates(etaPhi, etaTheta);
        if (!scheme.isAlternating()) {
            return new DriftCoefficients(etaPhi / 2, etaPhi / 2, etaTheta / 2, etaTheta / 2);
        }
        return new DriftCoefficients(etaPhi / (2 * scheme.nPhi()), etaPhi / 2, etaTheta / (2 * scheme.nTheta()),
                etaTheta / 2 - etaPhi);
    }

    /**
     * The self_norm coefficient of player p.
     *
     * @param p the player
     * @return the coefficient
     */
    public double self(Player p) {
        return p == Player.PHI ? selfPhi : selfTheta;
    }

    /**
     * The other_dot_prod coefficient of player p.
     *
     * @param p the player
     * @return the coefficient
     */
    public double dot(Player p) {
        return p == Player.PHI ? dotPhi : dotTheta;
    }

    static void checkRates(double etaPhi, double etaTheta) {
        if (!(etaPhi >= 0) || !Double.isFinite(etaPhi)) {
            throw new IllegalArgumentException("etaPhi (phi's learning rate) must be finite and >= 0, got " + etaPhi);
        }
        if (!(etaTheta >= 0) || !Double.isFinite(etaTheta)) {
            throw new IllegalArgumentException("etaTheta (theta's learning rate) must be finite and >= 0, got " + etaTheta);
        }
    }
}
