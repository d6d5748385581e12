package org.occam.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.occam.tensor.Rng;

/**
 * The Hessian eigenvalue density by stochastic Lanczos quadrature (SLQ; Ghorbani, Krishnan and Xiao
 * 2019, in the spirit of METHODS §0.1): for each of n_v random unit probes v, n Lanczos steps
 * give Gauss-quadrature nodes θ_i (Ritz values) and weights τ_i² (squared first components of
 * the eigenvectors of T), so that Σ_i τ_i² f(θ_i) ≈ vᵀ f(H) v and, averaged over probes,
 * ≈ tr f(H)/m. The density φ(t) = (1/m) Σ_j δ(t − λ_j) is approximated by broadening every node
 * with a Gaussian of width σ.
 *
 * @param nodes     nodes[l] are probe l's Ritz values, largest first
 * @param weights   weights[l][i] is the quadrature weight of nodes[l][i]; each row sums to 1
 * @param dimension m, the operator's dimension
 * @param hvpCount  operator applications spent (steps × probes, fewer after early breakdown)
 */
public record SpectralDensity(double[][] nodes, double[][] weights, int dimension, long hvpCount) {

    /**
     * SLQ with {@code probes} Rademacher probes scaled to unit norm and {@code steps} Lanczos steps
     * each (capped at the dimension; a probe whose Krylov space becomes invariant stops early,
     * which makes its quadrature exact).
     *
     * @param op a symmetric operator
     * @param steps Lanczos steps per probe
     * @param probes the number of probes
     * @param rng the generator of the probes
     * @return the density
     */
    public static SpectralDensity estimate(LinearOperator op, int steps, int probes, Rng rng) {
        if (probes < 1) {
            throw new IllegalArgumentException("SLQ needs at least one probe, got " + probes);
        }
        long before = op.applications();
        double[][] nodes = new double[probes][];
        double[][] weights = new double[probes][];
        for (int l = 0; l < probes; l++) {
            Lanczos.Quadrature q = Lanczos.run(op, Vectors.rademacher(rng, op.dim()), steps, false, rng).quadrature();
            nodes[l] = q.nodes();
            weights[l] = q.weights();
        }
        return new SpectralDensity(nodes, weights, op.dim(), op.applications() - before);
    }

    /**
     * SLQ from the given start vectors (normalized here), {@code steps} Lanczos steps each. With an
     * orthonormal basis as probes the probe average of Σ τ² f(θ) is exactly tr f(H)/m for every
     * polynomial f of degree below 2·steps.
     *
     * @param op a symmetric operator
     * @param probes the start vectors
     * @param steps Lanczos steps per probe
     * @return the density
     */
    public static SpectralDensity estimate(LinearOperator op, double[][] probes, int steps) {
        if (probes.length < 1) {
            throw new IllegalArgumentException("SLQ needs at least one probe");
        }
        long before = op.applications();
        double[][] nodes = new double[probes.length][];
        double[][] weights = new double[probes.length][];
        for (int l = 0; l < probes.length; l++) {
            Lanczos.Quadrature q = Lanczos.run(op, probes[l], steps, false, null).quadrature();
            nodes[l] = q.nodes();
            weights[l] = q.weights();
        }
        return new SpectralDensity(nodes, weights, op.dim(), op.applications() - before);
    }

    /**
     * SLQ under stopping rules (docs/curvature.md): each probe's Lanczos run stops once its largest
     * and smallest Ritz values meet ‖H y − θ y‖ ≤ tol·|θ| (or its Krylov space is exhausted, which
     * makes the probe's quadrature exact), at most {@code steps.cap()} steps; probes are drawn until
     * the trace estimate m·Σ τ² θ has relative standard error ≤ {@code probes.relative()}, at most
     * {@code probes.cap()} probes.
     *
     * @param op a symmetric operator
     * @param steps the Lanczos tolerance and step cap per probe
     * @param probes the standard-error target and probe cap
     * @param rng the generator of the probes
     * @return the density and its convergence
     */
    public static DensityRun estimate(LinearOperator op, Tolerance steps, Tolerance probes, Rng rng) {
        long before = op.applications();
        int m = op.dim();
        List<double[]> nodes = new ArrayList<>();
        List<double[]> weights = new ArrayList<>();
        int[] unconverged = {0};
        Sequential.Draw d = Sequential.draw(probes, () -> {
            Lanczos.Run run = Lanczos.run(op, Vectors.rademacher(rng, m), steps.cap(), false, rng, steps, 1, 1);
            if (!run.meets(1, 1)) {
                unconverged[0]++;
            }
            Lanczos.Quadrature q = run.quadrature();
            nodes.add(q.nodes());
            weights.add(q.weights());
            double t = 0;
            for (int i = 0; i < q.nodes().length; i++) {
                t += q.weights()[i] * q.nodes()[i];
            }
            return m * t;
        });
        long cost = op.applications() - before;
        SpectralDensity density = new SpectralDensity(nodes.toArray(double[][]::new), weights.toArray(double[][]::new),
                m, cost);
        SequentialEstimate trace = new SequentialEstimate(Estimate.of(d.samples(), cost), probes, d.converged());
        return new DensityRun(density, steps, trace, unconverged[0]);
    }

    /**
     * Number of probes.
     *
     * @return the count
     */
    public int probes() {
        return nodes.length;
    }

    /**
     * Σ_i τ_i² f(θ_i) for each probe: vᵀ f(H) v, exactly when f is a polynomial of degree below
     * twice the probe's step count (or the probe's Krylov space was exhausted), and then an
     * unbiased sample of tr f(H)/m.
     *
     * @param f the function
     * @return one value per probe
     */
    public double[] perProbe(DoubleUnaryOperator f) {
        double[] out = new double[nodes.length];
        for (int l = 0; l < nodes.length; l++) {
            double s = 0;
            for (int i = 0; i < nodes[l].length; i++) {
                s += weights[l][i] * f.applyAsDouble(nodes[l][i]);
            }
            out[l] = s;
        }
        return out;
    }

    /**
     * The probe average of {@link #perProbe}, ≈ tr f(H)/m = ∫ f dφ, with its standard error.
     *
     * @param f the function
     * @return the average and its standard error
     */
    public Estimate expectation(DoubleUnaryOperator f) {
        return Estimate.of(perProbe(f), hvpCount);
    }

    /**
     * The Gaussian-broadened density (1/n_v) Σ_l Σ_i τ_{l,i}² N(t; θ_{l,i}, σ²) on the grid; it
     * integrates to 1 over the real line.
     *
     * @param grid the points t
     * @param sigma the broadening σ
     * @return the density at each point
     */
    public double[] density(double[] grid, double sigma) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("broadening width sigma must be positive, got " + sigma);
        }
        double norm = 1 / (sigma * Math.sqrt(2 * Math.PI) * nodes.length);
        double[] out = new double[grid.length];
        for (int g = 0; g < grid.length; g++) {
            double s = 0;
            for (int l = 0; l < nodes.length; l++) {
                for (int i = 0; i < nodes[l].length; i++) {
                    double z = (grid[g] - nodes[l][i]) / sigma;
                    s += weights[l][i] * Math.exp(-0.5 * z * z);
                }
            }
            out[g] = s * norm;
        }
        return out;
    }

    /**
     * An evenly spaced grid over [min node − pad, max node + pad].
     *
     * @param points the number of points
     * @param pad the margin on each side
     * @return the grid
     */
    public double[] grid(int points, double pad) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : nodes) {
            for (double t : row) {
                lo = Math.min(lo, t);
                hi = Math.max(hi, t);
            }
        }
        lo -= pad;
        hi += pad;
        double[] g = new double[points];
        for (int i = 0; i < points; i++) {
            g[i] = points == 1 ? 0.5 * (lo + hi) : lo + (hi - lo) * i / (points - 1);
        }
        return g;
    }
}
