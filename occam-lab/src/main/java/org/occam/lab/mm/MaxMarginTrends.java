package org.occam.lab.mm;

import java.io.Serializable;
import java.util.List;
import org.occam.maxmargin.Angles;

/**
 * Soudry et al.'s decomposition w_t = ŵ ln t + ρ_t of one GD run, over the late window t ≥ t₀
 * (docs/max-margin.md), with ŵ the SVM solution of margin 1: the coordinate c_t = ŵᵀw_t/‖ŵ‖² grows
 * like ln t (slope 1) and the residual ρ⊥ = w_t − c_t ŵ stays bounded, so the angle ≈ ‖ρ⊥‖/(‖ŵ‖ c_t)
 * decays like 1/ln t.
 *
 * @param slope       least-squares slope of c_t on ln t over the window (predicted 1)
 * @param perpRatio   ‖ρ⊥‖ at the last step ÷ at the window start (predicted → 1: angle·c_t constant)
 * @param exponent    p of angle ∝ (ln t)^−p fitted on ln angle vs ln ln t (shown, not claimed: the offset
 *                    c_t − ln t biases it at finite t)
 * @param startAngle  the angle to ŵ at the window start
 * @param endAngle    the angle to ŵ at the last step
 */
public record MaxMarginTrends(double slope, double perpRatio, double exponent, double startAngle, double endAngle) implements Serializable {

    /**
     * The fits over the recorded steps ≥ windowStart (at least two, else NaN).
     *
     * @param steps the recorded steps
     * @param iterates w at those steps
     * @param svm the max-margin direction ŵ
     * @param windowStart the first step of the fits
     * @return the fitted trends
     */
    public static MaxMarginTrends of(long[] steps, List<double[]> iterates, double[] svm, long windowStart) {
        int first = -1;
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] >= windowStart && steps[i] > 1) {
                first = i;
                break;
            }
        }
        int n = first < 0 ? 0 : steps.length - first;
        if (n < 2) {
            return new MaxMarginTrends(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double s2 = dot(svm, svm);
        double[] lnT = new double[n];
        double[] c = new double[n];
        double[] lnln = new double[n];
        double[] lnA = new double[n];
        double[] perp = new double[n];
        for (int k = 0; k < n; k++) {
            double[] w = iterates.get(first + k);
            lnT[k] = Math.log(steps[first + k]);
            c[k] = dot(w, svm) / s2;
            double r = 0;
            for (int j = 0; j < w.length; j++) {
                r += (w[j] - c[k] * svm[j]) * (w[j] - c[k] * svm[j]);
            }
            perp[k] = Math.sqrt(r);
            lnln[k] = Math.log(lnT[k]);
            lnA[k] = Math.log(Angles.between(w, svm));
        }
        return new MaxMarginTrends(fitSlope(lnT, c), perp[n - 1] / perp[0], -fitSlope(lnln, lnA), Math.exp(lnA[0]),
                Math.exp(lnA[n - 1]));
    }

    /** Least-squares slope of y on x. */
    static double fitSlope(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }
}
