package org.occam.games.gan;

import java.util.Locale;
import java.util.Objects;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * A 2-D generator's samples scored against a {@link Mixture2d} (METHODS §11 DD-4): mode coverage
 * and quality ({@link ModeCoverage}), the KL divergences of the mode histogram to the target's, and
 * the sample W₂ to a stratified target sample ({@link SampleWasserstein}) on the first
 * {@code w2Samples} samples, next to the W₂ a perfect generator scores at that size.
 *
 * @param coverage   modes covered and hit, high-quality fraction, the histogram and its KLs
 * @param w2         W₂ between the first n generated samples and a stratified target sample of size n
 * @param w2Floor    W₂ of an i.i.d. target sample of size n against the same kind of stratified sample
 * @param w2Samples  n
 */
public record MixtureScore(ModeCoverage coverage, double w2, double w2Floor, int w2Samples) {
    /** Refuses a missing coverage. */
    public MixtureScore {
        Objects.requireNonNull(coverage, "coverage");
    }

    /**
     * Scores samples [N, 2]: coverage and KLs on all N, W₂ on the first min(N, w2Samples); the
     * target sample and the floor's samples come from streams split off {@code rng}.
     *
     * @param target the mixture
     * @param samples the generated points [N, 2]
     * @param w2Samples the most samples W₂ uses
     * @param rng the generator of the reference samples
     * @return the score
     */
    public static MixtureScore of(Mixture2d target, Tensor samples, int w2Samples, Rng rng) {
        if (w2Samples < 1) {
            throw new IllegalArgumentException("w2Samples must be positive, got " + w2Samples);
        }
        ModeCoverage c = ModeCoverage.of(target, samples);
        int n = Math.min(samples.size(0), w2Samples);
        Tensor head = samples.slice(0, 0, n).to(DType.FLOAT64);
        double w2 = SampleWasserstein.toTarget(target, head, rng.split(0));
        double floor = SampleWasserstein.perfectGenerator(target, n, rng.split(1));
        return new MixtureScore(c, w2, floor, n);
    }

    /**
     * KL(q ‖ p̂) of the mode histogram ({@link ModeCoverage#modeKl()}).
     *
     * @return the KL
     */
    public double modeKl() {
        return coverage.modeKl();
    }

    /**
     * KL(p̂ ‖ q) of the mode histogram ({@link ModeCoverage#reverseModeKl()}).
     *
     * @return the KL
     */
    public double reverseModeKl() {
        return coverage.reverseModeKl();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s, W2 %.3f (perfect generator %.3f, n = %d), KL(q||p) %.3f, KL(p||q) %.3f", coverage,
                w2, w2Floor, w2Samples, modeKl(), reverseModeKl());
    }
}
