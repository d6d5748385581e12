package org.occam.lab.plot;

import java.util.function.DoubleBinaryOperator;

/**
 * Values of a function on a regular grid: {@code z[i][j]} is the value at
 * x<sub>i</sub> = xMin + i·(xMax − xMin)/(nx − 1) and y<sub>j</sub> = yMin + j·(yMax − yMin)/(ny − 1),
 * so the first index runs along x and the second along y. Non-finite values mark points where
 * the function is undefined or blew up; they are drawn grey.
 *
 * @param xMin the first x
 * @param xMax the last x
 * @param yMin the first y
 * @param yMax the last y
 * @param z the values, [nx][ny]
 */
public record Grid(double xMin, double xMax, double yMin, double yMax, double[][] z) {
    /** Checks the ranges and that z is a rectangular array of at least 2×2. */
    public Grid {
        if (!(xMax > xMin) || !(yMax > yMin)) {
            throw new IllegalArgumentException("grid ranges must be increasing: x [" + xMin + ", " + xMax + "], y [" + yMin + ", " + yMax + "]");
        }
        if (z.length < 2 || z[0].length < 2) {
            throw new IllegalArgumentException("a grid needs at least 2×2 values");
        }
        for (double[] col : z) {
            if (col.length != z[0].length) {
                throw new IllegalArgumentException("grid rows differ in length: z must be rectangular");
            }
        }
    }

    /**
     * Samples {@code f(x, y)} on an nx × ny grid over the given ranges.
     *
     * @param xMin the first x
     * @param xMax the last x
     * @param yMin the first y
     * @param yMax the last y
     * @param nx points along x
     * @param ny points along y
     * @param f the function
     * @return the grid
     */
    public static Grid sample(double xMin, double xMax, double yMin, double yMax, int nx, int ny, DoubleBinaryOperator f) {
        double[][] z = new double[nx][ny];
        for (int i = 0; i < nx; i++) {
            double x = xMin + i * (xMax - xMin) / (nx - 1);
            for (int j = 0; j < ny; j++) {
                z[i][j] = f.applyAsDouble(x, yMin + j * (yMax - yMin) / (ny - 1));
            }
        }
        return new Grid(xMin, xMax, yMin, yMax, z);
    }

    /**
     * Number of points along x.
     *
     * @return nx
     */
    public int nx() {
        return z.length;
    }

    /**
     * Number of points along y.
     *
     * @return ny
     */
    public int ny() {
        return z[0].length;
    }

    /**
     * x of column i.
     *
     * @param i the column
     * @return x_i
     */
    public double x(int i) {
        return xMin + i * (xMax - xMin) / (nx() - 1);
    }

    /**
     * y of row j.
     *
     * @param j the row
     * @return y_j
     */
    public double y(int j) {
        return yMin + j * (yMax - yMin) / (ny() - 1);
    }

    /**
     * Bilinear interpolation at (x, y) inside the grid; NaN when a neighbouring value is not finite.
     *
     * @param x the point's x
     * @param y the point's y
     * @return the interpolated value
     */
    public double at(double x, double y) {
        double fx = Math.clamp((x - xMin) / (xMax - xMin) * (nx() - 1), 0, nx() - 1);
        double fy = Math.clamp((y - yMin) / (yMax - yMin) * (ny() - 1), 0, ny() - 1);
        int i = Math.min((int) fx, nx() - 2);
        int j = Math.min((int) fy, ny() - 2);
        double u = fx - i;
        double v = fy - j;
        return (1 - u) * (1 - v) * z[i][j] + u * (1 - v) * z[i + 1][j] + u * v * z[i + 1][j + 1] + (1 - u) * v * z[i][j + 1];
    }

    /**
     * The smallest and largest finite values, or {NaN, NaN} when there is none.
     *
     * @return {min, max}
     */
    public double[] finiteRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] col : z) {
            for (double v : col) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {Double.NaN, Double.NaN};
    }
}
