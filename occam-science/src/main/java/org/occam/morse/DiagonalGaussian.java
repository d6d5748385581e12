package org.occam.morse;

import java.util.Locale;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * A Gaussian reference with diagonal covariance, {@code N(μ, diag σ²)}: the "other broad
 * reference" of METHODS §8, useful for a Morse head in high dimension, where draws from a
 * uniform box around the embeddings all lie far from them and the reference term stops
 * constraining φ after a few steps. It is not uniform, so only {@link MorseLoss#relative}
 * (KL with respect to this reference) applies; {@link #logVolume()} is {@code +∞}.
 *
 * @param mean  μ
 * @param scale σ (each entry positive)
 */
public record DiagonalGaussian(double[] mean, double[] scale) implements ReferenceDistribution {

    /** Checks equally long mean and scale with positive, finite scales, and copies them. */
    public DiagonalGaussian {
        if (mean.length != scale.length || mean.length == 0) {
            throw new IllegalArgumentException("a diagonal Gaussian needs mean and scale of the same positive length");
        }
        for (double s : scale) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("Gaussian reference scales must be positive and finite, got " + s);
            }
        }
        mean = mean.clone();
        scale = scale.clone();
    }

    /**
     * The Gaussian with the per-coordinate mean of the rows of {@code x} ({@code [N, d]}) and
     * standard deviations {@code factor} times theirs (a coordinate with zero spread gets 1e-3·factor).
     *
     * @param x the points
     * @param factor the factor on the standard deviations
     * @return the Gaussian
     */
    public static DiagonalGaussian around(Tensor x, double factor) {
        if (x.rank() != 2 || x.size(0) == 0) {
            throw new IllegalArgumentException("DiagonalGaussian.around needs points [N, d], got shape "
                    + java.util.Arrays.toString(x.shapeRef()));
        }
        if (!(factor > 0)) {
            throw new IllegalArgumentException("Gaussian reference factor must be positive, got " + factor);
        }
        int n = x.size(0);
        int d = x.size(1);
        double[] v = x.toDoubleArray();
        double[] mu = new double[d];
        double[] var = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mu[j] += v[i * d + j] / n;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double c = v[i * d + j] - mu[j];
                var[j] += c * c / n;
            }
        }
        double[] sd = new double[d];
        for (int j = 0; j < d; j++) {
            sd[j] = factor * Math.max(Math.sqrt(var[j]), 1e-3);
        }
        return new DiagonalGaussian(mu, sd);
    }

    /**
     * The mean of each coordinate (a copy).
     *
     * @return the means
     */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /**
     * The standard deviation of each coordinate (a copy).
     *
     * @return the deviations
     */
    @Override
    public double[] scale() {
        return scale.clone();
    }

    @Override
    public Tensor sample(Rng rng, int n, DType dtype) {
        int d = mean.length;
        double[] v = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                v[i * d + j] = mean[j] + scale[j] * rng.nextGaussian();
            }
        }
        return Tensor.of(dtype, v, n, d);
    }

    @Override
    public int dim() {
        return mean.length;
    }

    @Override
    public double logVolume() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public String describe() {
        double s = 0;
        for (double v : scale) {
            s += v;
        }
        return String.format(Locale.ROOT, "diagonal Gaussian in R^%d (mean σ %.3g)", mean.length, s / scale.length);
    }
}
