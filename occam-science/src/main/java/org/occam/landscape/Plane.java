package org.occam.landscape;

import java.util.function.ToDoubleFunction;
import org.occam.autodiff.Params;
import org.occam.measure.Vectors;

/**
 * A 2-D slice of the loss: f(θ + α·d₁ + β·d₂) on a grid of (α, β) (Li et al. 2018;
 * docs/landscapes.md §2). The directions are random filter-normalized ones or the PCA plane of a
 * trajectory.
 *
 * @param alpha  grid coordinates along d₁
 * @param beta   grid coordinates along d₂
 * @param loss   loss[i][j] at (alpha[i], beta[j]): the first index runs along d₁
 */
public record Plane(double[] alpha, double[] beta, double[][] loss) {

    /**
     * Evaluates {@code f} at every grid point of the plane through {@code center} spanned by d1, d2.
     *
     * @param f the function of the parameters, e.g. the training loss
     * @param center the point at the plane's origin
     * @param d1 the first direction
     * @param d2 the second direction
     * @param alpha the coordinates along d1
     * @param beta the coordinates along d2
     * @return the values on the grid
     */
    public static Plane slice(ToDoubleFunction<Params> f, Params center, Params d1, Params d2, double[] alpha, double[] beta) {
        double[] c = Vectors.of(center);
        double[] u = Vectors.of(d1);
        double[] w = Vectors.of(d2);
        if (u.length != c.length || w.length != c.length) {
            throw new IllegalArgumentException("plane directions must be shaped like the center: " + u.length + ", "
                    + w.length + " vs " + c.length + " entries");
        }
        double[][] loss = new double[alpha.length][beta.length];
        double[] v = new double[c.length];
        for (int j = 0; j < beta.length; j++) {
            for (int i = 0; i < alpha.length; i++) {
                for (int k = 0; k < v.length; k++) {
                    v[k] = c[k] + alpha[i] * u[k] + beta[j] * w[k];
                }
                loss[i][j] = f.applyAsDouble(Vectors.params(center, v));
            }
        }
        return new Plane(alpha.clone(), beta.clone(), loss);
    }
}
