package org.occam.flow;

import java.util.List;
import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.measure.Hessians;
import org.occam.measure.Spectrum;
import org.occam.tensor.Tensor;

/**
 * The gradient g and the full Hessian eigendecomposition H = Σ λ_i u_i u_iᵀ of a loss at one
 * point, as flat float64 arrays: what every principal-flow evaluation starts from (METHODS §4.1,
 * "each integration step needs a full Hessian and its eigendecomposition"). The Hessian comes
 * from {@link Hessians#dense} (m HVPs, symmetric eigensolver), so the same size limit applies.
 *
 * @param gradient g, flattened
 * @param values   eigenvalues, largest first
 * @param vectors  vectors[i] = u_i, unit, flattened
 * @param hvps     HVPs spent (m)
 */
record LocalSpectrum(double[] gradient, double[] values, double[][] vectors, long hvps) {

    static LocalSpectrum dense(Function<Params, Tensor> loss, Params p) {
        double[] g = Autodiff.grad(loss).apply(p).flatten().toDoubleArray();
        Spectrum s = Hessians.dense(loss, p);
        List<Params> us = s.eigenvectors();
        double[][] u = new double[us.size()][];
        for (int i = 0; i < u.length; i++) {
            u[i] = us.get(i).flatten().toDoubleArray();
        }
        return new LocalSpectrum(g, s.eigenvalues(), u, s.hvpCount());
    }

    /** u_iᵀv for every i. */
    double[] coordinates(double[] v) {
        double[] c = new double[vectors.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = dot(vectors[i], v);
        }
        return c;
    }

    /** Σ_i c_i u_i. */
    double[] combine(double[] c) {
        double[] out = new double[gradient.length];
        for (int i = 0; i < c.length; i++) {
            double ci = c[i];
            if (ci != 0) {
                double[] u = vectors[i];
                for (int j = 0; j < out.length; j++) {
                    out[j] += ci * u[j];
                }
            }
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
