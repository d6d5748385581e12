package org.occam.sme;

import java.util.function.ToDoubleFunction;
import org.occam.tensor.Rng;

/**
 * SGD θ ← θ − h·(1/b)Σ_{j≤b}∇f_{γ_j}(θ) with γ_j drawn uniformly with replacement: the process the
 * stochastic modified equation approximates (docs/sme.md).
 */
public final class SgdChain {
    private SgdChain() {
    }

    /**
     * θ_n after {@code steps} steps from θ0, the examples drawn from rng.
     *
     * @param f the per-example losses
     * @param theta0 the starting point
     * @param h the learning rate
     * @param batchSize b, drawn with replacement
     * @param steps the number of steps
     * @param rng the generator of the batches
     * @return θ_steps
     */
    public static double[] run(ExampleLosses f, double[] theta0, double h, int batchSize, int steps, Rng rng) {
        double[] theta = theta0.clone();
        for (int s = 0; s < steps; s++) {
            double[] g = new double[theta.length];
            for (int j = 0; j < batchSize; j++) {
                double[] gi = f.gradient(theta, rng.nextInt(f.examples()));
                for (int k = 0; k < g.length; k++) {
                    g[k] += gi[k] / batchSize;
                }
            }
            for (int k = 0; k < g.length; k++) {
                theta[k] -= h * g[k];
            }
        }
        return theta;
    }

    /**
     * The Monte Carlo mean of φ(θ_n) over {@code paths} runs, run p drawn from {@code Rng.seed(seed).split(p)}.
     *
     * @param f the per-example losses
     * @param theta0 the starting point
     * @param h the learning rate
     * @param batchSize b
     * @param steps steps per run
     * @param paths the number of runs
     * @param seed the seed of the runs
     * @param phi the test function φ
     * @return the mean of φ(θ_steps)
     */
    public static double mean(ExampleLosses f, double[] theta0, double h, int batchSize, int steps, int paths, long seed,
                              ToDoubleFunction<double[]> phi) {
        double s = 0;
        for (int p = 0; p < paths; p++) {
            s += phi.applyAsDouble(run(f, theta0, h, batchSize, steps, Rng.seed(seed).split(p)));
        }
        return s / paths;
    }
}
