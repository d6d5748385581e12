package org.occam.flow;

/**
 * A complex number in float64: the principal-flow coefficients and solutions when hλ &gt; 1
 * (METHODS §4.1, "complex and oscillatory case"; §10 pitfall 6).
 *
 * @param re real part
 * @param im imaginary part
 */
public record Complex(double re, double im) {
    public static final Complex ZERO = new Complex(0, 0);
    public static final Complex ONE = new Complex(1, 0);

    /**
     * A real number.
     *
     * @param x the real part
     * @return x + 0i
     */
    public static Complex real(double x) {
        return new Complex(x, 0);
    }

    /**
     * The principal logarithm of a real number x ≠ 0: log|x|, plus iπ when x &lt; 0 (the principal
     * branch takes arg ∈ (−π, π], so the negative real axis gets +π).
     *
     * @param x a real number other than 0
     * @return Log x
     */
    public static Complex log(double x) {
        if (x == 0 || Double.isNaN(x)) {
            throw new ArithmeticException("log of " + x);
        }
        return x > 0 ? real(Math.log(x)) : new Complex(Math.log(-x), Math.PI);
    }

    /**
     * The sum z + o.
     *
     * @param o the other number
     * @return the sum
     */
    public Complex plus(Complex o) {
        return new Complex(re + o.re, im + o.im);
    }

    /**
     * The difference z − o.
     *
     * @param o the other number
     * @return the difference
     */
    public Complex minus(Complex o) {
        return new Complex(re - o.re, im - o.im);
    }

    /**
     * The product z·o.
     *
     * @param o the other number
     * @return the product
     */
    public Complex times(Complex o) {
        return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    /**
     * The product z·s with a real s.
     *
     * @param s the real factor
     * @return the product
     */
    public Complex times(double s) {
        return new Complex(re * s, im * s);
    }

    /**
     * e^z.
     *
     * @return e^z
     */
    public Complex exp() {
        double r = Math.exp(re);
        return new Complex(r * Math.cos(im), r * Math.sin(im));
    }

    /**
     * e^z − 1, accurate when |z| is small.
     *
     * @return e^z − 1
     */
    public Complex expm1() {
        if (im == 0) {
            return real(Math.expm1(re));
        }
        // e^{a+ib} − 1 = (e^a − 1)cos b + (cos b − 1) + i e^a sin b, with cos b − 1 = −2 sin²(b/2)
        double s = Math.sin(im / 2);
        return new Complex(Math.expm1(re) * Math.cos(im) - 2 * s * s, Math.exp(re) * Math.sin(im));
    }

    /**
     * |z|.
     *
     * @return the modulus
     */
    public double abs() {
        return Math.hypot(re, im);
    }

    @Override
    public String toString() {
        return re + (im < 0 || Double.compare(im, -0.0) == 0 ? " - " : " + ") + Math.abs(im) + "i";
    }
}
