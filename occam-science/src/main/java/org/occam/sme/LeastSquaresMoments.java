package org.occam.sme;

/**
 * Exact first and second moments of SGD and of its stochastic modified equations on
 * {@link LeastSquares} (docs/sme.md). Both processes are affine in θ with noise covariance
 * quadratic in θ, so m = E[θ] and M = E[θθᵀ] follow closed recursions: SGD's exactly, step by
 * step; the SME's as a linear ODE, integrated here by RK4 with a fine step (error O(Δt⁴)).
 */
public final class LeastSquaresMoments {

    /**
     * The mean m and second moment M = E[θθᵀ].
     *
     * @param mean m = E[θ]
     * @param second M = E[θθᵀ]
     */
    public record Moments(double[] mean, double[][] second) {
        /**
         * E‖θ‖² = tr M.
         *
         * @return the trace of M
         */
        public double meanSquaredNorm() {
            double s = 0;
            for (int k = 0; k < mean.length; k++) {
                s += second[k][k];
            }
            return s;
        }
    }

    private final LeastSquares f;
    private final double[][] abar;
    private final double[] bbar;

    /**
     * The moments of the least-squares problem f.
     *
     * @param f the problem (1/2n)Σ(a_iᵀθ − y_i)²
     */
    public LeastSquaresMoments(LeastSquares f) {
        this.f = f;
        this.abar = f.meanA();
        int d = f.dimension();
        this.bbar = new double[d];
        for (int i = 0; i < f.examples(); i++) {
            double[] b = f.b(i);
            for (int k = 0; k < d; k++) {
                bbar[k] += b[k] / f.examples();
            }
        }
    }

    /**
     * The moments of θ_n after {@code steps} SGD steps of rate h and batch b (with replacement) from θ0.
     *
     * @param theta0 the starting point θ0
     * @param h the learning rate
     * @param batchSize b
     * @param steps the number of SGD steps
     * @return the exact moments of θ_steps
     */
    public Moments sgd(double[] theta0, double h, int batchSize, int steps) {
        double[] m = theta0.clone();
        double[][] mm = outer(theta0, theta0);
        for (int s = 0; s < steps; s++) {
            double[][] gTheta = sub(times(abar, mm), outer(bbar, m)); // E[∇E θᵀ]
            double[][] gg = meanGradOuter(m, mm);
            double[][] sigma = sub(exampleGradOuter(m, mm), gg);
            double[][] next = new double[m.length][m.length];
            for (int p = 0; p < m.length; p++) {
                for (int q = 0; q < m.length; q++) {
                    next[p][q] = mm[p][q] - h * (gTheta[p][q] + gTheta[q][p]) + h * h * (gg[p][q] + sigma[p][q] / batchSize);
                }
            }
            double[] am = LeastSquares.times(abar, m);
            for (int k = 0; k < m.length; k++) {
                m[k] -= h * (am[k] - bbar[k]);
            }
            mm = next;
        }
        return new Moments(m, mm);
    }

    /**
     * The moments of X_T of the first- ({@code second} false) or second-order SME, RK4 with {@code rk4Steps} steps.
     *
     * @param x0 the starting point
     * @param h the learning rate the SME models
     * @param batchSize b
     * @param time T
     * @param second whether to take the second-order SME
     * @param rk4Steps RK4 steps of the moment equations
     * @return the moments of X_T
     */
    public Moments sme(double[] x0, double h, int batchSize, double time, boolean second, int rk4Steps) {
        int d = x0.length;
        double[][] dmat = second ? add(abar, scale(times(abar, abar), h / 2)) : abar;
        double[] c = second ? addv(bbar, scalev(LeastSquares.times(abar, bbar), h / 2)) : bbar;
        double dt = time / rk4Steps;
        double[] y = pack(x0, outer(x0, x0));
        for (int s = 0; s < rk4Steps; s++) {
            double[] k1 = rate(y, dmat, c, h, batchSize, d);
            double[] k2 = rate(axpy(y, k1, dt / 2), dmat, c, h, batchSize, d);
            double[] k3 = rate(axpy(y, k2, dt / 2), dmat, c, h, batchSize, d);
            double[] k4 = rate(axpy(y, k3, dt), dmat, c, h, batchSize, d);
            for (int k = 0; k < y.length; k++) {
                y[k] += dt / 6 * (k1[k] + 2 * k2[k] + 2 * k3[k] + k4[k]);
            }
        }
        return unpack(y, d);
    }

    /** dm/dt = −Dm + c, dM/dt = −DM − MDᵀ + cmᵀ + mcᵀ + (h/b)·E[Σ(X)]. */
    private double[] rate(double[] y, double[][] dmat, double[] c, double h, int batchSize, int d) {
        Moments mo = unpack(y, d);
        double[] m = mo.mean();
        double[][] mm = mo.second();
        double[] dm = addv(scalev(LeastSquares.times(dmat, m), -1), c);
        double[][] sigma = sub(exampleGradOuter(m, mm), meanGradOuter(m, mm));
        double[][] dmm = new double[d][d];
        double[][] dM = times(dmat, mm);
        for (int p = 0; p < d; p++) {
            for (int q = 0; q < d; q++) {
                dmm[p][q] = -dM[p][q] - dM[q][p] + c[p] * m[q] + m[p] * c[q] + h / batchSize * sigma[p][q];
            }
        }
        return pack(dm, dmm);
    }

    /** E[∇E∇Eᵀ] = ĀMĀ − Āmb̄ᵀ − b̄mᵀĀ + b̄b̄ᵀ. */
    private double[][] meanGradOuter(double[] m, double[][] mm) {
        return quadratic(abar, bbar, m, mm);
    }

    /** (1/n)Σ_i E[∇f_i∇f_iᵀ]. */
    private double[][] exampleGradOuter(double[] m, double[][] mm) {
        int d = m.length;
        double[][] out = new double[d][d];
        for (int i = 0; i < f.examples(); i++) {
            double[][] q = quadratic(f.outer(i), f.b(i), m, mm);
            for (int p = 0; p < d; p++) {
                for (int r = 0; r < d; r++) {
                    out[p][r] += q[p][r] / f.examples();
                }
            }
        }
        return out;
    }

    /** E[(Aθ − b)(Aθ − b)ᵀ] for symmetric A. */
    private static double[][] quadratic(double[][] a, double[] b, double[] m, double[][] mm) {
        double[][] ama = times(times(a, mm), a);
        double[] am = LeastSquares.times(a, m);
        int d = m.length;
        double[][] out = new double[d][d];
        for (int p = 0; p < d; p++) {
            for (int q = 0; q < d; q++) {
                out[p][q] = ama[p][q] - am[p] * b[q] - b[p] * am[q] + b[p] * b[q];
            }
        }
        return out;
    }

    private static double[][] times(double[][] a, double[][] b) {
        int d = a.length;
        double[][] out = new double[d][d];
        for (int p = 0; p < d; p++) {
            for (int k = 0; k < d; k++) {
                for (int q = 0; q < d; q++) {
                    out[p][q] += a[p][k] * b[k][q];
                }
            }
        }
        return out;
    }

    private static double[][] outer(double[] u, double[] v) {
        double[][] out = new double[u.length][v.length];
        for (int p = 0; p < u.length; p++) {
            for (int q = 0; q < v.length; q++) {
                out[p][q] = u[p] * v[q];
            }
        }
        return out;
    }

    private static double[][] sub(double[][] a, double[][] b) {
        return add(a, scale(b, -1));
    }

    private static double[][] add(double[][] a, double[][] b) {
        double[][] out = new double[a.length][a.length];
        for (int p = 0; p < a.length; p++) {
            for (int q = 0; q < a.length; q++) {
                out[p][q] = a[p][q] + b[p][q];
            }
        }
        return out;
    }

    private static double[][] scale(double[][] a, double s) {
        double[][] out = new double[a.length][a.length];
        for (int p = 0; p < a.length; p++) {
            for (int q = 0; q < a.length; q++) {
                out[p][q] = a[p][q] * s;
            }
        }
        return out;
    }

    private static double[] addv(double[] a, double[] b) {
        double[] out = a.clone();
        for (int k = 0; k < a.length; k++) {
            out[k] += b[k];
        }
        return out;
    }

    private static double[] scalev(double[] a, double s) {
        double[] out = a.clone();
        for (int k = 0; k < a.length; k++) {
            out[k] *= s;
        }
        return out;
    }

    private static double[] axpy(double[] y, double[] k, double a) {
        double[] out = y.clone();
        for (int i = 0; i < y.length; i++) {
            out[i] += a * k[i];
        }
        return out;
    }

    private static double[] pack(double[] m, double[][] mm) {
        int d = m.length;
        double[] y = new double[d + d * d];
        System.arraycopy(m, 0, y, 0, d);
        for (int p = 0; p < d; p++) {
            System.arraycopy(mm[p], 0, y, d + p * d, d);
        }
        return y;
    }

    private static Moments unpack(double[] y, int d) {
        double[] m = new double[d];
        System.arraycopy(y, 0, m, 0, d);
        double[][] mm = new double[d][d];
        for (int p = 0; p < d; p++) {
            System.arraycopy(y, d + p * d, mm[p], 0, d);
        }
        return new Moments(m, mm);
    }
}
