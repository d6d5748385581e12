package org.occam.flow;

import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.occam.autodiff.Params;
import org.occam.tensor.DType;
import org.occam.tensor.Tensor;

/**
 * The classical fourth-order Runge–Kutta method with a fixed number of equal substeps: global
 * error O(dt⁴). The backward-error-analysis checks (METHODS §0, §11) integrate a candidate
 * modified flow over one step's time with enough substeps that this error is negligible next to
 * the O(h³) local errors being measured. A negative span integrates backward in time.
 */
public final class Rk4 {
    private Rk4() {
    }

    /** A possibly time-dependent vector field y' = f(t, y) on a flat state. */
    @FunctionalInterface
    public interface Field {
        /**
         * The derivative at time t and state y.
         *
         * @param t the time
         * @param y the state
         * @return y'
         */
        double[] at(double t, double[] y);
    }

    /**
     * One RK4 step of size dt from (t, y).
     *
     * @param f the field
     * @param t the time
     * @param y the state
     * @param dt the step size
     * @return the state at t + dt
     */
    public static double[] step(Field f, double t, double[] y, double dt) {
        int n = y.length;
        double[] k1 = check(f.at(t, y), n);
        double[] k2 = check(f.at(t + dt / 2, axpy(y, dt / 2, k1)), n);
        double[] k3 = check(f.at(t + dt / 2, axpy(y, dt / 2, k2)), n);
        double[] k4 = check(f.at(t + dt, axpy(y, dt, k3)), n);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = y[i] + dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
        return out;
    }

    /**
     * y(t0 + span) from y(t0) = y0 with {@code substeps} equal RK4 steps.
     *
     * @param f the field
     * @param t0 the start time
     * @param y0 the start state
     * @param span the time to integrate over
     * @param substeps the number of steps
     * @return the state at t0 + span
     */
    public static double[] integrate(Field f, double t0, double[] y0, double span, int substeps) {
        if (substeps <= 0) {
            throw new IllegalArgumentException("RK4 needs at least one substep, got " + substeps);
        }
        if (!Double.isFinite(span)) {
            throw new IllegalArgumentException("time span must be finite, got " + span);
        }
        double dt = span / substeps;
        double[] y = y0.clone();
        for (int s = 0; s < substeps; s++) {
            y = step(f, t0 + s * dt, y, dt);
        }
        return y;
    }

    /**
     * An autonomous field y' = f(y) over time span from y0.
     *
     * @param f the field
     * @param y0 the start state
     * @param span the time to integrate over
     * @param substeps the number of steps
     * @return the state at time span
     */
    public static double[] integrate(UnaryOperator<double[]> f, double[] y0, double span, int substeps) {
        return integrate((t, y) -> f.apply(y), 0, y0, span, substeps);
    }

    /**
     * An autonomous field on a parameter tree, θ̇ = field(θ), integrated on the flattened vector
     * (in the tree's dtype; use float64 for order checks).
     *
     * @param field the vector field
     * @param y0 the start tree
     * @param span the time to integrate over
     * @param substeps the number of steps
     * @return the tree at time span
     */
    public static Params integrate(Function<Params, Params> field, Params y0, double span, int substeps) {
        DType dtype = y0.dtype();
        int n = y0.numel();
        UnaryOperator<double[]> f = y -> field.apply(y0.unflatten(Tensor.of(dtype, y, n))).flatten().toDoubleArray();
        double[] out = integrate(f, y0.flatten().toDoubleArray(), span, substeps);
        return y0.unflatten(Tensor.of(dtype, out, n));
    }

    private static double[] axpy(double[] y, double a, double[] k) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] + a * k[i];
        }
        return out;
    }

    private static double[] check(double[] k, int n) {
        if (k == null || k.length != n) {
            throw new IllegalArgumentException("vector field returned " + (k == null ? "null" : k.length + " values")
                    + " for a state of " + n);
        }
        return k;
    }
}
