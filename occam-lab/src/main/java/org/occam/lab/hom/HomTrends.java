package org.occam.lab.hom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.occam.lab.claim.LrSweepClaim;
import org.occam.lab.claim.Trend;
import org.occam.train.RunStatus;

/**
 * The HOM-1 observables of one run (METHODS §9, §11) and their claims:
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
 */
public record HomTrends(int degree, double[] steps, double[] smoothed, double[] normalized, double[] logLoss,
                        double[] norm, long fittedStep, int measuredAfterFit, int violations, double maxRelativeDrop,
                        long windowStart, double normSlope, double normIntercept, double normR2, double normExponent, double[] dirSteps,
                        double[] dirCos, double[] alignSteps, double[] alignCos) {

    /** Relative decrease of γ̃ between two measurements that counts as a violation. */
    public static final double ROUND_OFF = 1e-10;

    /** The observables of a run's margins and direction rows. */
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

    /** The claims of METHODS §11 HOM-1 next to what this run shows. */
    public List<LrSweepClaim> claims(RunStatus status) {
        List<LrSweepClaim> out = new ArrayList<>();
        String id = "HOM-1";
        if (status.state() != RunStatus.State.COMPLETED) {
            out.add(new LrSweepClaim(id, "GD runs to the end", "stopped at step " + status.step() + ": " + status.message(),
                    false));
            return out;
        }
        out.add(fittedStep < 0
                ? new LrSweepClaim(id, "smoothed margin non-decreasing once L < log 2", "L never fell below log 2", false)
                : new LrSweepClaim(id, "smoothed margin non-decreasing once L < log 2", String.format(Locale.ROOT,
                        "L < log 2 from step %d; %d decreases beyond round-off in %d later measurements (largest relative"
                                + " drop %.2e); smoothed margin %.5f -> %.5f", fittedStep, violations, measuredAfterFit,
                        maxRelativeDrop, valueAt(smoothed, fittedStep), finalSmoothed()), violations == 0));
        double gapStart = valueAt(normalized, windowStart) - valueAt(smoothed, windowStart);
        double gapEnd = finalNormalized() - finalSmoothed();
        out.add(new LrSweepClaim(id, "smoothed and normalized margins converge to one limit (smoothed <= normalized)",
                String.format(Locale.ROOT, "normalized - smoothed = %.2e at step %d, %.2e at the end (normalized %.5f)",
                        gapStart, windowStart, gapEnd, finalNormalized()), gapEnd >= 0 && gapEnd < gapStart));
        out.add(new LrSweepClaim(id, "|theta| grows like (log t)^(1/L): |theta|^L linear in ln t", String.format(Locale.ROOT,
                "from step %d: slope of |theta|^%d against ln t %.3f (R^2 %.4f; slope x smoothed margin %.3f, theory -> 1);"
                        + " local exponent d ln|theta| / d ln ln t = %.3f (1/L = %.3f)", windowStart, degree, normSlope, normR2,
                normSlope * finalSmoothed(), normExponent, 1.0 / degree), normSlope > 0 && normR2 >= 0.99));
        out.add(cosineClaim(id, "cos(theta_t, theta_2t) -> 1 (directional convergence)", dirSteps, dirCos, 0.999));
        out.add(cosineClaim(id, "cos(theta, -grad L) -> 1 (alignment)", alignSteps, alignCos, 0.9));
        return out;
    }

    private static LrSweepClaim cosineClaim(String id, String claim, double[] steps, double[] cos, double close) {
        if (cos.length < 2) {
            return new LrSweepClaim(id, claim, "fewer than two measurements", false);
        }
        double rho = Trend.spearman(steps, cos);
        double last = cos[cos.length - 1];
        return new LrSweepClaim(id, claim, String.format(Locale.ROOT, "%.6f at step %d -> %.6f at step %d; rank"
                        + " correlation with t %+.2f (1 - cos falls %.1fx)", cos[0], (long) steps[0], last,
                (long) steps[steps.length - 1], rho, (1 - cos[0]) / (1 - last)), rho > 0 && last >= close);
    }

    /** γ̃ at the end. */
    public double finalSmoothed() {
        return last(smoothed);
    }

    /** γ̄ at the end. */
    public double finalNormalized() {
        return last(normalized);
    }

    /** log L at the end. */
    public double finalLogLoss() {
        return last(logLoss);
    }

    /** ‖θ‖ at the end. */
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
