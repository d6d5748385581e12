package org.occam.morse;

import java.util.Locale;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * The uniform distribution on an axis-aligned box {@code [lo_1, hi_1] × … × [lo_d, hi_d]}, the
 * default reference of the Morse loss (METHODS §8, §11 MORSE-1: a box 1.5× the data extent).
 *
 * @param lo lower corner
 * @param hi upper corner (each side strictly longer than zero)
 */
public record UniformBox(double[] lo, double[] hi) implements ReferenceDistribution {

    /** Checks corners of one positive dimension with hi &gt; lo, and copies them. */
    public UniformBox {
        if (lo.length != hi.length || lo.length == 0) {
            throw new IllegalArgumentException("a box needs corners of the same positive dimension, got "
                    + lo.length + " and " + hi.length);
        }
        for (int i = 0; i < lo.length; i++) {
            if (!(hi[i] > lo[i])) {
                throw new IllegalArgumentException("box side " + i + " is empty: [" + lo[i] + ", " + hi[i] + "]");
            }
        }
        lo = lo.clone();
        hi = hi.clone();
    }

    /**
     * The box with the same centre as the bounding box of the rows of {@code x} ({@code [N, d]})
     * and each side {@code factor} times as long. A side of zero extent gets length {@code factor}.
     *
     * @param x the points
     * @param factor the widening factor
     * @return the box
     */
    public static UniformBox around(Tensor x, double factor) {
        if (x.rank() != 2 || x.size(0) == 0) {
            throw new IllegalArgumentException("UniformBox.around needs points [N, d], got shape "
                    + java.util.Arrays.toString(x.shapeRef()));
        }
        if (!(factor > 0)) {
            throw new IllegalArgumentException("box factor must be positive, got " + factor);
        }
        int n = x.size(0);
        int d = x.size(1);
        double[] v = x.toDoubleArray();
        double[] min = new double[d];
        double[] max = new double[d];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                min[j] = Math.min(min[j], v[i * d + j]);
                max[j] = Math.max(max[j], v[i * d + j]);
            }
        }
        double[] lo = new double[d];
        double[] hi = new double[d];
        for (int j = 0; j < d; j++) {
            double c = 0.5 * (min[j] + max[j]);
            double half = 0.5 * factor * (max[j] > min[j] ? max[j] - min[j] : 1);
            lo[j] = c - half;
            hi[j] = c + half;
        }
        return new UniformBox(lo, hi);
    }

    /**
     * The lower corner (a copy).
     *
     * @return the corner
     */
    @Override
    public double[] lo() {
        return lo.clone();
    }

    /**
     * The upper corner (a copy).
     *
     * @return the corner
     */
    @Override
    public double[] hi() {
        return hi.clone();
    }

    @Override
    public Tensor sample(Rng rng, int n, DType dtype) {
        int d = lo.length;
        double[] v = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                v[i * d + j] = lo[j] + (hi[j] - lo[j]) * rng.nextDouble();
            }
        }
        return Tensor.of(dtype, v, n, d);
    }

    @Override
    public int dim() {
        return lo.length;
    }

    @Override
    public double logVolume() {
        double s = 0;
        for (int j = 0; j < lo.length; j++) {
            s += Math.log(hi[j] - lo[j]);
        }
        return s;
    }

    /**
     * Whether the point lies in the box (boundary included).
     *
     * @param point a point in the box's space
     * @return whether it is inside
     */
    public boolean contains(double[] point) {
        for (int j = 0; j < lo.length; j++) {
            if (point[j] < lo[j] || point[j] > hi[j]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String describe() {
        if (lo.length <= 3) {
            StringBuilder sb = new StringBuilder("uniform box ");
            for (int j = 0; j < lo.length; j++) {
                sb.append(j == 0 ? "" : " × ").append(String.format(Locale.ROOT, "[%.3g, %.3g]", lo[j], hi[j]));
            }
            return sb.toString();
        }
        return String.format(Locale.ROOT, "uniform box in R^%d (log volume %.4g)", lo.length, logVolume());
    }
}
