package org.occam.flow;

import java.util.Arrays;
import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.tensor.DType;
import org.occam.tensor.Tensor;

/**
 * The adaptive Dormand–Prince 5(4) Runge–Kutta method (Dormand &amp; Prince 1980; the DOPRI5 of
 * Hairer, Nørsett &amp; Wanner, <i>Solving ODEs I</i>, §II.4–II.6) in float64 on a flat state.
 * Seven stages, first-same-as-last, so six field evaluations per accepted step.
 *
 * <ul>
 *   <li><b>Error control.</b> The embedded 4th-order solution gives the estimate
 *       err = √(mean_i (e_i / (atol + rtol·max(|y_i|, |y_i'|)))²) of the local error of the 4th-order
 *       solution; a step is accepted when err ≤ 1 and the 5th-order solution is propagated
 *       (local extrapolation).</li>
 *   <li><b>Step-size control.</b> dt ← dt·clamp(0.9·err^(−1/5), 0.2, 10) (no growth right after a
 *       rejection), started from Hairer's initial-step heuristic unless an initial step is given.</li>
 *   <li><b>Dense output.</b> The standard 4th-order continuous extension of DOPRI5 evaluates the
 *       solution anywhere inside an accepted step, so requested times (e.g. t = nh, to compare with
 *       the n-th GD iterate) never shorten the steps. With {@link Options#denseOutput()} off, steps
 *       are clipped to land on the requested times instead and those values are 5th-order
 *       solutions.</li>
 * </ul>
 *
 * Integration stops early, with the reason in {@link Solution#stopReason()} and NaN for the
 * remaining times, when the state stops being finite (a diverging flow), when the step size
 * underflows, or after {@link Options#maxSteps()} attempted steps. The backward-error checks of
 * METHODS §0 and §11 need float64 throughout; this class never rounds to float32.
 */
public final class DormandPrince {
    // nodes
    private static final double C2 = 1.0 / 5;
    private static final double C3 = 3.0 / 10;
    private static final double C4 = 4.0 / 5;
    private static final double C5 = 8.0 / 9;
    // coupling coefficients
    private static final double A21 = 1.0 / 5;
    private static final double A31 = 3.0 / 40;
    private static final double A32 = 9.0 / 40;
    private static final double A41 = 44.0 / 45;
    private static final double A42 = -56.0 / 15;
    private static final double A43 = 32.0 / 9;
    private static final double A51 = 19372.0 / 6561;
    private static final double A52 = -25360.0 / 2187;
    private static final double A53 = 64448.0 / 6561;
    private static final double A54 = -212.0 / 729;
    private static final double A61 = 9017.0 / 3168;
    private static final double A62 = -355.0 / 33;
    private static final double A63 = 46732.0 / 5247;
    private static final double A64 = 49.0 / 176;
    private static final double A65 = -5103.0 / 18656;
    // 5th-order weights (the last row of the tableau; b2 = b7 = 0)
    private static final double B1 = 35.0 / 384;
    private static final double B3 = 500.0 / 1113;
    private static final double B4 = 125.0 / 192;
    private static final double B5 = -2187.0 / 6784;
    private static final double B6 = 11.0 / 84;
    // b(5th) − b(4th): the error estimate
    private static final double E1 = 71.0 / 57600;
    private static final double E3 = -71.0 / 16695;
    private static final double E4 = 71.0 / 1920;
    private static final double E5 = -17253.0 / 339200;
    private static final double E6 = 22.0 / 525;
    private static final double E7 = -1.0 / 40;
    // dense output (Hairer's contd5)
    private static final double D1 = -12715105075.0 / 11282082432.0;
    private static final double D3 = 87487479700.0 / 32700410799.0;
    private static final double D4 = -10690763975.0 / 1880347072.0;
    private static final double D5 = 701980252875.0 / 199316789632.0;
    private static final double D6 = -1453857185.0 / 822651844.0;
    private static final double D7 = 69997945.0 / 29380423.0;

    private DormandPrince() {
    }

    /**
     * Tolerances and limits.
     *
     * @param rtol        relative tolerance (&gt; 0)
     * @param atol        absolute tolerance (≥ 0; rtol and atol are not both 0)
     * @param initialStep first step size, or 0 for the automatic choice
     * @param maxStep     largest step size, or 0 for no limit
     * @param maxSteps    most attempted steps (accepted + rejected) before giving up
     * @param denseOutput evaluate requested times by the continuous extension (true) or land on them (false)
     */
    public record Options(double rtol, double atol, double initialStep, double maxStep, int maxSteps,
            boolean denseOutput) {
        /** Checks non-negative tolerances, not both zero, and non-negative step limits. */
        public Options {
            if (!(rtol >= 0) || !(atol >= 0) || rtol + atol == 0) {
                throw new IllegalArgumentException("tolerances must be non-negative and not both zero: rtol = " + rtol
                        + ", atol = " + atol);
            }
            if (!(initialStep >= 0) || !(maxStep >= 0) || maxSteps < 1) {
                throw new IllegalArgumentException("initialStep and maxStep must be >= 0 and maxSteps >= 1");
            }
        }

        /**
         * rtol 1e-8, atol 1e-10, automatic first step, no step limit, 10⁶ steps, dense output.
         *
         * @return the options
         */
        public static Options defaults() {
            return tolerances(1e-8, 1e-10);
        }

        /**
         * The defaults with these tolerances.
         *
         * @param rtol the relative tolerance
         * @param atol the absolute tolerance
         * @return the options
         */
        public static Options tolerances(double rtol, double atol) {
            return new Options(rtol, atol, 0, 0, 1_000_000, true);
        }

        /**
         * The same options with a largest step size.
         *
         * @param dt the largest step (0: no limit)
         * @return the options
         */
        public Options withMaxStep(double dt) {
            return new Options(rtol, atol, initialStep, dt, maxSteps, denseOutput);
        }

        /**
         * The same options with a first step size.
         *
         * @param dt the first step (0: automatic)
         * @return the options
         */
        public Options withInitialStep(double dt) {
            return new Options(rtol, atol, dt, maxStep, maxSteps, denseOutput);
        }

        /**
         * The same options with another limit on attempted steps.
         *
         * @param n the most attempted steps
         * @return the options
         */
        public Options withMaxSteps(int n) {
            return new Options(rtol, atol, initialStep, maxStep, n, denseOutput);
        }

        /**
         * The same options, with or without dense output.
         *
         * @param on whether to use the continuous extension
         * @return the options
         */
        public Options withDenseOutput(boolean on) {
            return new Options(rtol, atol, initialStep, maxStep, maxSteps, on);
        }
    }

    /**
     * The solution at the requested times and what it cost.
     *
     * @param times       the requested times
     * @param states      states[k] = y(times[k]); NaN rows after an early stop
     * @param accepted    accepted steps
     * @param rejected    rejected steps
     * @param evaluations field evaluations
     * @param stopReason  null when every requested time was reached, else why integration stopped
     */
    public record Solution(double[] times, double[][] states, int accepted, int rejected, long evaluations,
            String stopReason) {
        /**
         * Whether every requested time was reached.
         *
         * @return whether the integration completed
         */
        public boolean completed() {
            return stopReason == null;
        }

        /**
         * The state at the last requested time.
         *
         * @return the last state
         */
        public double[] last() {
            return states[states.length - 1];
        }
    }

    /**
     * One step of size dt from (t, y): {@code [y5, err]} with y5 the 5th-order solution and err the
     * embedded error estimate y5 − y4 (unscaled). For order checks with fixed steps.
     *
     * @param f the field
     * @param t the time
     * @param y the state
     * @param dt the step size
     * @return {y5, err}
     */
    public static double[][] step(Rk4.Field f, double t, double[] y, double dt) {
        Stages s = new Stages(y.length);
        double[] k1 = check(f.at(t, y), y.length);
        s.attempt(f, t, y, k1, dt);
        return new double[][] {s.y1, s.error(dt)};
    }

    /**
     * y(t0 + span) with {@code steps} fixed steps of the 5th-order method (no error control).
     *
     * @param f the field
     * @param t0 the start time
     * @param y0 the start state
     * @param span the time to integrate over
     * @param steps the number of steps
     * @return the state at t0 + span
     */
    public static double[] integrateFixed(Rk4.Field f, double t0, double[] y0, double span, int steps) {
        if (steps <= 0) {
            throw new IllegalArgumentException("need at least one step, got " + steps);
        }
        double dt = span / steps;
        double[] y = y0.clone();
        for (int i = 0; i < steps; i++) {
            y = step(f, t0 + i * dt, y, dt)[0];
        }
        return y;
    }

    /**
     * y(t1) from y(t0) = y0 with error control.
     *
     * @param f the field
     * @param t0 the start time
     * @param y0 the start state
     * @param t1 the end time
     * @param o the tolerances and limits
     * @return y(t1)
     */
    public static double[] integrate(Rk4.Field f, double t0, double[] y0, double t1, Options o) {
        Solution s = solve(f, t0, y0, new double[] {t1}, o);
        if (!s.completed()) {
            throw new IllegalStateException("Dormand-Prince stopped before t = " + t1 + ": " + s.stopReason());
        }
        return s.last();
    }

    /**
     * An autonomous field on a parameter tree, integrated on its flattened float64 vector up to time span.
     *
     * @param field the vector field
     * @param y0 the start tree
     * @param span the time to integrate over
     * @param o the tolerances and limits
     * @return the tree at time span
     */
    public static Params integrate(Function<Params, Params> field, Params y0, double span, Options o) {
        DType dtype = y0.dtype();
        int n = y0.numel();
        Rk4.Field f = (t, y) -> field.apply(y0.unflatten(Tensor.of(dtype, y, n))).flatten().toDoubleArray();
        double[] out = integrate(f, 0, y0.flatten().toDoubleArray(), span, o);
        return y0.unflatten(Tensor.of(dtype, out, n));
    }

    /**
     * The solution at each of {@code times} (non-decreasing, all ≥ t0, or all ≤ t0 and
     * non-increasing to integrate backward) from y(t0) = y0.
     *
     * @param f the field
     * @param t0 the start time
     * @param y0 the start state
     * @param times the requested times
     * @param o the tolerances and limits
     * @return the states at those times, with the step counts
     */
    public static Solution solve(Rk4.Field f, double t0, double[] y0, double[] times, Options o) {
        int n = y0.length;
        int m = times.length;
        double[][] out = new double[m][];
        if (m == 0) {
            return new Solution(times.clone(), out, 0, 0, 0, null);
        }
        double tEnd = times[m - 1];
        double dir = tEnd >= t0 ? 1 : -1;
        double prev = t0;
        for (double t : times) {
            if (!Double.isFinite(t) || (t - prev) * dir < 0) {
                throw new IllegalArgumentException("output times must be finite and ordered away from t0 = " + t0 + ": "
                        + Arrays.toString(times));
            }
            prev = t;
        }
        if (!allFinite(y0)) {
            throw new IllegalArgumentException("initial state is not finite");
        }
        int next = 0;
        while (next < m && times[next] == t0) {
            out[next++] = y0.clone();
        }
        double t = t0;
        double[] y = y0.clone();
        double[] k1 = check(f.at(t, y), n);
        long evals = 1;
        int accepted = 0;
        int rejected = 0;
        String stop = null;
        if (!allFinite(k1)) {
            stop = "the vector field is not finite at t = " + t;
        }
        double dt = stop != null || next == m ? 0 : o.initialStep() > 0 ? o.initialStep()
                : initialStep(f, t, y, k1, dir, o, Math.abs(tEnd - t0));
        if (o.initialStep() <= 0 && stop == null && next < m) {
            evals++;
        }
        double maxStep = o.maxStep() > 0 ? o.maxStep() : Math.abs(tEnd - t0);
        dt = Math.min(dt, maxStep);
        Stages s = new Stages(n);
        boolean lastRejected = false;
        while (stop == null && next < m) {
            if (accepted + rejected >= o.maxSteps()) {
                stop = "gave up after " + o.maxSteps() + " steps at t = " + t;
                break;
            }
            double target = o.denseOutput() ? tEnd : times[next];
            double remaining = Math.abs(target - t);
            boolean landing = dt >= remaining * (1 - 1e-12);
            double h = dir * (landing ? remaining : dt);
            if (Math.abs(h) <= 1e-14 * Math.max(1, Math.abs(t))) {
                stop = "step size underflow at t = " + t;
                break;
            }
            s.attempt(f, t, y, k1, h);
            evals += 6;
            double err = s.errorNorm(h, y, o.rtol(), o.atol());
            if (!(err <= 1) || !allFinite(s.y1)) {
                rejected++;
                if (!allFinite(s.y1) && Math.abs(h) <= 1e-10 * Math.max(1, Math.abs(t))) {
                    stop = "the state stopped being finite at t = " + t;
                    break;
                }
                double fac = Double.isFinite(err) ? Math.max(0.2, 0.9 * Math.pow(err, -0.2)) : 0.1;
                dt = Math.abs(h) * Math.min(1, fac);
                lastRejected = true;
                continue;
            }
            accepted++;
            double tNew = landing ? target : t + h;
            while (next < m && (times[next] - tNew) * dir <= 0) {
                double tk = times[next];
                out[next++] = tk == tNew ? s.y1.clone() : s.dense(t, h, y, k1, tk);
            }
            t = tNew;
            y = s.y1.clone();
            k1 = s.k7.clone();
            if (!allFinite(k1)) {
                stop = "the vector field stopped being finite at t = " + t;
                break;
            }
            double fac = err == 0 ? 10 : Math.min(10, Math.max(0.2, 0.9 * Math.pow(err, -0.2)));
            if (lastRejected) {
                fac = Math.min(1, fac);
            }
            lastRejected = false;
            dt = Math.min(maxStep, Math.abs(h) * fac);
        }
        for (int k = next; k < m; k++) {
            out[k] = new double[n];
            Arrays.fill(out[k], Double.NaN);
        }
        return new Solution(times.clone(), out, accepted, rejected, evals, stop);
    }

    /** Hairer's starting step: a first guess from ‖y‖/‖f‖, refined with a second-derivative estimate. */
    private static double initialStep(Rk4.Field f, double t, double[] y, double[] f0, double dir, Options o, double span) {
        int n = y.length;
        double d0 = 0;
        double d1 = 0;
        double[] sc = new double[n];
        for (int i = 0; i < n; i++) {
            sc[i] = o.atol() + o.rtol() * Math.abs(y[i]);
            d0 += sq(y[i] / sc[i]);
            d1 += sq(f0[i] / sc[i]);
        }
        d0 = Math.sqrt(d0 / n);
        d1 = Math.sqrt(d1 / n);
        double h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
        h0 = Math.min(h0, span);
        double[] y1 = new double[n];
        for (int i = 0; i < n; i++) {
            y1[i] = y[i] + dir * h0 * f0[i];
        }
        double[] f1 = f.at(t + dir * h0, y1);
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            d2 += sq((f1[i] - f0[i]) / sc[i]);
        }
        d2 = Math.sqrt(d2 / n) / h0;
        double h1 = Math.max(d1, d2) <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : Math.pow(0.01 / Math.max(d1, d2), 0.2);
        double h = Math.min(100 * h0, h1);
        return Double.isFinite(h) && h > 0 ? Math.min(h, span) : Math.min(1e-6, span);
    }

    /** The stage vectors of one attempted step. */
    private static final class Stages {
        final double[] k2;
        final double[] k3;
        final double[] k4;
        final double[] k5;
        final double[] k6;
        double[] k7;
        double[] k1;
        final double[] y1;
        final double[] tmp;

        Stages(int n) {
            k2 = new double[n];
            k3 = new double[n];
            k4 = new double[n];
            k5 = new double[n];
            k6 = new double[n];
            y1 = new double[n];
            tmp = new double[n];
        }

        void attempt(Rk4.Field f, double t, double[] y, double[] k1, double h) {
            this.k1 = k1;
            int n = y.length;
            for (int i = 0; i < n; i++) {
                tmp[i] = y[i] + h * A21 * k1[i];
            }
            System.arraycopy(check(f.at(t + C2 * h, tmp), n), 0, k2, 0, n);
            for (int i = 0; i < n; i++) {
                tmp[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
            }
            System.arraycopy(check(f.at(t + C3 * h, tmp), n), 0, k3, 0, n);
            for (int i = 0; i < n; i++) {
                tmp[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
            }
            System.arraycopy(check(f.at(t + C4 * h, tmp), n), 0, k4, 0, n);
            for (int i = 0; i < n; i++) {
                tmp[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
            }
            System.arraycopy(check(f.at(t + C5 * h, tmp), n), 0, k5, 0, n);
            for (int i = 0; i < n; i++) {
                tmp[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
            }
            System.arraycopy(check(f.at(t + h, tmp), n), 0, k6, 0, n);
            for (int i = 0; i < n; i++) {
                y1[i] = y[i] + h * (B1 * k1[i] + B3 * k3[i] + B4 * k4[i] + B5 * k5[i] + B6 * k6[i]);
            }
            k7 = check(f.at(t + h, y1), n).clone();
        }

        /** y5 − y4 for the last attempt. */
        double[] error(double h) {
            double[] e = new double[y1.length];
            for (int i = 0; i < e.length; i++) {
                e[i] = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
            }
            return e;
        }

        double errorNorm(double h, double[] y, double rtol, double atol) {
            double sum = 0;
            int n = y.length;
            for (int i = 0; i < n; i++) {
                double e = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
                double sc = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(y1[i]));
                sum += sq(e / sc);
            }
            return n == 0 ? 0 : Math.sqrt(sum / n);
        }

        /** The continuous extension at time tk inside the step (t, t + h) from y. */
        double[] dense(double t, double h, double[] y, double[] k1, double tk) {
            double theta = (tk - t) / h;
            double theta1 = 1 - theta;
            int n = y.length;
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                double ydiff = y1[i] - y[i];
                double bspl = h * k1[i] - ydiff;
                double r4 = ydiff - h * k7[i] - bspl;
                double r5 = h * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
                out[i] = y[i] + theta * (ydiff + theta1 * (bspl + theta * (r4 + theta1 * r5)));
            }
            return out;
        }
    }

    /**
     * Times t0 + k·dt for k = 0 … n (the GD comparison grid t = kh).
     *
     * @param t0 the first time
     * @param dt the spacing
     * @param n the number of intervals
     * @return the n + 1 times
     */
    public static double[] grid(double t0, double dt, int n) {
        double[] t = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            t[k] = t0 + k * dt;
        }
        return t;
    }

    static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    private static double sq(double x) {
        return x * x;
    }

    private static double[] check(double[] k, int n) {
        if (k == null || k.length != n) {
            throw new IllegalArgumentException("vector field returned " + (k == null ? "null" : k.length + " values")
                    + " for a state of " + n);
        }
        return k;
    }
}
