package org.occam.games.gan;

import java.util.Objects;
import org.occam.autodiff.Params;
import org.occam.games.Game;
import org.occam.games.GameState;
import org.occam.nn.Sequential;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * A GAN as a two-player game (METHODS §3.1, §3.4): φ is the discriminator's parameters and θ the
 * generator's, as in the paper (the discriminator moves first when alternating). On a minibatch
 * of real rows x and latents z, L_φ = mean softplus(−D_φ(x)) + mean softplus(D_φ(G_θ(z))) and
 * L_θ is the {@link GeneratorLoss} on D_φ(G_θ(z)). With spectral normalisation, D_φ applies the
 * discriminator to {@link SpectralNorm#apply}(φ), and φ carries the stored power-iteration vectors.
 *
 * @param generator     latent [n, latentDim] → samples [n, d]
 * @param discriminator samples [n, d] → logits [n, 1]
 * @param latentDim     the latent size
 * @param generatorLoss saturating (zero-sum) or non-saturating
 * @param spectralNorm  whether the discriminator's weights are spectrally normalised (METHODS §3.7, §11 DD-4)
 */
public record Gan(Sequential generator, Sequential discriminator, int latentDim, GeneratorLoss generatorLoss,
        boolean spectralNorm) {
    /** Checks the parts and a positive latent dimension. */
    public Gan {
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(discriminator, "discriminator");
        Objects.requireNonNull(generatorLoss, "generatorLoss");
        if (latentDim < 1) {
            throw new IllegalArgumentException("latentDim must be positive, got " + latentDim);
        }
    }

    /**
     * A GAN without spectral normalisation.
     *
     * @param generator G
     * @param discriminator D
     * @param latentDim the latent dimension
     * @param generatorLoss the generator's loss
     */
    public Gan(Sequential generator, Sequential discriminator, int latentDim, GeneratorLoss generatorLoss) {
        this(generator, discriminator, latentDim, generatorLoss, false);
    }

    /**
     * This GAN with spectral normalisation of the discriminator on or off.
     *
     * @param on whether to normalise
     * @return the GAN
     */
    public Gan withSpectralNorm(boolean on) {
        return on == spectralNorm ? this : new Gan(generator, discriminator, latentDim, generatorLoss, on);
    }

    /**
     * D_φ(x): the discriminator's logits [n, 1] (differentiable in φ and x), through the spectral normalisation when on.
     *
     * @param phi φ
     * @param x the inputs
     * @return the logits
     */
    public Tensor discriminate(Params phi, Tensor x) {
        return discriminator.apply(spectralNorm ? SpectralNorm.apply(phi) : phi, x);
    }

    /**
     * The game on one minibatch: real rows [n, d] and latents [m, latentDim] (METHODS §3.4).
     *
     * @param real the real rows
     * @param latents the latent draws [m, latentDim]
     * @return the game
     */
    public Game game(Tensor real, Tensor latents) {
        Tensor x = real.detach();
        Tensor z = latents.detach();
        return new Game((phi, theta) -> GanLosses.discriminator(discriminate(phi, x),
                        discriminate(phi, generator.apply(theta, z))),
                (phi, theta) -> generatorLoss.of(discriminate(phi, generator.apply(theta, z))));
    }

    /**
     * Initial (φ, θ) = (discriminator, generator) parameters, from two streams split off {@code rng};
     * with spectral normalisation φ also carries unit vectors u₀ from a third stream (so the
     * weights are the same with it on or off).
     *
     * @param rng the generator
     * @param dtype the parameters' dtype
     * @return (φ, θ)
     */
    public GameState init(Rng rng, DType dtype) {
        Params phi = discriminator.init(rng.split(1), dtype);
        return new GameState(spectralNorm ? SpectralNorm.init(phi, rng.split(3)) : phi, generator.init(rng.split(2), dtype));
    }

    /**
     * n standard-normal latents [n, latentDim].
     *
     * @param n the number of latents
     * @param rng the generator
     * @param dtype the dtype of the result
     * @return the latents
     */
    public Tensor latents(int n, Rng rng, DType dtype) {
        return rng.normal(dtype, 0, 1, n, latentDim);
    }

    /**
     * Generated samples G_θ(z) (constants).
     *
     * @param theta θ
     * @param latents z
     * @return the samples
     */
    public Tensor generate(Params theta, Tensor latents) {
        return generator.apply(theta.detach(), latents.detach()).detach();
    }

    /**
     * Discriminator logits D_φ(x) (constants).
     *
     * @param phi φ
     * @param x the inputs
     * @return the logits
     */
    public Tensor logits(Params phi, Tensor x) {
        return discriminate(phi.detach(), x.detach()).detach();
    }
}
