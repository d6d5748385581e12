package org.occam.games.gan;

import java.util.List;
import java.util.Objects;
import org.occam.games.DriftCoefficients;
import org.occam.games.DriftRegularizers;
import org.occam.games.UpdateScheme;
import org.occam.nn.Activation;
import org.occam.tensor.DType;

/**
 * The DD-4 setting of METHODS §11 as numbers: a GAN on the 8-Gaussian ring with 2×hidden MLPs for
 * G and D, a spectrally normalised discriminator, plain SGD at the reference code's rates, the
 * zero-sum saturating loss, compared across update schemes (keys as {@code reproduce dd-4 --schemes}
 * spells them; the reproduction's scheme enum turns {@link #base} into each scheme's config) over seeds and a small learning-rate sweep that keeps η_D / η_G fixed.
 *
 * @param target      the mixture (the ring: 8 Gaussians, radius 2, σ = 0.02)
 * @param hidden      width of both hidden layers of G and D
 * @param activation  their activation
 * @param latent      the generator's latent size
 * @param loss        the generator's loss (saturating: the zero-sum game)
 * @param lrD         η_D at scale 1
 * @param lrG         η_G at scale 1
 * @param batch       real rows and latents per step
 * @param steps       training rounds per run
 * @param seeds       runs per scheme and rate
 * @param schemes     the schemes compared
 * @param lrScales    the rate sweep: both rates times each scale
 * @param estimator   the dot-product estimator of the drift regularisers
 * @param convention  the drift coefficients the cancellation refers to
 * @param logEvery    log losses and gradient norms every this many rounds
 * @param evalSamples generated samples scored (coverage, KLs)
 * @param w2Samples   of which the first this many enter the sample W₂
 */
public record Dd4Setting(Mixture2d target, int hidden, Activation activation, int latent, GeneratorLoss loss, double lrD,
        double lrG, int batch, int steps, int seeds, List<String> schemes, List<Double> lrScales, Estimator estimator,
        DriftCoefficients.Convention convention, int logEvery, int evalSamples, int w2Samples) {

    /** Checks the fields. */
    public Dd4Setting {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(estimator, "estimator");
        Objects.requireNonNull(convention, "convention");
        schemes = List.copyOf(schemes);
        lrScales = List.copyOf(lrScales);
        if (hidden < 1 || latent < 1 || batch < 1 || steps < 1 || seeds < 1 || logEvery < 1 || evalSamples < 1
                || w2Samples < 1) {
            throw new IllegalArgumentException("DD-4 needs hidden, latent, batch, steps, seeds, logEvery, evalSamples and"
                    + " w2Samples >= 1");
        }
        if (schemes.isEmpty() || lrScales.isEmpty() || lrScales.stream().anyMatch(s -> !(s > 0) || !Double.isFinite(s))) {
            throw new IllegalArgumentException("DD-4 needs at least one scheme and positive finite rate scales, got "
                    + schemes + " and " + lrScales);
        }
    }

    /**
     * METHODS §11 DD-4, faithful to the reference SGD config (discretisation_drift
     * {@code sgd_cifar_config.py}): spectral norm on D's weights (biases left alone), η_D = 0.01 and
     * η_G = 0.005 (η_D = 2η_G), the BCE discriminator loss against the saturating generator loss
     * (zero-sum), batch 128, the unbiased (two-halves) estimator; on the ring with 2×64 ReLU MLPs
     * and a 16-d latent (the paper has no toy config; the toy sizes are METHODS's), 20,000 rounds,
     * 10 seeds, simultaneous / alternating (D first) / simultaneous with the interaction terms
     * cancelled at the exact coefficients (the reference's own convention only approximately cancels
     * when η_D ≠ η_G, METHODS §3.3), rates × {1, 2, 4, 8}; 2,500 samples scored, 1,000 in W₂. The
     * sweep goes up, not down: in reduced runs (2 seeds, 20k rounds) the generator at × 1 and × 2
     * had spread over the ring without sharpening any mode (high-quality fraction ≤ 0.5 %, W₂ ≈ 0.72–0.89
     * against a perfect generator's 0.32–0.38); only × 8 approached the target (one seed: 11–14 %, W₂ 0.39–0.43).
     *
     * @return the setting
     */
    public static Dd4Setting faithful() {
        return new Dd4Setting(Mixture2d.ring(), 64, Activation.RELU, 16, GeneratorLoss.SATURATING, 0.01, 0.005, 128, 20_000,
                10, List.of("sim", "alt", "cancel"), List.of(1.0, 2.0, 4.0, 8.0), Estimator.UNBIASED,
                DriftCoefficients.Convention.EXACT, 100, 2500, 1000);
    }

    /**
     * This setting with other steps, seeds, schemes and rate scales (e.g. a reduced run).
     *
     * @param steps the number of rounds
     * @param seeds the number of seeds
     * @param schemes the schemes to run
     * @param lrScales the rate scales
     * @return the setting
     */
    public Dd4Setting reduced(int steps, int seeds, List<String> schemes, List<Double> lrScales) {
        return new Dd4Setting(target, hidden, activation, latent, loss, lrD, lrG, batch, steps, seeds, schemes, lrScales,
                estimator, convention, logEvery, evalSamples, w2Samples);
    }

    /**
     * The GAN every run trains (the session normalises D spectrally, as the configs say).
     *
     * @return the GAN
     */
    public Gan gan() {
        return GanNets.toy2d(latent, hidden, activation, loss);
    }

    /**
     * Plain simultaneous SGD with spectral norm at rates (η_D, η_G)·scale for one seed.
     *
     * @param seed the seed of the random draws
     * @param lrScale the factor on both rates
     * @return the config
     */
    public GanConfig base(long seed, double lrScale) {
        return new GanConfig(UpdateScheme.simultaneous(), lrD * lrScale, lrG * lrScale, batch, steps, DriftRegularizers.none(),
                convention, estimator, false, logEvery, seed, DType.FLOAT32).withSpectralNorm(true);
    }
}
