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

    /** A real number. */
    public static Complex real(double x) {
        return new Complex(x, 0);
    }

    /**
     * The principal logarithm of a real number x ≠ 0: log|x|, plus iπ when x &lt; 0 (the principal
     * branch takes arg ∈ (−π, π], so the negative real axis gets +π).
     */
    public static Complex log(double x) {
        if (x == 0 || Double.isNaN(x)) {
            throw new ArithmeticException("log of " + x);
        }
        return x > 0 ? real(Math.log(x)) : new Complex(Math.log(-x), Math.PI);
    }

    public Complex plus(Complex o) {
        return new Complex(re + o.re, im + o.im);
    }

    public Complex minus(Complex o) {
        return new Complex(re - o.re, im - o.im);
    }

    public Complex times(Complex o) {
        return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    public Complex times(double s) {
        return new Complex(re * s, im * s);
    }

    /** e^z. */
    public Complex exp() {
        double r = Math.exp(re);
        return new Complex(r * Math.cos(im), r * Math.sin(im));
    }

    /** e^z − 1, accurate when |z| is small. */
    public Complex expm1() {
        if (im == 0) {
            return real(Math.expm1(re));
        }
        // e^{a+ib} − 1 = (e^a − 1)cos b + (cos b − 1) + i e^a sin b, with cos b − 1 = −2 sin²(b/2)
        double s = Math.sin(im / 2);
        return new Complex(Math.expm1(re) * Math.cos(im) - 2 * s * s, Math.exp(re) * Math.sin(im));
    }

    /** |z|. */
    public double abs() {
        return Math.hypot(re, im);
    }

    @Override
    public String toString() {
        return re + (im < 0 || Double.compare(im, -0.0) == 0 ? " - " : " + ") + Math.abs(im) + "i";
    }
}
