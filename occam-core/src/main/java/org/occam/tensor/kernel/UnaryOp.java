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

    /**
     * The scalar definition, used for ops without a vector kernel. Every function here is
     * deterministic bit for bit (StrictMath, or VectorMath's IEEE-exact code), whatever the JIT tier.
     */
    public double apply(double x) {
        return switch (this) {
            case NEG -> -x;
            case EXP -> VectorMath.exp(x);
            case LOG -> StrictMath.log(x);
            case LOG1P -> StrictMath.log1p(x);
            case SQRT -> Math.sqrt(x);
            case ABS -> Math.abs(x);
            case TANH -> VectorMath.tanh(x);
            case SIGMOID -> VectorMath.sigmoid(x);
            case RELU -> x > 0 ? x : 0;
            case SOFTPLUS -> Math.max(x, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(x)));
            case SIN -> StrictMath.sin(x);
            case COS -> StrictMath.cos(x);
            case SIGN -> Math.signum(x);
            case STEP -> x > 0 ? 1 : 0;
            case RECIP -> 1 / x;
            case NORMAL_CDF -> 0.5 * Erf.erfc(-x / Math.sqrt(2));
        };
    }
}
