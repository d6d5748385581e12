package org.occam.tensor.kernel;

/** Elementwise functions of two arguments; comparisons give 1 or 0 in the operands' dtype. */
public enum BinaryOp {
    ADD, SUB, MUL, DIV, POW, MAX, MIN, GT, GE, LT, LE, EQ;

    /** The scalar definition. */
    public double apply(double a, double b) {
        return switch (this) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case POW -> StrictMath.pow(a, b);
            case MAX -> Math.max(a, b);
            case MIN -> Math.min(a, b);
            case GT -> a > b ? 1 : 0;
            case GE -> a >= b ? 1 : 0;
            case LT -> a < b ? 1 : 0;
            case LE -> a <= b ? 1 : 0;
            case EQ -> a == b ? 1 : 0;
        };
    }

    /** Single-precision definition, rounding exactly like float arithmetic. */
    public float apply(float a, float b) {
        return switch (this) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case POW -> (float) StrictMath.pow(a, b);
            case MAX -> Math.max(a, b);
            case MIN -> Math.min(a, b);
            default -> (float) apply((double) a, (double) b);
        };
    }
}
