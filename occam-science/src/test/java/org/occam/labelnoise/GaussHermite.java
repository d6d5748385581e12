package org.occam.labelnoise;

import org.occam.measure.SymmetricEigen;

/**
 * Gauss–Hermite quadrature for a standard normal: E[f(ξ)] ≈ Σ w_i f(x_i), exact for polynomials
 * of degree ≤ 2n − 1. Nodes are the eigenvalues of the Jacobi matrix of the probabilists' Hermite
 * polynomials (off-diagonal √k); weights are the Christoffel numbers 1/Σ_{k<n} He_k(x)²/k!,
 * computed with the orthonormal recurrence.
 */
record GaussHermite(double[] nodes, double[] weights) {

    static GaussHermite of(int n) {
        double[][] j = new double[n][n];
        for (int k = 1; k < n; k++) {
            j[k][k - 1] = Math.sqrt(k);
            j[k - 1][k] = Math.sqrt(k);
        }
        double[] x = SymmetricEigen.of(j).values().clone();
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            // Christoffel weight 1 / Σ_{k<n} p_k(x)² with orthonormal p_k = He_k/√(k!)
            double pPrev = 0;
            double p = 1;
            double s = 1;
            for (int k = 1; k < n; k++) {
                double next = (x[i] * p - Math.sqrt(k - 1) * pPrev) / Math.sqrt(k);
                pPrev = p;
                p = next;
                s += p * p;
            }
            w[i] = 1 / s;
        }
        return new GaussHermite(x, w);
    }
}
