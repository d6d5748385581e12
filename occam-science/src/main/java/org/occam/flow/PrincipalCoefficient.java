package org.occam.flow;

/**
 * The principal-flow coefficient of one Hessian eigenvalue λ at learning rate h (METHODS §4.1):
 * with x = hλ, the principal flow θ̇ = Σ_i [log(1 − x_i)/x_i](gᵀu_i)u_i has the coefficient
 * <pre>
 *   φ(x) = log(1 − x)/x = −Σ_{k≥0} x^k/(k+1) = −1 − x/2 − x²/3 − …     (x &lt; 1, real)
 *   φ(x) = [log(x − 1) + iπ]/x                                            (x &gt; 1, principal branch)
 * </pre>
 * <ul>
 *   <li><b>Near 0</b> (|x| &lt; {@value #SERIES_RADIUS}) the series to x⁵ is used (error below
 *       x⁶/7 ≈ 1.4e-19), so φ(0) = −1 exactly and the removable 0/0 never appears; elsewhere
 *       {@code log1p(−x)/x}.</li>
 *   <li><b>Singular point x = 1</b> (|1 − x| ≤ {@value #SINGULAR_TOLERANCE}): log 0 = −∞; GD removes
 *       that eigencomponent in one step. As in the reference code the coefficient is replaced by
 *       {@value #SINGULAR}: along that direction the flow then decays like e^{−100·t/h}, i.e. by
 *       e^{−100} ≈ 4e-44 over one step, which is zero to float64 precision relative to the other
 *       components. The true coefficient tends to −∞, so any large negative value is equally
 *       defensible; note the flow is stiff there (rate 100/h).</li>
 *   <li><b>Stability coefficient</b> sc = Re φ = log|1 − x|/x: negative for 0 &lt; x &lt; 2 (monotone
 *       convergence below 1, oscillating convergence between 1 and 2), 0 at x = 2 (neutral period-2
 *       orbit), positive for x &gt; 2 (divergence), and −log(1 + |x|)/|x| ∈ (−1, 0) for λ &lt; 0 (saddle
 *       escape).</li>
 * </ul>
 */
public final class PrincipalCoefficient {
    /** The coefficient used at hλ = 1, as in the reference notebooks. */
    public static final double SINGULAR = -100;
    /** |1 − hλ| at or below which hλ counts as 1. */
    public static final double SINGULAR_TOLERANCE = 1e-12;
    /** |hλ| below which the power series is used. */
    public static final double SERIES_RADIUS = 1e-3;

    private PrincipalCoefficient() {
    }

    /**
     * Whether hλ = x is treated as the singular point 1.
     *
     * @param x hλ
     * @return whether it counts as 1
     */
    public static boolean singular(double x) {
        return Math.abs(1 - x) <= SINGULAR_TOLERANCE;
    }

    /**
     * Whether the coefficient at x = hλ is complex (x &gt; 1 and not singular).
     *
     * @param x hλ
     * @return whether φ(x) is complex
     */
    public static boolean complex(double x) {
        return x > 1 && !singular(x);
    }

    /**
     * φ(x) as a complex number (imaginary part π/x when x &gt; 1, else 0).
     *
     * @param x hλ
     * @return φ(x)
     */
    public static Complex of(double x) {
        return new Complex(real(x), imaginary(x));
    }

    /**
     * Re φ(x) = log|1 − x|/x: the exact coefficient for x &lt; 1, the stability coefficient sc for
     * every x, and {@value #SINGULAR} at x = 1.
     *
     * @param x hλ
     * @return Re φ(x)
     */
    public static double real(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (Math.abs(x) < SERIES_RADIUS) {
            return -(1 + x * (1.0 / 2 + x * (1.0 / 3 + x * (1.0 / 4 + x * (1.0 / 5 + x / 6)))));
        }
        if (singular(x)) {
            return SINGULAR;
        }
        return x < 1 ? Math.log1p(-x) / x : Math.log(x - 1) / x;
    }

    /**
     * Im φ(x) = π/x for x &gt; 1 (principal branch), else 0.
     *
     * @param x hλ
     * @return Im φ(x)
     */
    public static double imaginary(double x) {
        return complex(x) ? Math.PI / x : 0;
    }

    /**
     * The stability coefficient sc = log|1 − hλ|/(hλ) (METHODS §4.1 table).
     *
     * @param h the learning rate
     * @param lambda the eigenvalue λ
     * @return sc
     */
    public static double stability(double h, double lambda) {
        return real(h * lambda);
    }

    /**
     * The exact factor (1 − x)^{s} = exp(s·Log(1 − x)) on the principal branch: the PF (and GD, at
     * integer s) multiplier of an eigencomponent after time t = s·h. At x = 1 it is 0 for s &gt; 0.
     *
     * @param x hλ
     * @param s the exponent, t/h
     * @return (1 − x)^s
     */
    public static Complex power(double x, double s) {
        if (singular(x)) {
            return s == 0 ? Complex.ONE : Complex.ZERO;
        }
        return Complex.log(1 - x).times(s).exp();
    }
}
