package org.occam.sme;

/**
 * A finite-sum loss E(θ) = (1/n)Σ_i f_i(θ) on a flat parameter vector, as the stochastic
 * modified equation sees it (docs/sme.md): per-example gradients and Hessian-vector products of E.
 */
public interface ExampleLosses {

    /**
     * The number n of examples.
     *
     * @return n
     */
    int examples();

    /**
     * The dimension of θ.
     *
     * @return the number of parameters
     */
    int dimension();

    /**
     * ∇f_i(θ).
     *
     * @param theta θ
     * @param i the example
     * @return the gradient of example i's loss
     */
    double[] gradient(double[] theta, int i);

    /**
     * ∇²E(θ)·v.
     *
     * @param theta θ
     * @param v the vector
     * @return the Hessian of the mean loss times v
     */
    double[] hessianTimes(double[] theta, double[] v);

    /**
     * ∇E(θ) = (1/n)Σ_i ∇f_i(θ).
     *
     * @param theta θ
     * @return the mean gradient
     */
    default double[] meanGradient(double[] theta) {
        double[] g = new double[dimension()];
        for (int i = 0; i < examples(); i++) {
            double[] gi = gradient(theta, i);
            for (int k = 0; k < g.length; k++) {
                g[k] += gi[k] / examples();
            }
        }
        return g;
    }
}
