package org.occam.games;

import java.util.Objects;

/**
 * How the two players move (METHODS §3.1): simultaneously, or alternating with φ first, where φ
 * takes n_φ consecutive steps and then θ takes n_θ consecutive steps at the updated φ.
 *
 * @param kind   simultaneous or alternating
 * @param nPhi   consecutive φ steps per round (1 when simultaneous)
 * @param nTheta consecutive θ steps per round (1 when simultaneous)
 */
public record UpdateScheme(Kind kind, int nPhi, int nTheta) {
    /** The two ways of moving. */
    public enum Kind {
        /** Both players step from the same state. */
        SIMULTANEOUS,
        /** φ's steps, then θ's at the new φ. */
        ALTERNATING
    }

    /** Checks n ≥ 1 for both players, and 1 when simultaneous. */
    public UpdateScheme {
        Objects.requireNonNull(kind, "kind");
        if (nPhi < 1) {
            throw new IllegalArgumentException("nPhi must be >= 1 (consecutive phi steps), got " + nPhi);
        }
        if (nTheta < 1) {
            throw new IllegalArgumentException("nTheta must be >= 1 (consecutive theta steps), got " + nTheta);
        }
        if (kind == Kind.SIMULTANEOUS && (nPhi != 1 || nTheta != 1)) {
            throw new IllegalArgumentException("simultaneous updates take nPhi = nTheta = 1, got nPhi = " + nPhi
                    + ", nTheta = " + nTheta);
        }
    }

    /**
     * φ' = φ + η_φ f(φ, θ), θ' = θ + η_θ g(φ, θ).
     *
     * @return the scheme
     */
    public static UpdateScheme simultaneous() {
        return new UpdateScheme(Kind.SIMULTANEOUS, 1, 1);
    }

    /**
     * One φ step, then one θ step at the new φ.
     *
     * @return the scheme
     */
    public static UpdateScheme alternating() {
        return alternating(1, 1);
    }

    /**
     * n_φ φ steps, then n_θ θ steps at the new φ.
     *
     * @param nPhi n_φ
     * @param nTheta n_θ
     * @return the scheme
     */
    public static UpdateScheme alternating(int nPhi, int nTheta) {
        return new UpdateScheme(Kind.ALTERNATING, nPhi, nTheta);
    }

    /**
     * Whether the players alternate.
     *
     * @return whether they alternate
     */
    public boolean isAlternating() {
        return kind == Kind.ALTERNATING;
    }

    /**
     * Consecutive steps of player p per round.
     *
     * @param p the player
     * @return n_p
     */
    public int steps(Player p) {
        return p == Player.PHI ? nPhi : nTheta;
    }

    /**
     * "simultaneous", "alternating" or "alternating(2,1)".
     *
     * @return the description
     */
    public String describe() {
        if (kind == Kind.SIMULTANEOUS) {
            return "simultaneous";
        }
        return nPhi == 1 && nTheta == 1 ? "alternating" : "alternating(" + nPhi + "," + nTheta + ")";
    }
}
