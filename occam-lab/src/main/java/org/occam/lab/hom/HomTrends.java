package org.occam.lab.hom;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HOM-1 observables of one run (METHODS §9, §11), which {@link HomClaims} judges over seeds:
 * <ul>
 *   <li>γ̃ non-decreasing once L &lt; log 2: decreases between consecutive measurements larger
 *       than round-off (relative {@link #ROUND_OFF}) are counted as violations;</li>
 *   <li>‖θ‖ grows like (log t)^{1/L}: ρ^L is fitted against ln t (least squares) over the late
 *       window t ≥ √(t_fit·T), where t_fit is the first step with L &lt; log 2 and T the last;
 *       since γ̃ = Φ(L)/ρ^L and L falls like 1/t, the slope times γ̃ tends to 1 (slowly: log-log
 *       corrections); the local exponent d ln ρ / d ln ln t tends to 1/L;</li>
 *   <li>γ̄ − γ̃ shrinks (both converge to the same limit);</li>
 *   <li>cos(θ_t, θ_{2t}) → 1 and cos(θ, −∇L) → 1: rank correlation with t positive and a final
 *       value close to 1.</li>
 * </ul>
 *
 * @param degree the homogeneity degree L
 * @param steps the steps of the margin measurements
 * @param smoothed γ̃ at those steps
 * @param normalized γ̄ at those steps
 * @param logLoss log L at those steps
 * @param norm ‖θ‖ at those steps
 * @param fittedStep t_fit, the first step with L &lt; log 2 (−1: never)
 * @param measuredAfterFit measurements from t_fit on
 * @param violations decreases of γ̃ beyond round-off after t_fit
 * @param maxRelativeDrop the largest relative decrease of γ̃ after t_fit
 * @param windowStart the first step of the late window
 * @param normSlope the slope of ρ^L against ln t over the window
 * @param normIntercept its intercept
 * @param normR2 the fit's R²
 * @param normExponent the local exponent d ln ρ / d ln ln t at the end
 * @param dirSteps the steps of the direction measurements
 * @param dirCos cos(θ_t, θ_{2t}) at those steps
 * @param alignSteps the steps of the alignment measurements
 * @param alignCos cos(θ, −∇L) at those steps
 */
public record HomTrends(int degree, double[] steps, double[] smoothed, double[] normalized, double[] logLoss,
                        double[] norm, long fittedStep, int measuredAfterFit, int violations, double maxRelativeDrop,
                        long windowStart, double normSlope, double normIntercept, double normR2, double normExponent, double[] dirSteps,
                        double[] dirCos, double[] alignSteps, double[] alignCos) implements Serializable {

    /** Relative decrease of γ̃ between two measurements that counts as a violation. */
    public static final double ROUND_OFF = 1e-10;

    /**
     * The observables of a run's margins and direction rows.
     *
     * @param run the run's margin and direction rows
     * @return the observables
     */
    public static HomTrends of(HomSweep.Run run) {
        List<Map<String, Object>> m = run.margins();
        double[] t = col(m, "step");
        double[] sm = col(m, "smoothed_margin");
        double[] nm = col(m, "normalized_margin");
        double[] ll = col(m, "log_sum_loss");
        double[] rho = col(m, "param_norm");
        double threshold = Math.log(Math.log(2));
        int first = -1;
        for (int i = 0; i < t.length; i++) {
            if (ll[i] < threshold) {
                first = i;
                break;
            }
        }
        int violations = 0;
        double maxDrop = 0;
        if (first >= 0) {
            for (int i = first + 1; i < t.length; i++) {
                double drop = (sm[i - 1] - sm[i]) / Math.abs(sm[i - 1]);
                maxDrop = Math.max(maxDrop, drop);
                violations += drop > ROUND_OFF ? 1 : 0;
            }
        }
        long fitted = first >= 0 ? (long) t[first] : -1;
        long end = t.length == 0 ? 0 : (long) t[t.length - 1];
        long window = first >= 0 ? (long) Math.ceil(Math.sqrt(Math.max(1, t[first]) * (double) end)) : end;
        List<double[]> late = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            if (t[i] >= window && t[i] > 1) {
                late.add(new double[] {Math.log(t[i]), Math.pow(rho[i], run.degree()), Math.log(rho[i])});
            }
        }
        double[] lnT = late.stream().mapToDouble(r -> r[0]).toArray();
        double[] rhoL = late.stream().mapToDouble(r -> r[1]).toArray();
        double[] lnLnT = late.stream().mapToDouble(r -> Math.log(r[0])).toArray();
        double[] lnRho = late.stream().mapToDouble(r -> r[2]).toArray();
        double[] fit = HomFit.of(lnT, rhoL);
        double[] exponent = HomFit.of(lnLnT, lnRho);
        List<Map<String, Object>> d = run.dirs();
        List<Map<String, Object>> withDir = d.stream().filter(r -> r.containsKey("dir_cos")).toList();
        return new HomTrends(run.degree(), t, sm, nm, ll, rho, fitted, first < 0 ? 0 : t.length - first - 1, violations,
                maxDrop, window, fit[0], fit[1], fit[2], exponent[0], col(withDir, "step"), col(withDir, "dir_cos"), col(d, "step"),
                col(d, "align_cos"));
    }

    /**
     * γ̄ − γ̃ at the start of the late window.
     *
     * @return the gap
     */
    public double gapAtWindowStart() {
        return valueAt(normalized, windowStart) - valueAt(smoothed, windowStart);
    }

    /**
     * γ̄ − γ̃ at the end.
     *
     * @return the gap
     */
    public double finalGap() {
        return finalNormalized() - finalSmoothed();
    }

    /**
     * γ̃ at the end.
     *
     * @return γ̃
     */
    public double finalSmoothed() {
        return last(smoothed);
    }

    /**
     * γ̄ at the end.
     *
     * @return γ̄
     */
    public double finalNormalized() {
        return last(normalized);
    }

    /**
     * log L at the end.
     *
     * @return log L
     */
    public double finalLogLoss() {
        return last(logLoss);
    }

    /**
     * ‖θ‖ at the end.
     *
     * @return ‖θ‖
     */
    public double finalNorm() {
        return last(norm);
    }

    private double valueAt(double[] v, long step) {
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] >= step) {
                return v[i];
            }
        }
        return last(v);
    }

    private static double last(double[] v) {
        return v.length == 0 ? Double.NaN : v[v.length - 1];
    }

    static double[] col(List<Map<String, Object>> rows, String key) {
        return rows.stream().mapToDouble(r -> r.get(key) instanceof Number n ? n.doubleValue() : Double.NaN).toArray();
    }
}
