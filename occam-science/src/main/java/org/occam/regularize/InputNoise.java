package org.occam.regularize;

import org.occam.data.Batch;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/**
 * Gaussian input-noise regularization (METHODS §7.2: for squared loss, noise of variance σ² adds
 * about σ²·GC, Bishop's argument): the base loss on x + σ·N(0, I).
 *
 * <p>The noise is deterministic. {@link #of(Objective, double, long)} keys it on the seed and the
 * batch's row indices (in order), so the same batch always sees the same noise and a reshuffled
 * epoch sees fresh noise; {@link #atStep(Objective, double, long, long)} keys it on the seed and
 * the training step instead, for a loop that makes one objective per step. Evaluate with the
 * base objective, not this one.
 */
public final class InputNoise {
    private InputNoise() {
    }

    /**
     * base on x + σ·N(0, I), the noise drawn from (seed, batch row indices).
     *
     * @param base the objective
     * @param sigma σ
     * @param seed the run's seed
     * @return the noisy objective
     */
    public static Objective of(Objective base, double sigma, long seed) {
        Terms.requireNonNegative("input noise sigma", sigma);
        return Objective.regularized(base, true, (p, b) -> base.loss(p, noisy(b, sigma, Rng.seed(seed).split(key(b.indices())))));
    }

    /**
     * base on x + σ·N(0, I), the noise drawn from (seed, step).
     *
     * @param base the objective
     * @param sigma σ
     * @param seed the run's seed
     * @param step the 0-based step
     * @return the noisy objective
     */
    public static Objective atStep(Objective base, double sigma, long seed, long step) {
        Terms.requireNonNegative("input noise sigma", sigma);
        return Objective.regularized(base, true, (p, b) -> base.loss(p, noisy(b, sigma, Rng.seed(seed).split(step))));
    }

    /**
     * The batch with its inputs perturbed by σ·N(0, I) drawn from rng.
     *
     * @param b the batch
     * @param sigma σ
     * @param rng the generator of the noise
     * @return the noisy batch
     */
    public static Batch noisy(Batch b, double sigma, Rng rng) {
        Tensor x = b.x();
        Tensor noise = rng.normal(x.dtype(), 0, sigma, x.shape());
        return Terms.withInputs(b, x.add(noise));
    }

    private static long key(int[] indices) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i : indices) {
            h = (h ^ i) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
        }
        return h;
    }
}
