package org.occam.morse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * The Morse network as a generative sampler (METHODS §8): start from reference draws and follow
 * the input gradient of {@code log M}.
 *
 * <ul>
 *   <li>{@link #ascend}: gradient ascent {@code x ← x + η ∇_x log M(x)}; the deterministic flow
 *       goes onto the mode set {@code {x : φ(x) = T}} (for the Gaussian kernel,
 *       {@code ∇_x log M = −λ² J_φᵀ(φ(x) − T)}, which vanishes exactly there when J_φ has full rank).</li>
 *   <li>{@link #langevin}: unadjusted Langevin {@code x ← x + η ∇_x log M(x) + √(2η) ξ},
 *       ξ ~ N(0, I), whose stationary law approaches {@code M/∫M} as η → 0.</li>
 * </ul>
 *
 * Both are deterministic given the start points and the seed. Rows are independent: the gradient
 * of {@code Σ_b log M(x_b)} with respect to the batch is the per-row gradient. The supervised
 * network's density is {@code max_y M(x, y)}.
 *
 * <p>Step length: a trained φ is steep across the mode set (|∇φ| ≫ 1), and plain ascent is only
 * stable for {@code η < 2/(λ²|∇φ|²)}. {@link #run} therefore takes an optional cap on the length
 * of each row's drift step {@code η ∇ log M} (an implementation choice, not from the paper); it
 * leaves the stationary points unchanged. {@code Double.POSITIVE_INFINITY} means no cap.
 */
public final class MorseSampler {
    private MorseSampler() {
    }

    /**
     * {@code ∇_x log M(x)} for a batch {@code x [B, d]}: {@code [B, d]}.
     *
     * @param net the Morse network
     * @param p its parameters
     * @param x the points
     * @return the score
     */
    public static Tensor scoreFunction(MorseNetwork net, Params p, Tensor x) {
        Params c = p.detach();
        Function<Tensor, Tensor> total = z -> net.logDensity(c, z).sum();
        return Autodiff.gradTensor(total).apply(x.detach());
    }

    /**
     * {@code steps} steps of gradient ascent on {@code log M} with step size {@code eta} (no cap).
     *
     * @param net the Morse network
     * @param p its parameters
     * @param x0 the starting points
     * @param eta the step size η
     * @param steps the number of steps
     * @return the final points
     */
    public static Tensor ascend(MorseNetwork net, Params p, Tensor x0, double eta, int steps) {
        return run(net, p, x0, eta, steps, Double.POSITIVE_INFINITY, 0, null, null);
    }

    /**
     * {@code steps} unadjusted Langevin steps with step size {@code eta} (no cap), noise from {@code Rng.seed(seed)}.
     *
     * @param net the Morse network
     * @param p its parameters
     * @param x0 the starting points
     * @param eta the step size η
     * @param steps the number of steps
     * @param seed the seed of the noise
     * @return the final points
     */
    public static Tensor langevin(MorseNetwork net, Params p, Tensor x0, double eta, int steps, long seed) {
        return run(net, p, x0, eta, steps, Double.POSITIVE_INFINITY, 1, Rng.seed(seed), null);
    }

    /**
     * The general update {@code x ← x + cap(η ∇ log M) + noise·√(2η) ξ}, where {@code cap} shortens
     * each row's drift to at most {@code maxStep}; when {@code path} is not null it receives
     * {@code x} before the first step and after every step.
     *
     * @param net the Morse network
     * @param p its parameters
     * @param x0 the starting points
     * @param eta the step size η
     * @param steps the number of steps
     * @param maxStep the largest drift per row and step
     * @param noise the factor on the Langevin noise (0: ascent)
     * @param rng the generator of the noise
     * @param path receives the points, or null
     * @return the final points
     */
    public static Tensor run(MorseNetwork net, Params p, Tensor x0, double eta, int steps, double maxStep, double noise,
                             Rng rng, List<Tensor> path) {
        if (!(maxStep > 0)) {
            throw new IllegalArgumentException("sampler: the step cap must be positive, got " + maxStep);
        }
        if (!(eta > 0) || steps < 0 || !(noise >= 0)) {
            throw new IllegalArgumentException("sampler: need η > 0, steps ≥ 0 and noise ≥ 0, got η = " + eta + ", steps = "
                    + steps + ", noise = " + noise);
        }
        if (noise > 0 && rng == null) {
            throw new IllegalArgumentException("sampler: a Langevin run needs a random stream");
        }
        Tensor x = x0.detach();
        if (path != null) {
            path.add(x);
        }
        double sd = noise * Math.sqrt(2 * eta);
        for (int s = 0; s < steps; s++) {
            Tensor drift = scoreFunction(net, p, x).mul(eta);
            x = x.add(Double.isInfinite(maxStep) ? drift : capRows(drift, maxStep));
            if (noise > 0) {
                x = x.add(rng.normal(x.dtype(), 0, sd, x.shape()));
            }
            if (path != null) {
                path.add(x);
            }
        }
        return x;
    }

    /**
     * The trajectory of gradient ascent from {@code x0} with a step cap: {@code steps + 1} tensors.
     *
     * @param net the Morse network
     * @param p its parameters
     * @param x0 the starting points
     * @param eta the step size η
     * @param steps the number of steps
     * @param maxStep the largest drift per row and step
     * @return the points before and after every step
     */
    public static List<Tensor> ascentPath(MorseNetwork net, Params p, Tensor x0, double eta, int steps, double maxStep) {
        List<Tensor> path = new ArrayList<>();
        run(net, p, x0, eta, steps, maxStep, 0, null, path);
        return path;
    }

    /** Each row of {@code v [B, d]} shortened to length at most {@code max}. */
    static Tensor capRows(Tensor v, double max) {
        int b = v.size(0);
        int d = v.numel() / Math.max(1, b);
        double[] a = v.toDoubleArray();
        double[] f = new double[b];
        for (int i = 0; i < b; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += a[i * d + j] * a[i * d + j];
            }
            double len = Math.sqrt(s);
            f[i] = len > max ? max / len : 1;
        }
        int[] shape = new int[v.rank()];
        java.util.Arrays.fill(shape, 1);
        shape[0] = b;
        return v.mul(Tensor.of(v.dtype(), f, shape));
    }
}
