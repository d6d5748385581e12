package org.occam.games;

import java.util.Objects;
import java.util.function.BiFunction;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/**
 * A two-player differentiable game (METHODS §3.1): φ minimises L_φ(φ, θ) and θ minimises
 * L_θ(φ, θ). Both players are minimisers; a maximiser is encoded by negating its loss, never by
 * flipping an update sign (METHODS §10 pitfall 4, see {@link #zeroSum}).
 *
 * @param lossPhi   L_φ(φ, θ), a scalar
 * @param lossTheta L_θ(φ, θ), a scalar
 */
public record Game(BiFunction<Params, Params, Tensor> lossPhi, BiFunction<Params, Params, Tensor> lossTheta) {
    /** Refuses a missing loss. */
    public Game {
        Objects.requireNonNull(lossPhi, "lossPhi");
        Objects.requireNonNull(lossTheta, "lossTheta");
    }

    /**
     * The zero-sum game L_φ = E, L_θ = −E: φ minimises E and θ maximises it (METHODS §3.4).
     *
     * @param e E(φ, θ)
     * @return the game
     */
    public static Game zeroSum(BiFunction<Params, Params, Tensor> e) {
        Objects.requireNonNull(e, "e");
        return new Game(e, (phi, theta) -> e.apply(phi, theta).neg());
    }

    /**
     * L_who at a joint state.
     *
     * @param who the player
     * @param s (φ, θ)
     * @return L_who
     */
    public Tensor loss(Player who, GameState s) {
        return who == Player.PHI ? lossPhi.apply(s.phi(), s.theta()) : lossTheta.apply(s.phi(), s.theta());
    }

    /**
     * ∇_wrt L_who at s (differentiable when called inside another transform).
     *
     * @param who whose loss
     * @param wrt whose parameters
     * @param s (φ, θ)
     * @return the gradient
     */
    public Params grad(Player who, Player wrt, GameState s) {
        return Autodiff.grad((Params p) -> loss(who, s.with(wrt, p))).apply(s.get(wrt));
    }

    /**
     * ∇_p L_p, the gradient player p's plain optimiser sees.
     *
     * @param p the player
     * @param s (φ, θ)
     * @return the gradient
     */
    public Params ownGrad(Player p, GameState s) {
        return grad(p, p, s);
    }

    /**
     * The game whose losses are the means of two games' losses (e.g. of two half batches).
     *
     * @param a a game
     * @param b a game
     * @return the mean game
     */
    public static Game mean(Game a, Game b) {
        return new Game((phi, theta) -> a.lossPhi.apply(phi, theta).add(b.lossPhi.apply(phi, theta)).mul(0.5),
                (phi, theta) -> a.lossTheta.apply(phi, theta).add(b.lossTheta.apply(phi, theta)).mul(0.5));
    }
}
