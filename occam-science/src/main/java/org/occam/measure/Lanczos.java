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

    /** Gauss quadrature of a start vector's spectral measure: Σ_i w_i δ(λ − θ_i), Σ w_i = ‖v₀‖² = 1. */
    public record Quadrature(double[] nodes, double[] weights) {
    }

    /** n steps from a standard normal start vector, restarting at breakdown (for eigenvalue search). */
    public static Run run(LinearOperator op, int steps, Rng rng) {
        return run(op, Vectors.normal(rng, op.dim()), steps, true, rng);
    }

    /**
     * n = min(steps, dim) steps from the given start vector (normalized here).
     *
     * @param restartOnBreakdown restart with a random direction (drawn from rng) when the Krylov
     *                           space is invariant; otherwise stop early
     */
    public static Run run(LinearOperator op, double[] start, int steps, boolean restartOnBreakdown, Rng rng) {
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
                q = w;
                Vectors.scale(q, 1 / b);
            }
        }
        return new Run(op.template(), Arrays.copyOf(alpha, n), Arrays.copyOf(beta, n),
                Arrays.copyOf(basis, n), op.applications() - before);
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
        private SymmetricEigen ritz;

        private Run(Params template, double[] alpha, double[] beta, double[][] basis, long hvpCount) {
            this.template = template;
            this.alpha = alpha;
            this.beta = beta;
            this.basis = basis;
            this.hvpCount = hvpCount;
        }

        /** Number of steps taken (the size of T). */
        public int steps() {
            return alpha.length;
        }

        /** Operator applications spent (one per step). */
        public long hvpCount() {
            return hvpCount;
        }

        /** Diagonal of T. */
        public double[] alphas() {
            return alpha.clone();
        }

        /** β_1..β_n: β_j couples steps j and j+1; β_n is the residual coupling ‖r_n‖ left after the last step. */
        public double[] betas() {
            return beta.clone();
        }

        /** All Ritz values, largest first. */
        public double[] ritzValues() {
            return eig().values().clone();
        }

        /**
         * The k largest Ritz pairs (at most {@link #steps()}), largest first. Residual norms are the Lanczos estimate
         * ‖A y − θ y‖ = β_n |s_n| (s the eigenvector of T), exact up to round-off under full
         * reorthogonalization, so they cost no extra HVPs.
         */
        public Spectrum top(int k) {
            int n = steps();
            int[] idx = new int[Math.min(k, n)];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            return pairs(idx);
        }

        /** The k smallest (most negative) Ritz pairs, most negative first. */
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
            List<Params> vectors = new ArrayList<>();
            for (int r = 0; r < idx.length; r++) {
                double[] s = e.vectors()[idx[r]];
                values[r] = e.values()[idx[r]];
                residuals[r] = Math.abs(beta[n - 1] * s[n - 1]);
                double[] y = Vectors.combine(basis, s, n);
                Vectors.normalize(y);
                vectors.add(Vectors.params(template, y));
            }
            return new Spectrum(values, vectors, residuals, hvpCount);
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
