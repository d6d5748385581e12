package org.occam.games;

import java.util.Objects;
import org.occam.autodiff.Params;

/**
 * The "ODE-GAN" comparison of METHODS §3.7: one classical RK4 step of size h of the joint game
 * field (φ̇, θ̇) = (−∇_φ L_φ, −∇_θ L_θ), all four stages on the same game (minibatch), instead of an
 * Euler (gradient-descent) step. Works in the parameters' own dtype.
 */
public final class OdeGanStep {
    private OdeGanStep() {
    }

    /**
     * One RK4 step of size h from s.
     *
     * @param game the two players' losses
     * @param s (φ, θ)
     * @param h the step size
     * @return the next state
     */
    public static GameState rk4(Game game, GameState s, double h) {
        Objects.requireNonNull(game, "game");
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("RK4 step h must be finite and > 0, got " + h);
        }
        GameState k1 = field(game, s);
        GameState k2 = field(game, axpy(s, h / 2, k1));
        GameState k3 = field(game, axpy(s, h / 2, k2));
        GameState k4 = field(game, axpy(s, h, k3));
        GameState sum = axpy(axpy(axpy(k1, 2, k2), 2, k3), 1, k4);
        return axpy(s, h / 6, sum);
    }

    /**
     * The joint field (−∇_φ L_φ, −∇_θ L_θ) at s, as constants.
     *
     * @param game the two players' losses
     * @param s (φ, θ)
     * @return the field
     */
    public static GameState field(Game game, GameState s) {
        Params f = game.ownGrad(Player.PHI, s).scale(-1).detach();
        Params g = game.ownGrad(Player.THETA, s).scale(-1).detach();
        return new GameState(f, g);
    }

    private static GameState axpy(GameState y, double a, GameState k) {
        return new GameState(y.phi().addScaled(k.phi(), a), y.theta().addScaled(k.theta(), a));
    }
}
