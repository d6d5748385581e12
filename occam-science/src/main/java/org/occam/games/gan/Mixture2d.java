package org.occam.games.gan;

import java.util.Arrays;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * An equal-weight mixture of isotropic 2-D Gaussians, the toy GAN targets of METHODS §11 DD-4.
 * {@link #ring()} is the 8-Gaussian ring of Metz et al. (Unrolled GANs, 2017) and Srivastava et
 * al. (VEEGAN, 2017): centres 2·(cos 2πk/8, sin 2πk/8), σ = 0.02. {@link #grid()} is VEEGAN's
 * 25-Gaussian grid: centres {−4, −2, 0, 2, 4}², σ = 0.05.
 *
 * @param name    a short name for logs ("ring8", "grid25")
 * @param centres the K mode centres, each {x, y}
 * @param sigma   the standard deviation of every component, per coordinate
 */
public record Mixture2d(String name, double[][] centres, double sigma) implements DataSampler {

    /** Copies the centres and checks them. */
    public Mixture2d {
        if (centres.length == 0) {
            throw new IllegalArgumentException("a mixture needs at least one centre");
        }
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be positive and finite, got " + sigma);
        }
        double[][] c = new double[centres.length][];
        for (int k = 0; k < centres.length; k++) {
            if (centres[k].length != 2 || !Double.isFinite(centres[k][0]) || !Double.isFinite(centres[k][1])) {
                throw new IllegalArgumentException("centre " + k + " must be 2 finite numbers, got " + Arrays.toString(centres[k]));
            }
            c[k] = centres[k].clone();
        }
        centres = c;
    }

    /**
     * The 8-Gaussian ring of METHODS §11 DD-4: radius 2, σ = 0.02.
     *
     * @return the mixture
     */
    public static Mixture2d ring() {
        return ring(8, 2, 0.02);
    }

    /**
     * K Gaussians evenly spaced on a circle of the given radius, the first at angle 0.
     *
     * @param modes K
     * @param radius the ring's radius
     * @param sigma each component's σ
     * @return the mixture
     */
    public static Mixture2d ring(int modes, double radius, double sigma) {
        if (modes < 1 || !(radius > 0)) {
            throw new IllegalArgumentException("ring needs modes >= 1 and radius > 0, got " + modes + " and " + radius);
        }
        double[][] c = new double[modes][];
        for (int k = 0; k < modes; k++) {
            double a = 2 * Math.PI * k / modes;
            c[k] = new double[] {radius * StrictMath.cos(a), radius * StrictMath.sin(a)};
        }
        return new Mixture2d("ring" + modes, c, sigma);
    }

    /**
     * VEEGAN's 5×5 grid: centres {−4, −2, 0, 2, 4}², σ = 0.05.
     *
     * @return the mixture
     */
    public static Mixture2d grid() {
        return grid(5, 2, 0.05);
    }

    /**
     * A side×side grid of Gaussians centred on the origin with the given spacing.
     *
     * @param side the grid's side
     * @param spacing the distance between centres
     * @param sigma each component's σ
     * @return the mixture
     */
    public static Mixture2d grid(int side, double spacing, double sigma) {
        if (side < 1 || !(spacing > 0)) {
            throw new IllegalArgumentException("grid needs side >= 1 and spacing > 0, got " + side + " and " + spacing);
        }
        double[][] c = new double[side * side][];
        double lo = -spacing * (side - 1) / 2.0;
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                c[i * side + j] = new double[] {lo + i * spacing, lo + j * spacing};
            }
        }
        return new Mixture2d("grid" + side * side, c, sigma);
    }

    /**
     * The centres (a deep copy), each {x, y}.
     *
     * @return the centres
     */
    @Override
    public double[][] centres() {
        double[][] c = new double[centres.length][];
        for (int k = 0; k < c.length; k++) {
            c[k] = centres[k].clone();
        }
        return c;
    }

    /**
     * The number of modes K.
     *
     * @return K
     */
    public int modes() {
        return centres.length;
    }

    /**
     * Centre k (a copy).
     *
     * @param k the mode
     * @return its centre
     */
    public double[] centre(int k) {
        return centres[k].clone();
    }

    /** n draws [n, 2]: a uniform component, then its centre plus σ times two standard normals. */
    @Override
    public Tensor sample(int n, Rng rng, DType dtype) {
        if (n < 1) {
            throw new IllegalArgumentException("sample size must be positive, got " + n);
        }
        double[] v = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double[] c = centres[rng.nextInt(centres.length)];
            v[2 * i] = c[0] + sigma * rng.nextGaussian();
            v[2 * i + 1] = c[1] + sigma * rng.nextGaussian();
        }
        return Tensor.of(dtype, v, n, 2);
    }

    /**
     * The index of the nearest centre to (x, y) (the first on ties).
     *
     * @param x the point's x
     * @param y the point's y
     * @return the index
     */
    public int nearest(double x, double y) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int k = 0; k < centres.length; k++) {
            double dx = x - centres[k][0];
            double dy = y - centres[k][1];
            double d = dx * dx + dy * dy;
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mixture2d m && name.equals(m.name) && sigma == m.sigma && Arrays.deepEquals(centres, m.centres);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Double.hashCode(sigma)) + Arrays.deepHashCode(centres);
    }

    @Override
    public String toString() {
        return name + "(K=" + centres.length + ", sigma=" + sigma + ")";
    }
}
