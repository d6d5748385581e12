/**
 * GANs as two-player games (METHODS §3.4, §3.7, §11 DD-4), trained with the machinery of
 * {@link org.occam.games}.
 *
 * <p>{@link org.occam.games.gan.Gan} turns a generator and a discriminator ({@link org.occam.games.gan.GanNets},
 * MLPs) and a minibatch into a {@link org.occam.games.Game} with φ the discriminator and θ the
 * generator: the discriminator's binary cross-entropy ({@link org.occam.games.gan.GanLosses}) against the
 * saturating (zero-sum) or non-saturating generator loss ({@link org.occam.games.gan.GeneratorLoss}).
 * {@link org.occam.games.gan.GanTraining} trains it with plain SGD per player, simultaneous or
 * alternating, with explicit drift regularisers, either estimator, or RK4 ({@link org.occam.games.gan.GanConfig}),
 * logging losses and per-player gradient norms and recording a blow-up as diverged. The
 * discriminator can be spectrally normalised ({@link org.occam.games.gan.SpectralNorm}, as the
 * reference code: one power-iteration step per discriminator update, the vectors stored in φ).
 *
 * <p>Data: {@link org.occam.games.gan.Mixture2d} (the 8-Gaussian ring, radius 2, σ = 0.02; the 5×5
 * grid {−4, −2, 0, 2, 4}², σ = 0.05) and {@link org.occam.games.gan.ImageRows} (MNIST mapped to
 * [−1, 1]). Evaluation: {@link org.occam.games.gan.ModeCoverage} (high quality within 3σ of the
 * nearest centre; a mode covered with at least 5 % of the samples on the ring; the KL divergences
 * of the mode histogram, with a far bin, to the target's), {@link org.occam.games.gan.SampleWasserstein}
 * (exact sample W₂ by {@link org.occam.games.gan.OptimalAssignment}) and both together in
 * {@link org.occam.games.gan.MixtureScore}. {@link org.occam.games.gan.Dd4Setting#faithful()} is
 * METHODS §11 DD-4 as numbers.
 */
package org.occam.games.gan;
