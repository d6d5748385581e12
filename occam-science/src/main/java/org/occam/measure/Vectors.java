package org.occam.measure;

import org.occam.autodiff.Params;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * Dense float64 vector arithmetic for the Krylov and Monte-Carlo estimators: the operator runs on
 * parameter trees in the model's dtype, while bases, dot products and reorthogonalization stay in
 * double precision (METHODS §0.1, "top eigenpair"); the landscapes (docs/landscapes.md) use the same
 * flattening and products.
 */
public final class Vectors {
    private Vectors() {
    }

    /**
     * Σ a_i b_i with four partial sums (more instruction-level parallelism, and no less accurate).
     *
     * @param a a vector
     * @param b a vector
     * @return the inner product
     */
    public static double dot(double[] a, double[] b) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n = a.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * ‖a‖₂.
     *
     * @param a a vector
     * @return its norm
     */
    public static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** y += s·x. */
    static void axpy(double s, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += s * x[i];
        }
    }

    /** x *= s, in place. */
    static void scale(double[] x, double s) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= s;
        }
    }

    /** A standard normal vector. */
    static double[] normal(Rng rng, int n) {
        return rng.normal(DType.FLOAT64, 0, 1, n).toDoubleArray();
    }

    /** A Rademacher vector (±1 with equal probability): 2·bernoulli(½) − 1. */
    static double[] rademacher(Rng rng, int n) {
        double[] v = rng.bernoulli(DType.FLOAT64, 0.5, n).toDoubleArray();
        for (int i = 0; i < n; i++) {
            v[i] = 2 * v[i] - 1;
        }
        return v;
    }

    /**
     * v/‖v‖ in place; returns the norm.
     *
     * @param v the vector, normalized in place
     * @return its norm before
     */
    public static double normalize(double[] v) {
        double n = norm(v);
        if (n > 0) {
            scale(v, 1 / n);
        }
        return n;
    }

    /**
     * The tree flattened to doubles.
     *
     * @param p the tree
     * @return the flat values
     */
    public static double[] of(Params p) {
        return p.flatten().toDoubleArray();
    }

    /**
     * A tree shaped like the template holding the values (in the template's dtype).
     *
     * @param template the names, shapes and dtype
     * @param v the values
     * @return the tree
     */
    public static Params params(Params template, double[] v) {
        return template.unflatten(Tensor.of(template.dtype(), v, v.length));
    }

    /** Linear combination Σ_j c_j·basis_j. */
    static double[] combine(double[][] basis, double[] coefficients, int count) {
        double[] y = new double[basis[0].length];
        for (int j = 0; j < count; j++) {
            axpy(coefficients[j], basis[j], y);
        }
        return y;
    }
}
