package org.occam.games.gan;

import org.occam.tensor.Tensor;

/**
 * Mode coverage and sample quality of a 2-D GAN against a {@link Mixture2d} (METHODS §11 DD-4),
 * in the convention of Srivastava et al. (VEEGAN, 2017), also used by PacGAN: a sample is
 * <em>high quality</em> when it lies within 3σ (Euclidean distance) of its nearest mode centre,
 * and it is then assigned to that mode.
 * <ul>
 *   <li>{@link #covered()}: modes that received at least {@code minFraction} of all N samples as
 *       high-quality samples. METHODS §11 DD-4 reads "modes covered (≥ 5 % of samples within
 *       3σ)": on the 8-ring a perfect generator puts 12.5 % on each mode, so 5 % (125 of 2,500)
 *       asks for 40 % of a mode's fair share. {@link #defaultFraction(int)} keeps that 40 % of the
 *       fair share for other K (1.6 % on the 25-grid, where a literal 5 % would exceed the fair
 *       share of 4 %).</li>
 *   <li>{@link #hit()}: VEEGAN's count, modes that received at least one high-quality sample;
 *       reported next to it because it is the number most papers quote.</li>
 * </ul>
 * Samples with a non-finite coordinate (a diverged generator) are never high quality.
 *
 * <p>Distances of the mode histogram to the target's (METHODS §11 DD-4): the K + 1 bins are the
 * modes and a separate <em>far</em> bin (samples that are not high quality). The target mixture's
 * own histogram under the same rule is q = ((1 − e^{−9/2})/K, …, e^{−9/2}): a 2-D isotropic
 * Gaussian puts e^{−r²/2σ²} = e^{−9/2} ≈ 1.1 % beyond r = 3σ (exact up to the mass that lands
 * within 3σ of another centre, negligible when the centres are far more than 6σ apart, as on the
 * ring and the grid). {@link #modeKl()} is KL(q ‖ p̂), which a missing mode makes large;
 * {@link #reverseModeKl()} is KL(p̂ ‖ q), which far samples make large.
 *
 * @param samples      N, the number of samples evaluated
 * @param perMode      high-quality samples assigned to each mode
 * @param minFraction  the fraction of N a mode needs to count as covered
 * @param highQuality  the number of high-quality samples
 */
public record ModeCoverage(int samples, int[] perMode, double minFraction, int highQuality) {

    /** P(‖x − c‖ > 3σ) for a draw x of a 2-D isotropic Gaussian with centre c: e^{−9/2} ≈ 0.0111. */
    public static final double FAR_MASS = Math.exp(-4.5);
    /** The additive smoothing α of {@link #modeKl()}: α is added to every bin's count (Krichevsky–Trofimov, α = 1/2). */
    public static final double KL_SMOOTHING = 0.5;

    /** Copies the counts. */
    public ModeCoverage {
        perMode = perMode.clone();
    }

    /**
     * The coverage threshold as a fraction of N that is 40 % of the fair share 1/K: 0.05 for K = 8 (METHODS §11 DD-4).
     *
     * @param modes K
     * @return the fraction
     */
    public static double defaultFraction(int modes) {
        if (modes < 1) {
            throw new IllegalArgumentException("modes must be positive, got " + modes);
        }
        return 0.4 / modes;
    }

    /**
     * Evaluates samples [N, 2] against the mixture with the {@link #defaultFraction} threshold.
     *
     * @param target the mixture
     * @param samples the generated points [N, 2]
     * @return the coverage
     */
    public static ModeCoverage of(Mixture2d target, Tensor samples) {
        return of(target, samples, defaultFraction(target.modes()));
    }

    /**
     * Evaluates samples [N, 2] against the mixture: a mode is covered with at least {@code minFraction}·N high-quality samples.
     *
     * @param target the mixture
     * @param samples the generated points [N, 2]
     * @param minFraction the threshold's share of N
     * @return the coverage
     */
    public static ModeCoverage of(Mixture2d target, Tensor samples, double minFraction) {
        if (samples.rank() != 2 || samples.size(1) != 2) {
            throw new IllegalArgumentException("samples must have shape [N, 2], got " + java.util.Arrays.toString(samples.shape()));
        }
        if (!(minFraction >= 0 && minFraction <= 1)) {
            throw new IllegalArgumentException("minFraction must be in [0, 1], got " + minFraction);
        }
        double[] v = samples.toDoubleArray();
        int n = samples.size(0);
        int[] per = new int[target.modes()];
        double radius = 3 * target.sigma();
        double r2 = radius * radius;
        int hq = 0;
        for (int i = 0; i < n; i++) {
            double x = v[2 * i];
            double y = v[2 * i + 1];
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                continue;
            }
            int k = target.nearest(x, y);
            double[] c = target.centre(k);
            double dx = x - c[0];
            double dy = y - c[1];
            if (dx * dx + dy * dy <= r2) {
                per[k]++;
                hq++;
            }
        }
        return new ModeCoverage(n, per, minFraction, hq);
    }

    /**
     * The copied per-mode counts.
     *
     * @return the counts
     */
    @Override
    public int[] perMode() {
        return perMode.clone();
    }

    /**
     * The high-quality samples a mode needs to count as covered: ⌈minFraction·N⌉, at least 1.
     *
     * @return the count
     */
    public int minCount() {
        return Math.max(1, (int) Math.ceil(minFraction * samples - 1e-9));
    }

    /**
     * The number of modes with at least {@link #minCount()} high-quality samples.
     *
     * @return the count
     */
    public int covered() {
        int need = minCount();
        int c = 0;
        for (int k : perMode) {
            if (k >= need) {
                c++;
            }
        }
        return c;
    }

    /**
     * VEEGAN's count: modes with at least one high-quality sample.
     *
     * @return the count
     */
    public int hit() {
        int c = 0;
        for (int k : perMode) {
            if (k > 0) {
                c++;
            }
        }
        return c;
    }

    /**
     * The fraction of samples that are high quality (within 3σ of their nearest centre).
     *
     * @return the fraction
     */
    public double highQualityFraction() {
        return samples == 0 ? 0 : (double) highQuality / samples;
    }

    /**
     * The number of modes K.
     *
     * @return K
     */
    public int modes() {
        return perMode.length;
    }

    /**
     * The samples that are not high quality (farther than 3σ from every centre, or not finite).
     *
     * @return the count
     */
    public int far() {
        return samples - highQuality;
    }

    /**
     * The fractions of N in the K + 1 bins: each mode's high-quality samples, then the far samples.
     *
     * @return the K + 1 fractions
     */
    public double[] histogram() {
        double[] h = new double[modes() + 1];
        for (int k = 0; k < modes(); k++) {
            h[k] = (double) perMode[k] / samples;
        }
        h[modes()] = (double) far() / samples;
        return h;
    }

    /**
     * The target mixture's histogram over the same bins: (1 − e^{−9/2})/K per mode, e^{−9/2} far.
     *
     * @param modes K
     * @return the K + 1 fractions
     */
    public static double[] targetHistogram(int modes) {
        if (modes < 1) {
            throw new IllegalArgumentException("modes must be positive, got " + modes);
        }
        double[] q = new double[modes + 1];
        java.util.Arrays.fill(q, (1 - FAR_MASS) / modes);
        q[modes] = FAR_MASS;
        return q;
    }

    /**
     * KL(q ‖ p̂) = Σ_b q_b log(q_b / p̂_b) from the target histogram q to the samples' histogram
     * smoothed by α = {@value #KL_SMOOTHING}: p̂_b = (n_b + α)/(N + α(K + 1)). Near 0 for a
     * generator that matches the mixture (a sampling bias of about K/(2N)); a missing mode costs
     * about (1/K)·log(N/α). NaN for N = 0.
     *
     * @return the KL
     */
    public double modeKl() {
        if (samples == 0) {
            return Double.NaN;
        }
        double[] q = targetHistogram(modes());
        double total = samples + KL_SMOOTHING * q.length;
        double kl = 0;
        for (int b = 0; b < q.length; b++) {
            double count = b < modes() ? perMode[b] : far();
            kl += q[b] * Math.log(q[b] * total / (count + KL_SMOOTHING));
        }
        return kl;
    }

    /**
     * KL(p̂ ‖ q) = Σ_b p̂_b log(p̂_b / q_b) from the samples' histogram p̂ (no smoothing: q > 0 in
     * every bin, and 0·log 0 = 0) to the target's: the direction PacGAN reports. A generator
     * collapsed on one mode scores log(K/(1 − e^{−9/2})); one that puts everything far scores 9/2.
     * NaN for N = 0.
     *
     * @return the KL
     */
    public double reverseModeKl() {
        if (samples == 0) {
            return Double.NaN;
        }
        double[] q = targetHistogram(modes());
        double[] p = histogram();
        double kl = 0;
        for (int b = 0; b < q.length; b++) {
            if (p[b] > 0) {
                kl += p[b] * Math.log(p[b] / q[b]);
            }
        }
        return kl;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModeCoverage m && samples == m.samples && highQuality == m.highQuality
                && Double.compare(minFraction, m.minFraction) == 0 && java.util.Arrays.equals(perMode, m.perMode);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(perMode) * 31 + highQuality;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%d/%d modes covered (%d hit), %.1f%% high quality", covered(), modes(),
                hit(), 100 * highQualityFraction());
    }
}
