package org.occam.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.occam.autodiff.Params;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;

/**
 * The Lanczos process with full reorthogonalization on a symmetric operator (METHODS §0.1, "top
 * eigenpair: power iteration or Lanczos on HVPs"). After n steps, A Q = Q T + β_n q_{n+1} e_nᵀ
 * with T tridiagonal; the eigenvalues of T (Ritz values) approximate both ends of the spectrum at
 * once, so the largest and the most negative eigenvalues come from one run.
 *
 * <p>Each step costs one operator application. Every new direction is orthogonalized against
 * the whole basis after the three-term recurrence, and a second time whenever the first pass
 * removed a large part of it (the Daniel-Gragg-Kaufman-Stewart test: "twice is enough"), so the
 * basis stays orthonormal to round-off and no spurious copies of converged eigenvalues appear.
 * The basis is kept in float64 (n × m doubles).
 *
 * <p>When the Krylov space becomes invariant (β ≈ 0, e.g. at a repeated eigenvalue or when n
 * reaches the dimension) the run either stops (what quadrature needs: the probe's spectral
 * measure is then resolved exactly) or restarts with a fresh random direction orthogonal to the
 * basis (what eigenvalue search needs, so multiplicities are not missed).
 */
public final class Lanczos {
    /** DGKS threshold: orthogonalize again when a pass keeps less than this fraction of the norm. */
    private static final double REORTHOGONALIZE = 0.7071067811865476;

    private Lanczos() {
    }

    /**
     * Gauss quadrature of a start vector's spectral measure: Σ_i w_i δ(λ − θ_i), Σ w_i = ‖v₀‖² = 1.
     *
     * @param nodes the Ritz values θ_i
     * @param weights their weights w_i
     */
    public record Quadrature(double[] nodes, double[] weights) {
    }

    /**
     * n steps from a standard normal start vector, restarting at breakdown (for eigenvalue search).
     *
     * @param op a symmetric operator
     * @param steps n
     * @param rng the generator of the start vector
     * @return the run
     */
    public static Run run(LinearOperator op, int steps, Rng rng) {
        return run(op, Vectors.normal(rng, op.dim()), steps, true, rng);
    }

    /**
     * n = min(steps, dim) steps from the given start vector (normalized here).
     *
     * @param restartOnBreakdown restart with a random direction (drawn from rng) when the Krylov
     *                           space is invariant; otherwise stop early
     * @param op a symmetric operator
     * @param start the start vector
     * @param steps the most steps
     * @param rng the generator of restart directions
     * @return the run
     */
    public static Run run(LinearOperator op, double[] start, int steps, boolean restartOnBreakdown, Rng rng) {
        return run(op, start, steps, restartOnBreakdown, rng, null, 0, 0);
    }

    /**
     * Steps from a standard normal start vector (restarting at breakdown) until the {@code top}
     * largest and {@code bottom} smallest Ritz values meet ‖A y − θ y‖ ≤ tol·|θ| by the Lanczos
     * residual estimate β_n |s_n|, or until {@code tol.cap()} steps (or the dimension) are spent
     * (docs/curvature.md, stopping rule). The run's {@link Run#top}/{@link Run#bottom} then carry
     * convergence flags; {@link #eigenpairs} adds explicit residuals.
     *
     * @param op a symmetric operator
     * @param tol the relative residual and step cap
     * @param top how many of the largest Ritz values must converge
     * @param bottom how many of the smallest must converge
     * @param rng the generator of the start vector
     * @return the run
     */
    public static Run run(LinearOperator op, Tolerance tol, int top, int bottom, Rng rng) {
        if (top < 0 || bottom < 0 || top + bottom == 0) {
            throw new IllegalArgumentException("ask for at least one eigenvalue: top=" + top + ", bottom=" + bottom);
        }
        return run(op, Vectors.normal(rng, op.dim()), tol.cap(), true, rng, tol, top, bottom);
    }

    /**
     * The {@code top} largest and {@code bottom} smallest eigenpairs of a symmetric operator by a
     * converged Lanczos run; each pair's residual ‖A y − θ y‖ is then computed explicitly (one
     * more application per pair) and the pair is flagged converged only if that residual meets the
     * tolerance (docs/curvature.md).
     *
     * @param op a symmetric operator
     * @param top how many of the largest pairs
     * @param bottom how many of the smallest pairs
     * @param tol the relative residual and step cap
     * @param rng the generator of the start vector
     * @return the pairs with residuals and flags
     */
    public static Eigenpairs eigenpairs(LinearOperator op, int top, int bottom, Tolerance tol, Rng rng) {
        return judge(op, run(op, tol, top, bottom, rng), top, bottom, tol);
    }

    /**
     * The {@code top} and {@code bottom} pairs of a finished run (e.g. a fixed number of steps)
     * judged against a tolerance: explicit residuals (one application per pair) and flags.
     *
     * @param op the operator the run was on
     * @param run the finished run
     * @param top how many of the largest pairs
     * @param bottom how many of the smallest pairs
     * @param tol the tolerance to judge against
     * @return the pairs with residuals and flags
     */
    public static Eigenpairs judge(LinearOperator op, Run run, int top, int bottom, Tolerance tol) {
        long before = op.applications();
        Spectrum t = verified(op, run.top(top), tol);
        Spectrum b = verified(op, run.bottom(bottom), tol);
        return new Eigenpairs(t, b, tol, run.steps(), run.steps() >= Math.min(tol.cap(), op.dim()),
                run.hvpCount() + op.applications() - before);
    }

    /** The pairs with explicit residuals ‖A y − θ y‖ and flags against the tolerance. */
    private static Spectrum verified(LinearOperator op, Spectrum s, Tolerance tol) {
        int k = s.size();
        double[] residuals = new double[k];
        boolean[] converged = new boolean[k];
        for (int i = 0; i < k; i++) {
            double[] y = Vectors.of(s.eigenvectors().get(i));
            double[] r = op.apply(y);
            Vectors.axpy(-s.eigenvalue(i), y, r);
            residuals[i] = Vectors.norm(r);
            converged[i] = tol.met(residuals[i], s.eigenvalue(i));
        }
        return new Spectrum(s.eigenvalues(), s.eigenvectors(), residuals, s.hvpCount() + k, converged);
    }

    static Run run(LinearOperator op, double[] start, int steps, boolean restartOnBreakdown, Rng rng,
            Tolerance stop, int top, int bottom) {
        int m = op.dim();
        if (steps < 1) {
            throw new IllegalArgumentException("Lanczos needs at least one step, got " + steps);
        }
        if (start.length != m) {
            throw new IllegalArgumentException("start vector has length " + start.length + ", operator dimension is " + m);
        }
        int cap = Math.min(steps, m);
        double tol = op.template().dtype() == DType.FLOAT64 ? 1e-12 : 1e-5;
        double[][] basis = new double[cap][];
        double[] alpha = new double[cap];
        double[] beta = new double[cap];
        long before = op.applications();
        double[] q = start.clone();
        if (Vectors.normalize(q) == 0) {
            throw new IllegalArgumentException("Lanczos start vector is zero");
        }
        double scale = 0;
        int n = 0;
        for (int j = 0; j < cap; j++) {
            basis[j] = q;
            n = j + 1;
            double[] w = op.apply(q);
            double a = Vectors.dot(q, w);
            Vectors.axpy(-a, q, w);
            if (j > 0) {
                Vectors.axpy(-beta[j - 1], basis[j - 1], w);
            }
            a += orthogonalize(w, basis, n);
            alpha[j] = a;
            double b = Vectors.norm(w);
            beta[j] = b;
            scale = Math.max(scale, Math.abs(a) + b + (j > 0 ? beta[j - 1] : 0));
            if (j == cap - 1) {
                break;
            }
            if (b <= tol * scale) {
                if (!restartOnBreakdown) {
                    break;
                }
                beta[j] = 0;
                q = Vectors.normal(rng, m);
                orthogonalize(q, basis, n);
                Vectors.normalize(q);
            } else {
                if (stop != null && due(n, top + bottom)
                        && new Run(op.template(), alpha, beta, basis, n, 0, stop).meets(top, bottom)) {
                    break;
                }
                q = w;
                Vectors.scale(q, 1 / b);
            }
        }
        return new Run(op.template(), alpha, beta, basis, n, op.applications() - before, stop);
    }

    /**
     * Whether to test convergence after n steps: every step while T is small, then every ⌈n/30⌉
     * steps, so the O(n³) eigensolves of T stay negligible next to the HVPs (at most ~3 % extra steps).
     */
    private static boolean due(int n, int wanted) {
        return n >= wanted && (n < 60 || n % ((n + 29) / 30) == 0);
    }

    /**
     * Removes the basis components from w by Gram-Schmidt, with a second pass when the first one
     * shrank w below 1/√2 of its norm (DGKS); returns the total q_{n−1} component removed.
     */
    private static double orthogonalize(double[] w, double[][] basis, int n) {
        double self = 0;
        double before = Vectors.norm(w);
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < n; i++) {
                double c = Vectors.dot(basis[i], w);
                Vectors.axpy(-c, basis[i], w);
                if (i == n - 1) {
                    self += c;
                }
            }
            double after = Vectors.norm(w);
            if (after >= REORTHOGONALIZE * before) {
                break;
            }
            before = after;
        }
        return self;
    }

    /**
     * The result of n Lanczos steps: the tridiagonal T (alphas on the diagonal, betas below it;
     * β = 0 marks a restart) and the orthonormal basis Q.
     */
    public static final class Run {
        private final Params template;
        private final double[] alpha;
        private final double[] beta;
        private final double[][] basis;
        private final long hvpCount;
        private final Tolerance tolerance;
        private SymmetricEigen ritz;

        private Run(Params template, double[] alpha, double[] beta, double[][] basis, int n, long hvpCount,
                Tolerance tolerance) {
            this.template = template;
            this.alpha = Arrays.copyOf(alpha, n);
            this.beta = Arrays.copyOf(beta, n);
            this.basis = Arrays.copyOf(basis, n);
            this.hvpCount = hvpCount;
            this.tolerance = tolerance;
        }

        /**
         * The stopping rule the run was given, or null for a fixed number of steps.
         *
         * @return the tolerance, or null
         */
        public Tolerance tolerance() {
            return tolerance;
        }

        /** Whether the top and bottom Ritz values all meet the tolerance by the residual estimate. */
        boolean meets(int top, int bottom) {
            SymmetricEigen e = eig();
            int n = steps();
            for (int r = 0; r < n; r++) {
                boolean wanted = r < top || r >= n - bottom;
                if (wanted && !tolerance.met(Math.abs(beta[n - 1] * e.vectors()[r][n - 1]), e.values()[r])) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Number of steps taken (the size of T).
         *
         * @return n
         */
        public int steps() {
            return alpha.length;
        }

        /**
         * Operator applications spent (one per step).
         *
         * @return the count
         */
        public long hvpCount() {
            return hvpCount;
        }

        /**
         * Diagonal of T.
         *
         * @return α_1..α_n
         */
        public double[] alphas() {
            return alpha.clone();
        }

        /**
         * β_1..β_n: β_j couples steps j and j+1; β_n is the residual coupling ‖r_n‖ left after the last step.
         *
         * @return β_1..β_n
         */
        public double[] betas() {
            return beta.clone();
        }

        /**
         * All Ritz values, largest first.
         *
         * @return the Ritz values
         */
        public double[] ritzValues() {
            return eig().values().clone();
        }

        /**
         * The k largest Ritz pairs (at most {@link #steps()}), largest first. Residual norms are the Lanczos estimate
         * ‖A y − θ y‖ = β_n |s_n| (s the eigenvector of T), exact up to round-off under full
         * reorthogonalization, so they cost no extra HVPs. With a {@link #tolerance()} each pair
         * carries a flag: estimate ≤ tol·|θ|.
         *
         * @param k how many
         * @return the pairs
         */
        public Spectrum top(int k) {
            int n = steps();
            int[] idx = new int[Math.min(k, n)];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            return pairs(idx);
        }

        /**
         * The k smallest (most negative) Ritz pairs, most negative first.
         *
         * @param k how many
         * @return the pairs
         */
        public Spectrum bottom(int k) {
            int n = steps();
            int[] idx = new int[Math.min(k, n)];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = n - 1 - i;
            }
            return pairs(idx);
        }

        /**
         * Gauss quadrature for the start vector v₀: nodes are the Ritz values, weights the squared
         * first components of the eigenvectors of T, so Σ w_i f(θ_i) ≈ v₀ᵀ f(A) v₀, exactly for
         * polynomials of degree &lt; 2n (METHODS §0.1; stochastic Lanczos quadrature).
         *
         * @return the quadrature
         */
        public Quadrature quadrature() {
            SymmetricEigen e = eig();
            int n = steps();
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                double s = e.vectors()[i][0];
                w[i] = s * s;
            }
            return new Quadrature(e.values().clone(), w);
        }

        private Spectrum pairs(int[] idx) {
            SymmetricEigen e = eig();
            int n = steps();
            double[] values = new double[idx.length];
            double[] residuals = new double[idx.length];
            boolean[] converged = new boolean[idx.length];
            List<Params> vectors = new ArrayList<>();
            for (int r = 0; r < idx.length; r++) {
                double[] s = e.vectors()[idx[r]];
                values[r] = e.values()[idx[r]];
                residuals[r] = Math.abs(beta[n - 1] * s[n - 1]);
                converged[r] = tolerance != null && tolerance.met(residuals[r], values[r]);
                double[] y = Vectors.combine(basis, s, n);
                Vectors.normalize(y);
                vectors.add(Vectors.params(template, y));
            }
            return new Spectrum(values, vectors, residuals, hvpCount, tolerance == null ? null : converged);
        }

        private SymmetricEigen eig() {
            if (ritz == null) {
                int n = steps();
                double[][] t = new double[n][n];
                for (int i = 0; i < n; i++) {
                    t[i][i] = alpha[i];
                    if (i + 1 < n) {
                        t[i][i + 1] = beta[i];
                        t[i + 1][i] = beta[i];
                    }
                }
                ritz = SymmetricEigen.of(t);
            }
            return ritz;
        }
    }
}
