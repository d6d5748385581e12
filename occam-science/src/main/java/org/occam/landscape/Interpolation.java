package org.occam.landscape;

import java.util.function.ToDoubleFunction;
import org.occam.autodiff.Params;
import org.occam.measure.Vectors;

/**
 * The loss along the straight line θ(t) = (1 − t)·θ_a + t·θ_b (Goodfellow, Vinyals and Saxe 2015;
 * docs/landscapes.md §1): t = 0 is θ_a, t = 1 is θ_b; values of t outside [0, 1] extrapolate.
 *
 * @param t    the positions along the line
 * @param loss the loss at each position
 */
public record Interpolation(double[] t, double[] loss) {

    /**
     * Evaluates {@code f} at θ(t) for every t in {@code ts}.
     *
     * @param f the function of the parameters, e.g. the training loss
     * @param a the start θ(0)
     * @param b the end θ(1)
     * @param ts the points t of θ(t) = (1 − t)a + tb
     * @return the values at each t
     */
    public static Interpolation between(ToDoubleFunction<Params> f, Params a, Params b, double[] ts) {
        double[] va = Vectors.of(a);
        double[] vb = Vectors.of(b);
        double[] loss = new double[ts.length];
        double[] v = new double[va.length];
        for (int k = 0; k < ts.length; k++) {
            double t = ts[k];
            for (int i = 0; i < v.length; i++) {
                v[i] = va[i] + t * (vb[i] - va[i]);
            }
            loss[k] = f.applyAsDouble(Vectors.params(a, v));
        }
        return new Interpolation(ts.clone(), loss);
    }

    /**
     * n evenly spaced points from {@code lo} to {@code hi} inclusive.
     *
     * @param lo the first point
     * @param hi the last point
     * @param n the number of points
     * @return the points
     */
    public static double[] linspace(double lo, double hi, int n) {
        if (n < 2 || !(hi > lo)) {
            throw new IllegalArgumentException("linspace needs n >= 2 and hi > lo, got n=" + n + ", [" + lo + ", " + hi + "]");
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = lo + (hi - lo) * i / (n - 1);
        }
        return x;
    }
}
