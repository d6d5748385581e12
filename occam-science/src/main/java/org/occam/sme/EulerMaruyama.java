package org.occam.sme;

import java.util.function.ToDoubleFunction;
import org.occam.tensor.Rng;

/**
 * The Euler–Maruyama scheme X ← X + μ(X)Δt + B(X)√Δt·N(0, I) (weak order 1 in Δt; docs/sme.md).
 */
public final class EulerMaruyama {
    private EulerMaruyama() {
    }

    /**
     * X_T from x0 in {@code steps} steps of Δt = T/steps, the Gaussians drawn from rng.
     *
     * @param sde the SDE dX = μ(X)dt + B(X)dW
     * @param x0 the starting point
     * @param time T
     * @param steps the number of steps
     * @param rng the generator of the Gaussian increments
     * @return X_T
     */
    public static double[] endpoint(Sde sde, double[] x0, double time, int steps, Rng rng) {
        if (steps < 1 || !(time >= 0)) {
            throw new IllegalArgumentException("Euler-Maruyama needs steps >= 1 and time >= 0, got " + steps + ", " + time);
        }
        double dt = time / steps;
        double sq = Math.sqrt(dt);
        double[] x = x0.clone();
        for (int s = 0; s < steps; s++) {
            double[] mu = sde.drift().apply(x);
            double[][] b = sde.noise().apply(x);
            int m = b[0].length;
            double[] z = new double[m];
            for (int j = 0; j < m; j++) {
                z[j] = rng.nextGaussian();
            }
            for (int k = 0; k < x.length; k++) {
                double dw = 0;
                for (int j = 0; j < m; j++) {
                    dw += b[k][j] * z[j];
                }
                x[k] += mu[k] * dt + dw * sq;
            }
        }
        return x;
    }

    /**
     * The Monte Carlo mean of φ(X_T) over {@code paths} paths, path p drawn from {@code Rng.seed(seed).split(p)}.
     *
     * @param sde the SDE
     * @param x0 the starting point
     * @param time T
     * @param steps steps per path
     * @param paths the number of paths
     * @param seed the seed of the paths
     * @param phi the test function φ
     * @return the mean of φ(X_T)
     */
    public static double mean(Sde sde, double[] x0, double time, int steps, int paths, long seed,
                              ToDoubleFunction<double[]> phi) {
        double s = 0;
        for (int p = 0; p < paths; p++) {
            s += phi.applyAsDouble(endpoint(sde, x0, time, steps, Rng.seed(seed).split(p)));
        }
        return s / paths;
    }
}
