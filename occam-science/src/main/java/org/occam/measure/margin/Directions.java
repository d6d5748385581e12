package org.occam.measure.margin;

import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/**
 * Directional convergence and alignment (Ji and Telgarsky; METHODS §9): the cosine between two
 * parameter vectors, e.g. cos(θ_t, θ_{2t}) → 1, and the alignment cos(θ, −∇L) → 1. All sums in
 * float64 whatever the parameters' dtype.
 */
public final class Directions {
    private Directions() {
    }

    /**
     * ‖θ‖₂ accumulated in float64.
     *
     * @param p θ
     * @return ‖θ‖₂
     */
    public static double norm(Params p) {
        return norm(values(p));
    }

    /**
     * cos∠(a, b) = ⟨a, b⟩/(‖a‖‖b‖) of two parameter trees of the same layout (NaN if one is zero).
     *
     * @param a a parameter tree
     * @param b a parameter tree
     * @return the cosine
     */
    public static double cosine(Params a, Params b) {
        return cosine(values(a), values(b));
    }

    /**
     * cos∠(a, b) of two vectors of equal length (NaN if one is zero).
     *
     * @param a a vector
     * @param b a vector
     * @return the cosine
     */
    public static double cosine(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("cosine of vectors of different lengths " + a.length + " and " + b.length);
        }
        double ab = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
        }
        double na = norm(a);
        double nb = norm(b);
        return na == 0 || nb == 0 ? Double.NaN : ab / (na * nb);
    }

    /**
     * The alignment cos∠(θ, −∇L(θ)) of the parameters with the negative gradient of {@code loss}.
     *
     * @param loss L
     * @param p θ
     * @return the cosine
     */
    public static double alignment(Function<Params, Tensor> loss, Params p) {
        return -cosine(p, Autodiff.grad(loss).apply(p));
    }

    /** The parameters flattened to float64, in the tree's order. */
    static double[] values(Params p) {
        return p.flatten().toDoubleArray();
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
