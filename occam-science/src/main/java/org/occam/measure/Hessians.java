package org.occam.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.nn.Model;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * Hessian-spectrum measurements of a scalar loss E(θ) (METHODS §0.1 oracles "HVP", "top
 * eigenpair", "full Hessian + eigh"; sharpness λ_max for §4 and check EOS-1; the Gauss-Newton
 * trace of §7.2). Each loss-based method builds a {@link LinearOperator#hessian} at p and
 * delegates to the operator-based method, which serves the Gauss-Newton matrix as well. Every
 * result reports the operator applications (HVPs) it spent.
 *
 * <p>Use float64 for verification (METHODS §10.7); float32 suffices for tracking sharpness.
 */
public final class Hessians {
    /** Largest parameter count for which {@link #dense} builds the m × m matrix. */
    public static final int DENSE_LIMIT = 5000;

    private Hessians() {
    }

    // ---------------------------------------------------------------- Lanczos

    /**
     * Top-k eigenpairs (largest algebraic first) of ∇²E at p by {@code steps} Lanczos steps.
     *
     * @param loss E
     * @param p θ
     * @param k how many
     * @param steps Lanczos steps
     * @param rng the generator of the start vector
     * @return the pairs
     */
    public static Spectrum lanczos(Function<Params, Tensor> loss, Params p, int k, int steps, Rng rng) {
        return lanczos(LinearOperator.hessian(loss, p), k, steps, rng);
    }

    /**
     * Top-k eigenpairs (largest algebraic first) of a symmetric operator.
     *
     * @param op a symmetric operator
     * @param k how many
     * @param steps Lanczos steps
     * @param rng the generator of the start vector
     * @return the pairs
     */
    public static Spectrum lanczos(LinearOperator op, int k, int steps, Rng rng) {
        return Lanczos.run(op, steps, rng).top(k);
    }

    /**
     * The k most negative eigenpairs (smallest algebraic first) of ∇²E at p.
     *
     * @param loss E
     * @param p θ
     * @param k how many
     * @param steps Lanczos steps
     * @param rng the generator of the start vector
     * @return the pairs
     */
    public static Spectrum lanczosBottom(Function<Params, Tensor> loss, Params p, int k, int steps, Rng rng) {
        return Lanczos.run(LinearOperator.hessian(loss, p), steps, rng).bottom(k);
    }

    /**
     * One Lanczos run on ∇²E, from which both ends ({@code top}, {@code bottom}) can be read.
     *
     * @param loss E
     * @param p θ
     * @param steps Lanczos steps
     * @param rng the generator of the start vector
     * @return the run
     */
    public static Lanczos.Run lanczosRun(Function<Params, Tensor> loss, Params p, int steps, Rng rng) {
        return Lanczos.run(LinearOperator.hessian(loss, p), steps, rng);
    }

    /**
     * The {@code top} largest and {@code bottom} smallest eigenpairs of ∇²E at p by Lanczos run to
     * the tolerance, with explicit residuals and convergence flags (docs/curvature.md).
     *
     * @param loss E
     * @param p θ
     * @param top how many of the largest pairs
     * @param bottom how many of the smallest pairs
     * @param tol the relative residual and step cap
     * @param rng the generator of the start vector
     * @return the pairs with residuals and flags
     */
    public static Eigenpairs eigenpairs(Function<Params, Tensor> loss, Params p, int top, int bottom, Tolerance tol,
            Rng rng) {
        return Lanczos.eigenpairs(LinearOperator.hessian(loss, p), top, bottom, tol, rng);
    }

    /**
     * Converged extreme eigenpairs of any symmetric operator (H, the GGN, a Hessian block).
     *
     * @param op a symmetric operator
     * @param top how many of the largest pairs
     * @param bottom how many of the smallest pairs
     * @param tol the relative residual and step cap
     * @param rng the generator of the start vector
     * @return the pairs with residuals and flags
     */
    public static Eigenpairs eigenpairs(LinearOperator op, int top, int bottom, Tolerance tol, Rng rng) {
        return Lanczos.eigenpairs(op, top, bottom, tol, rng);
    }

    // ---------------------------------------------------------------- power iteration

    /**
     * The eigenvalue of ∇²E of largest magnitude by power iteration (stops at ‖Hv − λv‖ ≤ tol·|λ|).
     *
     * @param loss E
     * @param p θ
     * @param iters the most iterations
     * @param tol the relative residual
     * @param rng the generator of the start vector
     * @return the result
     */
    public static PowerIteration.Result powerIteration(Function<Params, Tensor> loss, Params p, int iters, double tol,
            Rng rng) {
        return PowerIteration.run(LinearOperator.hessian(loss, p), iters, tol, rng);
    }

    /**
     * Power iteration on any symmetric operator.
     *
     * @param op a symmetric operator
     * @param iters the most iterations
     * @param tol the relative residual
     * @param rng the generator of the start vector
     * @return the result
     */
    public static PowerIteration.Result powerIteration(LinearOperator op, int iters, double tol, Rng rng) {
        return PowerIteration.run(op, iters, tol, rng);
    }

    // ---------------------------------------------------------------- trace and density

    /**
     * tr ∇²E by Hutchinson with Rademacher probes; stderr = sample std/√probes.
     *
     * @param loss E
     * @param p θ
     * @param probes the number of probes
     * @param rng the generator of the probes
     * @return the estimate
     */
    public static Estimate hutchinsonTrace(Function<Params, Tensor> loss, Params p, int probes, Rng rng) {
        return HutchinsonTrace.estimate(LinearOperator.hessian(loss, p), probes, rng);
    }

    /**
     * Hutchinson trace of any symmetric operator.
     *
     * @param op a symmetric operator
     * @param probes the number of probes
     * @param rng the generator of the probes
     * @return the estimate
     */
    public static Estimate hutchinsonTrace(LinearOperator op, int probes, Rng rng) {
        return HutchinsonTrace.estimate(op, probes, rng);
    }

    /**
     * Hutchinson trace drawn until its relative standard error meets the target (or the probe cap).
     *
     * @param op a symmetric operator
     * @param target the relative standard error and probe cap
     * @param rng the generator of the probes
     * @return the estimate
     */
    public static SequentialEstimate hutchinsonTrace(LinearOperator op, Tolerance target, Rng rng) {
        return HutchinsonTrace.estimate(op, target, rng);
    }

    /**
     * SLQ density under step and probe stopping rules (docs/curvature.md).
     *
     * @param op a symmetric operator
     * @param steps the Lanczos tolerance and step cap per probe
     * @param probes the standard-error target and probe cap
     * @param rng the generator of the probes
     * @return the density and its convergence
     */
    public static DensityRun spectralDensity(LinearOperator op, Tolerance steps, Tolerance probes, Rng rng) {
        return SpectralDensity.estimate(op, steps, probes, rng);
    }

    /**
     * Eigenvalue density of ∇²E by stochastic Lanczos quadrature.
     *
     * @param loss E
     * @param p θ
     * @param steps Lanczos steps per probe
     * @param probes the number of probes
     * @param rng the generator of the probes
     * @return the density
     */
    public static SpectralDensity spectralDensity(Function<Params, Tensor> loss, Params p, int steps, int probes,
            Rng rng) {
        return SpectralDensity.estimate(LinearOperator.hessian(loss, p), steps, probes, rng);
    }

    /**
     * SLQ density of any symmetric operator.
     *
     * @param op a symmetric operator
     * @param steps Lanczos steps per probe
     * @param probes the number of probes
     * @param rng the generator of the probes
     * @return the density
     */
    public static SpectralDensity spectralDensity(LinearOperator op, int steps, int probes, Rng rng) {
        return SpectralDensity.estimate(op, steps, probes, rng);
    }

    // ---------------------------------------------------------------- Gauss-Newton

    /**
     * The Gauss-Newton operator J_fᵀ ∇²_z L J_f of E(θ) = L(f(θ)) at p.
     *
     * @param outputs θ ↦ z
     * @param outputLoss z ↦ L(z)
     * @param p θ
     * @return G
     */
    public static LinearOperator gaussNewton(Function<Params, Tensor> outputs, Function<Tensor, Tensor> outputLoss,
            Params p) {
        return GaussNewton.operator(outputs, outputLoss, p);
    }

    /**
     * The Gauss-Newton operator of a model's outputs on inputs x under an output-space loss.
     *
     * @param model the network
     * @param p θ
     * @param x the inputs
     * @param outputLoss z ↦ L(z)
     * @return G
     */
    public static LinearOperator gaussNewton(Model model, Params p, Tensor x,
            Function<Tensor, Tensor> outputLoss) {
        return GaussNewton.operator(model, p, x, outputLoss);
    }

    /**
     * One Gauss-Newton product G v.
     *
     * @param outputs θ ↦ z
     * @param outputLoss z ↦ L(z)
     * @param p θ
     * @param v the vector
     * @return G v
     */
    public static Params gaussNewtonVectorProduct(Function<Params, Tensor> outputs, Function<Tensor, Tensor> outputLoss,
            Params p, Params v) {
        return GaussNewton.vectorProduct(outputs, outputLoss, p, v);
    }

    // ---------------------------------------------------------------- dense

    /**
     * The full Hessian by {@link Autodiff#hessian} (m HVPs) and all its eigenpairs, largest first,
     * for small models (m ≤ {@value #DENSE_LIMIT}). Residual norms are not computed.
     *
     * @param loss E
     * @param p θ
     * @return all eigenpairs
     */
    public static Spectrum dense(Function<Params, Tensor> loss, Params p) {
        int m = checkDense(p.numel());
        double[][] h = rows(Autodiff.hessian(loss, p), m);
        return eigh(h, p, m);
    }

    /**
     * All eigenpairs of an operator, from its dense matrix (m applications).
     *
     * @param op a symmetric operator
     * @return all eigenpairs
     */
    public static Spectrum dense(LinearOperator op) {
        int m = checkDense(op.dim());
        return eigh(denseMatrix(op), op.template(), m);
    }

    /**
     * The dense m × m matrix of an operator, column by column (m applications).
     *
     * @param op an operator
     * @return its matrix
     */
    public static double[][] denseMatrix(LinearOperator op) {
        int m = checkDense(op.dim());
        double[][] a = new double[m][m];
        double[] e = new double[m];
        for (int j = 0; j < m; j++) {
            e[j] = 1;
            double[] col = op.apply(e);
            e[j] = 0;
            for (int i = 0; i < m; i++) {
                a[i][j] = col[i];
            }
        }
        return a;
    }

    private static Spectrum eigh(double[][] a, Params template, long hvps) {
        SymmetricEigen e = SymmetricEigen.of(a);
        List<Params> vectors = new ArrayList<>();
        for (double[] v : e.vectors()) {
            vectors.add(Vectors.params(template, v));
        }
        return new Spectrum(e.values(), vectors, null, hvps);
    }

    private static double[][] rows(Tensor h, int m) {
        double[] flat = h.toDoubleArray();
        double[][] a = new double[m][];
        for (int i = 0; i < m; i++) {
            a[i] = Arrays.copyOfRange(flat, i * m, (i + 1) * m);
        }
        return a;
    }

    private static int checkDense(int m) {
        if (m > DENSE_LIMIT) {
            throw new IllegalArgumentException("dense Hessian refused: " + m + " parameters would need an " + m + "×" + m
                    + " matrix (" + (8L * m * m >> 20) + " MiB) and " + m + " HVPs; the limit is " + DENSE_LIMIT
                    + ". Use lanczos, powerIteration, hutchinsonTrace or spectralDensity instead");
        }
        return m;
    }
}
