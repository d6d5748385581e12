package org.occam.games.gan;

/**
 * One logged round of GAN training, measured on that round's minibatch before the update:
 * both losses and the norms of each player's plain gradient ‖∇_φ L_φ‖ (discriminator) and
 * ‖∇_θ L_θ‖ (generator), the quantities whose growth the drift's interaction terms drive
 * (METHODS §3.4).
 *
 * @param step      the round (0 = at initialisation)
 * @param lossD     L_φ, the discriminator's BCE
 * @param lossG     L_θ, the generator's loss
 * @param gradNormD ‖∇_φ L_φ‖
 * @param gradNormG ‖∇_θ L_θ‖
 */
public record GanLog(long step, double lossD, double lossG, double gradNormD, double gradNormG) {

    /**
     * Whether every value is finite.
     *
     * @return whether all are finite
     */
    public boolean finite() {
        return Double.isFinite(lossD) && Double.isFinite(lossG) && Double.isFinite(gradNormD) && Double.isFinite(gradNormG);
    }
}
