package org.occam.sme;

/**
 * Linear least squares f_i(θ) = ½(a_iᵀθ − y_i)² (docs/sme.md): ∇f_i = A_iθ − b_i with A_i = a_ia_iᵀ
 * and b_i = y_i·a_i, so SGD is an affine random map and its moments close.
 *
 * @param a the inputs a_i, n rows of dimension d
 * @param y the targets y_i
 */
public record LeastSquares(double[][] a, double[] y) implements ExampleLosses {

    /** Checks that there are as many targets as rows, and at least one. */
    public LeastSquares {
        if (a.length == 0 || a.length != y.length) {
            throw new IllegalArgumentException("least squares needs as many targets as inputs (at least one), got "
                    + a.length + " and " + y.length);
        }
        a = a.clone();
        y = y.clone();
    }

    @Override
    public int examples() {
        return a.length;
    }

    @Override
    public int dimension() {
        return a[0].length;
    }

    @Override
    public double[] gradient(double[] theta, int i) {
        double r = -y[i];
        for (int k = 0; k < theta.length; k++) {
            r += a[i][k] * theta[k];
        }
        double[] g = new double[theta.length];
        for (int k = 0; k < g.length; k++) {
            g[k] = r * a[i][k];
        }
        return g;
    }

    @Override
    public double[] hessianTimes(double[] theta, double[] v) {
        return LeastSquares.times(meanA(), v);
    }

    /**
     * Ā = (1/n)Σ a_ia_iᵀ, the (constant) Hessian of E.
     *
     * @return Ā, d × d
     */
    public double[][] meanA() {
        int d = dimension();
        double[][] m = new double[d][d];
        for (double[] row : a) {
            for (int p = 0; p < d; p++) {
                for (int q = 0; q < d; q++) {
                    m[p][q] += row[p] * row[q] / a.length;
                }
            }
        }
        return m;
    }

    /** A_i = a_ia_iᵀ. */
    double[][] outer(int i) {
        int d = dimension();
        double[][] m = new double[d][d];
        for (int p = 0; p < d; p++) {
            for (int q = 0; q < d; q++) {
                m[p][q] = a[i][p] * a[i][q];
            }
        }
        return m;
    }

    /** b_i = y_i·a_i. */
    double[] b(int i) {
        double[] v = new double[dimension()];
        for (int k = 0; k < v.length; k++) {
            v[k] = y[i] * a[i][k];
        }
        return v;
    }

    static double[] times(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int p = 0; p < m.length; p++) {
            for (int q = 0; q < v.length; q++) {
                out[p] += m[p][q] * v[q];
            }
        }
        return out;
    }
}
