package org.occam.games;

import java.util.Objects;
import org.occam.optim.Optimizer;
import org.occam.optim.Sgd;

/**
 * One player's optimiser and per-step learning rate η (METHODS §3.1: η_φ, η_θ). The drift
 * coefficients are computed from these nominal rates whatever the optimiser.
 *
 * @param optimizer the update rule
 * @param learningRate η
 */
public record PlayerOptimizer(Optimizer optimizer, double learningRate) {
    /** Checks a finite η ≥ 0. */
    public PlayerOptimizer {
        Objects.requireNonNull(optimizer, "optimizer");
        if (!(learningRate >= 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be finite and >= 0, got " + learningRate);
        }
    }

    /**
     * Plain gradient descent with rate η.
     *
     * @param learningRate η
     * @return the optimiser
     */
    public static PlayerOptimizer sgd(double learningRate) {
        return new PlayerOptimizer(new Sgd(), learningRate);
    }
}
