package org.occam.flow;

import org.occam.measure.SymmetricEigen;

/**
 * The principal flow of GD on a quadratic loss E(θ) = ½θᵀAθ − bᵀθ in closed form (METHODS §4.1,
 * check PF-1). The flow is linear along each eigenvector u_i of A: with d_i = u_iᵀ(Aθ₀ − b) the
 * initial gradient coordinate and x_i = hλ_i,
 * <pre>
 *   u_iᵀθ(t) = u_iᵀθ₀ + d_i·[(1 − x_i)^{t/h} − 1]/λ_i        (→ u_iᵀθ₀ − t·d_i as λ_i → 0)
 * </pre>
 * with the complex power on the principal branch, (1 − x)^{s} = |1 − x|^{s}e^{iπs} for x &gt; 1.
 * At t = nh the power is the real (1 − x)^n, so the solution is exactly the n-th GD iterate; for
 * a minimum at 0 (b = 0) the real part between steps is c_i(0)|1 − hλ_i|^{t/h}cos(πt/h), the
 * period-2h oscillation of GD. At hλ_i = 1 the limit (1 − x)^{s} = 0 for s &gt; 0 is used (the
 * integrated flow, with the coefficient −100, gets e^{−100s} instead).
 */
public final class QuadraticPrincipalFlow {
    private final double h;
    private final double[] lambda;
    private final double[][] u;
    private final double[] b;

    /**
     * The PF of the quadratic E(θ) = ½θᵀAθ − bᵀθ, from the eigendecomposition of A.
     *
     * @param a symmetric m × m matrix (the Hessian)
     * @param b linear term (length m), or null for 0
     * @param h learning rate
     */
    public QuadraticPrincipalFlow(double[][] a, double[] b, double h) {
        PrincipalFlow.checkRate(h);
        SymmetricEigen e = SymmetricEigen.of(a);
        this.lambda = e.values();
        this.u = e.vectors();
        this.b = b == null ? new double[a.length] : b.clone();
        this.h = h;
        if (this.b.length != a.length) {
            throw new IllegalArgumentException("b has length " + this.b.length + " for a " + a.length + "×" + a.length + " matrix");
        }
    }

    /**
     * θ(t) from θ₀: element 0 is the real part, element 1 the imaginary part.
     *
     * @param theta0 θ₀
     * @param t the time
     * @return {Re θ(t), Im θ(t)}
     */
    public double[][] at(double[] theta0, double t) {
        int m = lambda.length;
        double[] grad = new double[m];
        for (int i = 0; i < m; i++) {
            grad[i] = -b[i];
        }
        // A θ₀ − b, through the eigendecomposition
        for (int i = 0; i < m; i++) {
            double c = LocalSpectrum.dot(u[i], theta0) * lambda[i];
            for (int j = 0; j < m; j++) {
                grad[j] += c * u[i][j];
            }
        }
        double[] re = theta0.clone();
        double[] im = new double[m];
        double s = t / h;
        for (int i = 0; i < m; i++) {
            double d = LocalSpectrum.dot(u[i], grad);
            Complex step = increment(h * lambda[i], s).times(d * h); // d_i·[(1 − x)^s − 1]/λ_i
            for (int j = 0; j < m; j++) {
                re[j] += step.re() * u[i][j];
                im[j] += step.im() * u[i][j];
            }
        }
        return new double[][] {re, im};
    }

    /** [(1 − x)^s − 1]/x, accurate for small x (→ −s as x → 0). */
    static Complex increment(double x, double s) {
        if (x == 0) {
            return Complex.real(-s);
        }
        if (PrincipalCoefficient.singular(x)) {
            return Complex.real(s == 0 ? 0 : -1 / x);
        }
        if (x < 1) {
            return Complex.real(Math.expm1(s * Math.log1p(-x)) / x);
        }
        return Complex.log(1 - x).times(s).expm1().times(1 / x);
    }

    /**
     * The n-th GD iterate θ_n = θ₀ − h Σ_k (Aθ_k − b), for comparison.
     *
     * @param theta0 θ₀
     * @param n the step
     * @return θ_n
     */
    public double[] gd(double[] theta0, int n) {
        int m = lambda.length;
        double[] th = theta0.clone();
        for (int k = 0; k < n; k++) {
            double[] g = new double[m];
            for (int i = 0; i < m; i++) {
                double c = LocalSpectrum.dot(u[i], th) * lambda[i];
                for (int j = 0; j < m; j++) {
                    g[j] += c * u[i][j];
                }
            }
            for (int j = 0; j < m; j++) {
                th[j] -= h * (g[j] - b[j]);
            }
        }
        return th;
    }
}
