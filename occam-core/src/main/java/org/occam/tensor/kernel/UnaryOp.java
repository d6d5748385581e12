package org.occam.tensor.kernel;

/** Elementwise functions of one argument that the kernels know. */
public enum UnaryOp {
    NEG, EXP, LOG, LOG1P, SQRT, ABS, TANH, SIGMOID, RELU, SOFTPLUS, SIN, COS,
    /** sign(x) in {-1, 0, 1}. */
    SIGN,
    /** 1 where x > 0, else 0 (the derivative of relu). */
    STEP,
    /** 1/x. */
    RECIP,
    /** Standard normal CDF Φ(x) = (1 + erf(x/√2))/2. */
    NORMAL_CDF;

    /** The scalar definition (also used for tails and non-vectorized paths). */
    public double apply(double x) {
        return switch (this) {
            case NEG -> -x;
            case EXP -> Math.exp(x);
            case LOG -> Math.log(x);
            case LOG1P -> Math.log1p(x);
            case SQRT -> Math.sqrt(x);
            case ABS -> Math.abs(x);
            case TANH -> Math.tanh(x);
            case SIGMOID -> x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
            case RELU -> x > 0 ? x : 0;
            case SOFTPLUS -> Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
            case SIN -> Math.sin(x);
            case COS -> Math.cos(x);
            case SIGN -> Math.signum(x);
            case STEP -> x > 0 ? 1 : 0;
            case RECIP -> 1 / x;
            case NORMAL_CDF -> 0.5 * Erf.erfc(-x / Math.sqrt(2));
        };
    }
}
