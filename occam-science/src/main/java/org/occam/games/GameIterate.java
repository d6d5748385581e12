package org.occam.games;

import java.util.Objects;
import org.occam.autodiff.Params;
import org.occam.optim.OptState;

/**
 * The parameters of both players and their optimiser states: what one {@link GameStep} maps.
 *
 * @param state (φ, θ)
 * @param phi φ's optimiser state
 * @param theta θ's optimiser state
 */
public record GameIterate(GameState state, OptState phi, OptState theta) {
    /** Refuses a missing part. */
    public GameIterate {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(phi, "phi");
        Objects.requireNonNull(theta, "theta");
    }

    /**
     * A start with empty optimiser states.
     *
     * @param s (φ, θ)
     * @return the iterate
     */
    public static GameIterate start(GameState s) {
        return new GameIterate(s, OptState.empty(), OptState.empty());
    }

    /**
     * Player p's optimiser state.
     *
     * @param p the player
     * @return its optimiser state
     */
    public OptState opt(Player p) {
        return p == Player.PHI ? phi : theta;
    }

    /**
     * A copy with player p's parameters and optimiser state replaced.
     *
     * @param p the player
     * @param params its new parameters
     * @param opt its new optimiser state
     * @return the new iterate
     */
    public GameIterate with(Player p, Params params, OptState opt) {
        GameState s = state.with(p, params);
        return p == Player.PHI ? new GameIterate(s, opt, theta) : new GameIterate(s, phi, opt);
    }
}
