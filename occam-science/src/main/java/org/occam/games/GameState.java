package org.occam.games;

import java.util.Objects;
import org.occam.autodiff.Params;
import org.occam.tensor.Ops;
import org.occam.tensor.Tensor;

/**
 * The joint parameters (φ, θ) of a two-player game (METHODS §3.1). Flat vectors concatenate φ's
 * flattened tree, then θ's, which is the state on which {@link ModifiedFlows} integrate.
 *
 * @param phi φ
 * @param theta θ
 */
public record GameState(Params phi, Params theta) {
    /** Refuses a missing tree. */
    public GameState {
        Objects.requireNonNull(phi, "phi");
        Objects.requireNonNull(theta, "theta");
    }

    /**
     * The parameters of one player.
     *
     * @param p the player
     * @return its parameters
     */
    public Params get(Player p) {
        return p == Player.PHI ? phi : theta;
    }

    /**
     * A copy with one player's parameters replaced.
     *
     * @param p the player
     * @param value its new parameters
     * @return the new state
     */
    public GameState with(Player p, Params value) {
        return p == Player.PHI ? new GameState(value, theta) : new GameState(phi, value);
    }

    /**
     * Number of scalars in (φ, θ).
     *
     * @return the count
     */
    public int numel() {
        return phi.numel() + theta.numel();
    }

    /**
     * [flatten(φ), flatten(θ)] as one differentiable vector.
     *
     * @return the flat vector
     */
    public Tensor flatten() {
        return Ops.concat(0, phi.flatten(), theta.flatten());
    }

    /**
     * The inverse of {@link #flatten()}: a state shaped like this one holding the vector's values (differentiable).
     *
     * @param vec the flat vector
     * @return the state
     */
    public GameState unflatten(Tensor vec) {
        if (vec.rank() != 1 || vec.numel() != numel()) {
            throw new IllegalArgumentException("GameState.unflatten needs a vector of " + numel()
                    + " elements (phi " + phi.numel() + " + theta " + theta.numel() + "), got " + vec.numel());
        }
        int n = phi.numel();
        return new GameState(phi.unflatten(vec.slice(0, 0, n)), theta.unflatten(vec.slice(0, n, numel())));
    }

    /**
     * Both trees as constants.
     *
     * @return the detached state
     */
    public GameState detach() {
        return new GameState(phi.detach(), theta.detach());
    }
}
