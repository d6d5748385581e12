package org.occam.lab.hom;

/** Ordinary least squares y ≈ a·x + b, for the HOM-1 slopes ({@link HomTrends}). */
final class HomFit {
    private HomFit() {
    }

    /** {slope, intercept, R²}; NaNs when there are fewer than two points or x is constant. */
    static double[] of(double[] x, double[] y) {
        int n = x.length;
        if (n < 2 || y.length != n) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (sxx == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double slope = sxy / sxx;
        return new double[] {slope, my - slope * mx, syy == 0 ? 1 : sxy * sxy / (sxx * syy)};
    }
}
