package org.occam.games;

import java.util.Objects;

/**
 * Both players' explicit regularisers (METHODS §3.5) with the paper's recipes as presets. The
 * final coefficients come from {@link #weights(Player, DriftCoefficients)}.
 *
 * @param phi φ's regulariser
 * @param theta θ's regulariser
 */
public record DriftRegularizers(PlayerRegularizer phi, PlayerRegularizer theta) {
    /** Refuses a missing regulariser. */
    public DriftRegularizers {
        Objects.requireNonNull(phi, "phi");
        Objects.requireNonNull(theta, "theta");
    }

    /**
     * Plain (S)GD: every coefficient 0.
     *
     * @return the regularisers
     */
    public static DriftRegularizers none() {
        return new DriftRegularizers(PlayerRegularizer.none(), PlayerRegularizer.none());
    }

    /**
     * "Cancel interaction terms": other_dot_prod multiplier −1 for both players.
     *
     * @return the regularisers
     */
    public static DriftRegularizers cancelInteraction() {
        PlayerRegularizer p = new PlayerRegularizer(RegularizerTerm.off(), RegularizerTerm.off(),
                RegularizerTerm.drift(-1));
        return new DriftRegularizers(p, p);
    }

    /**
     * "Cancel interaction + strengthen self": also self_norm multiplier +1 for both players.
     *
     * @return the regularisers
     */
    public static DriftRegularizers cancelInteractionStrengthenSelf() {
        PlayerRegularizer p = new PlayerRegularizer(RegularizerTerm.drift(1), RegularizerTerm.off(),
                RegularizerTerm.drift(-1));
        return new DriftRegularizers(p, p);
    }

    /**
     * SGA (Balduzzi et al.) with strength γ: explicit other_norm = γ for both players.
     *
     * @param gamma γ
     * @return the regularisers
     */
    public static DriftRegularizers sga(double gamma) {
        PlayerRegularizer p = new PlayerRegularizer(RegularizerTerm.off(), RegularizerTerm.explicitOnly(gamma),
                RegularizerTerm.off());
        return new DriftRegularizers(p, p);
    }

    /**
     * Consensus optimisation (Mescheder et al.) with strength γ: explicit self_norm = other_norm = γ for both.
     *
     * @param gamma γ
     * @return the regularisers
     */
    public static DriftRegularizers consensus(double gamma) {
        PlayerRegularizer p = new PlayerRegularizer(RegularizerTerm.explicitOnly(gamma),
                RegularizerTerm.explicitOnly(gamma), RegularizerTerm.off());
        return new DriftRegularizers(p, p);
    }

    /**
     * The same regulariser for both players.
     *
     * @param r the regulariser
     * @return the regularisers
     */
    public static DriftRegularizers both(PlayerRegularizer r) {
        return new DriftRegularizers(r, r);
    }

    /**
     * Player p's regulariser.
     *
     * @param p the player
     * @return the regulariser
     */
    public PlayerRegularizer of(Player p) {
        return p == Player.PHI ? phi : theta;
    }

    /**
     * Player p's final term coefficients given the drift coefficients of the update scheme.
     *
     * @param p the player
     * @param drift the scheme's drift coefficients
     * @return the term weights
     */
    public TermWeights weights(Player p, DriftCoefficients drift) {
        return of(p).weights(drift.self(p), drift.dot(p));
    }
}
