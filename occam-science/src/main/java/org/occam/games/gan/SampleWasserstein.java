package org.occam.games.gan;

import java.util.Arrays;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * The 2-Wasserstein distance between two samples of equal size n (METHODS §11 DD-4, "a distance to
 * the target mixture"): W₂ = sqrt(min_π (1/n) Σ_i ‖x_i − y_π(i)‖²) over permutations π, the
 * optimal-transport distance between the two empirical measures, computed exactly by
 * {@link OptimalAssignment} (O(n³): about n = 1,000 in a second or two).
 *
 * <p>Against the target mixture the second sample is {@link #targetSample stratified}: exactly
 * n/K draws from each of the K components (point i from component i mod K), so the target's mode
 * weights carry no sampling noise. Even so a perfect generator does not score 0: its own mode
 * counts are multinomial, and the few points in excess on one mode must travel to another.
 * {@link #perfectGenerator} measures that floor (an i.i.d. sample of the target against the
 * stratified sample), the resolution of the measurement at this n.
 */
public final class SampleWasserstein {
    private SampleWasserstein() {
    }

    /**
     * W₂ between two samples [n, d] of the same shape; +∞ when a coordinate is not finite (a diverged generator).
     *
     * @param x a sample
     * @param y a sample
     * @return W₂
     */
    public static double w2(Tensor x, Tensor y) {
        if (x.rank() != 2 || y.rank() != 2 || x.size(0) != y.size(0) || x.size(1) != y.size(1) || x.size(0) < 1) {
            throw new IllegalArgumentException("W2 needs two samples [n, d] of the same shape with n >= 1, got "
                    + Arrays.toString(x.shape()) + " and " + Arrays.toString(y.shape()));
        }
        int n = x.size(0);
        int d = x.size(1);
        double[] a = x.toDoubleArray();
        double[] b = y.toDoubleArray();
        if (!Arrays.stream(a).allMatch(Double::isFinite) || !Arrays.stream(b).allMatch(Double::isFinite)) {
            return Double.POSITIVE_INFINITY;
        }
        double[][] cost = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    double diff = a[i * d + k] - b[j * d + k];
                    s += diff * diff;
                }
                cost[i][j] = s;
            }
        }
        return Math.sqrt(OptimalAssignment.cost(cost, OptimalAssignment.solve(cost)) / n);
    }

    /**
     * n draws [n, 2] of the mixture, point i from component i mod K (exactly n/K per mode when K divides n).
     *
     * @param target the mixture
     * @param n the number of draws
     * @param rng the generator
     * @param dtype the dtype of the result
     * @return the draws
     */
    public static Tensor targetSample(Mixture2d target, int n, Rng rng, DType dtype) {
        if (n < 1) {
            throw new IllegalArgumentException("sample size must be positive, got " + n);
        }
        double[] v = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double[] c = target.centre(i % target.modes());
            v[2 * i] = c[0] + target.sigma() * rng.nextGaussian();
            v[2 * i + 1] = c[1] + target.sigma() * rng.nextGaussian();
        }
        return Tensor.of(dtype, v, n, 2);
    }

    /**
     * W₂ between samples [n, 2] and a stratified target sample of the same size drawn from {@code rng}.
     *
     * @param target the mixture
     * @param samples the generated points [N, 2]
     * @param rng the generator of the target sample
     * @return W₂
     */
    public static double toTarget(Mixture2d target, Tensor samples, Rng rng) {
        return w2(samples, targetSample(target, samples.size(0), rng, DType.FLOAT64));
    }

    /**
     * What a perfect generator scores: W₂ between an i.i.d. sample of the target and a stratified one, both of size n.
     *
     * @param target the mixture
     * @param n the sample size
     * @param rng the generator
     * @return W₂
     */
    public static double perfectGenerator(Mixture2d target, int n, Rng rng) {
        return toTarget(target, target.sample(n, rng.split(0), DType.FLOAT64), rng.split(1));
    }
}
