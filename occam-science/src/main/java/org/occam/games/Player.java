package org.occam.games;

/** The two players of a game (METHODS §3.1): φ (the first to move when alternating) and θ. */
public enum Player {
    /** φ, minimising L_φ; in a GAN the discriminator by the paper's convention. */
    PHI,
    /** θ, minimising L_θ; in a GAN the generator. */
    THETA;

    /**
     * The other player.
     *
     * @return the other player
     */
    public Player other() {
        return this == PHI ? THETA : PHI;
    }

    /**
     * "phi" or "theta", for names of metrics and configs.
     *
     * @return the label
     */
    public String label() {
        return this == PHI ? "phi" : "theta";
    }
}
