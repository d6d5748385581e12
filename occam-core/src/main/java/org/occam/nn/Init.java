package org.occam.nn;

import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * Parameter initializers (PyTorch's default for Linear/Conv2d, He, Glorot, LeCun, constants), optionally scaled.
 *
 * @param kind the family
 * @param scale a factor on every drawn value (1: as the family defines it)
 */
public record Init(Kind kind, double scale) {

    /** The initialization families. */
    public enum Kind {
        /** PyTorch's Linear/Conv2d default: U(−1/√fan_in, 1/√fan_in) (kaiming_uniform with a = √5). */
        TORCH_DEFAULT,
        /** He/Kaiming normal: N(0, 2/fan_in). */
        HE,
        /** Glorot/Xavier uniform: U(±√(6/(fan_in+fan_out))). */
        GLOROT,
        /** LeCun normal: N(0, 1/fan_in). */
        LECUN,
        /** All zeros (biases, BatchNorm shifts). */
        ZEROS,
        /** All ones (BatchNorm and LayerNorm scales). */
        ONES
    }

    public static final Init TORCH = new Init(Kind.TORCH_DEFAULT, 1);

    /**
     * The same family with values multiplied by s (e.g. small-init experiments).
     *
     * @param s the factor
     * @return the scaled initializer
     */
    public Init scaled(double s) {
        return new Init(kind, scale * s);
    }

    /**
     * Parses "torch", "he", "glorot", "lecun", "zeros", "ones", optionally "*0.1" (e.g. "he*0.5").
     *
     * @param s the spelling
     * @return the initializer
     */
    public static Init parse(String s) {
        String[] parts = s.trim().toLowerCase(java.util.Locale.ROOT).split("\\*");
        double scale = parts.length > 1 ? Double.parseDouble(parts[1]) : 1;
        Kind k = switch (parts[0]) {
            case "torch", "default", "pytorch" -> Kind.TORCH_DEFAULT;
            case "he", "kaiming" -> Kind.HE;
            case "glorot", "xavier" -> Kind.GLOROT;
            case "lecun" -> Kind.LECUN;
            case "zeros" -> Kind.ZEROS;
            case "ones" -> Kind.ONES;
            default -> throw new IllegalArgumentException("unknown init '" + s
                    + "': allowed values are torch, he, glorot, lecun, zeros, ones (optionally *scale, e.g. he*0.5)");
        };
        return new Init(k, scale);
    }

    /**
     * A tensor drawn from this initializer.
     *
     * @param rng the generator to draw from
     * @param dtype the tensor's dtype
     * @param shape the tensor's shape
     * @param fanIn inputs per output unit (the variance of He, LeCun and PyTorch's default)
     * @param fanOut outputs per input unit (Glorot's variance)
     * @return the drawn tensor
     */
    public Tensor sample(Rng rng, DType dtype, int[] shape, int fanIn, int fanOut) {
        Tensor t = switch (kind) {
            case TORCH_DEFAULT -> {
                double b = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
                yield rng.uniform(dtype, -b, b, shape);
            }
            case HE -> rng.normal(dtype, 0, Math.sqrt(2.0 / fanIn), shape);
            case GLOROT -> {
                double b = Math.sqrt(6.0 / (fanIn + fanOut));
                yield rng.uniform(dtype, -b, b, shape);
            }
            case LECUN -> rng.normal(dtype, 0, Math.sqrt(1.0 / fanIn), shape);
            case ZEROS -> Tensor.zeros(dtype, shape);
            case ONES -> Tensor.ones(dtype, shape);
        };
        return scale == 1 ? t : t.mul(scale);
    }
}
