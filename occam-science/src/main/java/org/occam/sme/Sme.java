package org.occam.sme;

/**
 * The stochastic modified equations of SGD with learning rate h and batch size b (examples drawn
 * uniformly with replacement) on E = (1/n)Σf_i (Li, Tai &amp; E 2017/2019; docs/sme.md):
 * dX = −∇Ẽ(X) dt + √(h/b)·B(X) dW, where B(X) has the columns (∇f_i(X) − ∇E(X))/√n, so that
 * B Bᵀ = Σ(X), the per-example gradient covariance. First order: Ẽ = E (weak error O(h));
 * second order: Ẽ = E + (h/4)‖∇E‖², drift −∇E − (h/2)∇²E∇E (weak error O(h²)).
 */
public final class Sme {
    private Sme() {
    }

    /**
     * The first-order SME (weak order 1).
     *
     * @param f the per-example losses
     * @param h the learning rate
     * @param batchSize b
     * @return the SDE
     */
    public static Sde firstOrder(ExampleLosses f, double h, int batchSize) {
        return of(f, h, batchSize, false);
    }

    /**
     * The second-order SME (weak order 2).
     *
     * @param f the per-example losses
     * @param h the learning rate
     * @param batchSize b
     * @return the SDE
     */
    public static Sde secondOrder(ExampleLosses f, double h, int batchSize) {
        return of(f, h, batchSize, true);
    }

    private static Sde of(ExampleLosses f, double h, int batchSize, boolean second) {
        if (!(h > 0) || batchSize < 1) {
            throw new IllegalArgumentException("the SME needs a learning rate h > 0 and a batch size >= 1, got h = " + h
                    + ", b = " + batchSize);
        }
        int d = f.dimension();
        int n = f.examples();
        double scale = Math.sqrt(h / batchSize / n);
        return new Sde(d, x -> {
            double[] g = f.meanGradient(x);
            double[] hg = second ? f.hessianTimes(x, g) : null;
            double[] mu = new double[d];
            for (int k = 0; k < d; k++) {
                mu[k] = -g[k] - (second ? h / 2 * hg[k] : 0);
            }
            return mu;
        }, x -> {
            double[] g = f.meanGradient(x);
            double[][] b = new double[d][n];
            for (int i = 0; i < n; i++) {
                double[] gi = f.gradient(x, i);
                for (int k = 0; k < d; k++) {
                    b[k][i] = scale * (gi[k] - g[k]);
                }
            }
            return b;
        });
    }
}
