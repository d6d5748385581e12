package org.occam.regularize;

import java.util.function.Predicate;
import org.occam.autodiff.Params;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/**
 * Spectral-norm regularization (METHODS §7.2: GC ≤ Lip(f)² ≤ Π_l ‖W_l‖²_op for 1-Lipschitz
 * activations): loss + κ·Σ_l σ_max(W_l)² over the weight matrices.
 *
 * <p>σ_max is estimated by power iteration on the weight's values: u and v are held constant
 * (stop-gradient) and the penalty is (uᵀ W v)², whose gradient 2σ·u vᵀ is the exact gradient of
 * σ_max² once the iteration has converged (a simple top singular value). The iteration starts from
 * a fixed seeded vector at every call, so the objective is a pure function of (θ, batch).
 *
 * <p>Which parameters: those of rank ≥ 2 accepted by the filter (by default every rank-≥2 tensor,
 * i.e. weights, not biases). A tensor of rank &gt; 2 (a convolution kernel [out, in, kh, kw]) is
 * penalised as the matrix [out, in·kh·kw], the usual surrogate, not the convolution operator norm.
 */
public final class SpectralNormPenalty {
    /** Default number of power iterations. */
    public static final int DEFAULT_ITERATIONS = 20;

    private SpectralNormPenalty() {
    }

    /**
     * base + κ Σ_l σ_max(W_l)² over every parameter of rank ≥ 2, with the default iterations.
     *
     * @param base the objective
     * @param kappa κ
     * @return the penalized objective
     */
    public static Objective of(Objective base, double kappa) {
        return of(base, kappa, DEFAULT_ITERATIONS, name -> true);
    }

    /**
     * base + κ Σ_l σ_max(W_l)² over the rank-≥2 parameters whose names pass {@code which}.
     *
     * @param base the objective
     * @param kappa κ
     * @param iterations power iterations per step
     * @param which which parameters, by name
     * @return the penalized objective
     */
    public static Objective of(Objective base, double kappa, int iterations, Predicate<String> which) {
        Terms.requireNonNegative("spectral-norm coefficient", kappa);
        if (iterations <= 0) {
            throw new IllegalArgumentException("power iterations must be positive, got " + iterations);
        }
        return Objective.regularized(base, true, (p, b) -> base.loss(p, b).add(penalty(p, iterations, which).mul(kappa)));
    }

    /**
     * Σ_l (uᵀ W_l v)² with (u, v) from {@code iterations} power iterations (differentiable in W).
     *
     * @param p the parameters
     * @param iterations power iterations
     * @param which which parameters, by name
     * @return the penalty
     */
    public static Tensor penalty(Params p, int iterations, Predicate<String> which) {
        Tensor acc = Tensor.scalar(0, p.dtype());
        for (var e : p) {
            Tensor w = e.getValue();
            if (w.rank() < 2 || !which.test(e.getKey())) {
                continue;
            }
            int rows = w.size(0);
            int cols = w.numel() / rows;
            Tensor m = w.reshape(rows, cols);
            double[][] uv = topSingularVectors(m.toDoubleArray(), rows, cols, iterations, e.getKey().hashCode());
            Tensor outer = Tensor.of(w.dtype(), outer(uv[0], uv[1]), rows, cols);
            Tensor sigma = m.mul(outer).sum();
            acc = acc.add(sigma.square());
        }
        return acc;
    }

    /**
     * σ_max of a matrix (row-major values) by power iteration.
     *
     * @param matrix the matrix W
     * @param iterations power iterations
     * @return σ_max
     */
    public static double largestSingularValue(Tensor matrix, int iterations) {
        int rows = matrix.size(0);
        int cols = matrix.numel() / rows;
        double[] a = matrix.toDoubleArray();
        double[][] uv = topSingularVectors(a, rows, cols, iterations, 0);
        return Math.abs(bilinear(a, rows, cols, uv[0], uv[1]));
    }

    /** Unit (u, v) after the given number of power iterations v ← AᵀAv from a seeded start. */
    static double[][] topSingularVectors(double[] a, int rows, int cols, int iterations, long seed) {
        Rng rng = Rng.seed(0x5EC7A1L ^ seed);
        double[] v = new double[cols];
        for (int j = 0; j < cols; j++) {
            v[j] = rng.nextGaussian();
        }
        normalize(v);
        double[] u = new double[rows];
        for (int it = 0; it < iterations; it++) {
            u = times(a, rows, cols, v);
            normalize(u);
            v = timesTransposed(a, rows, cols, u);
            normalize(v);
        }
        u = times(a, rows, cols, v);
        normalize(u);
        return new double[][] {u, v};
    }

    private static double[] times(double[] a, int rows, int cols, double[] v) {
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = 0; j < cols; j++) {
                s += a[i * cols + j] * v[j];
            }
            out[i] = s;
        }
        return out;
    }

    private static double[] timesTransposed(double[] a, int rows, int cols, double[] u) {
        double[] out = new double[cols];
        for (int i = 0; i < rows; i++) {
            double ui = u[i];
            for (int j = 0; j < cols; j++) {
                out[j] += a[i * cols + j] * ui;
            }
        }
        return out;
    }

    private static double bilinear(double[] a, int rows, int cols, double[] u, double[] v) {
        double[] av = times(a, rows, cols, v);
        double s = 0;
        for (int i = 0; i < rows; i++) {
            s += u[i] * av[i];
        }
        return s;
    }

    private static void normalize(double[] x) {
        double n = 0;
        for (double d : x) {
            n += d * d;
        }
        n = Math.sqrt(n);
        if (n == 0) {
            return;
        }
        for (int i = 0; i < x.length; i++) {
            x[i] /= n;
        }
    }

    private static double[] outer(double[] u, double[] v) {
        double[] out = new double[u.length * v.length];
        for (int i = 0; i < u.length; i++) {
            for (int j = 0; j < v.length; j++) {
                out[i * v.length + j] = u[i] * v[j];
            }
        }
        return out;
    }
}
