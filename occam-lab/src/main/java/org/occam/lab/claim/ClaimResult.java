package org.occam.lab.claim;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A claim judged over seeds: effect size, 95 % interval, n, resolution and verdict, with the
 * per-seed values behind them (for error bars and per-seed points in reports).
 *
 * @param claim   the claim
 * @param effect  statistic − reference (mean over seeds, or difference of group means)
 * @param ci      the 95 % interval of the effect
 * @param n       seeds (the smaller group for a two-group claim)
 * @param verdict supported, contradicted or inconclusive
 * @param values  per-seed values (group a for a two-group claim)
 * @param others  group b's per-seed values; empty for a one-group claim
 */
public record ClaimResult(Claim claim, double effect, Interval ci, int n, Verdict verdict, double[] values,
                          double[] others) {

    /**
     * A compact "[lo, hi]" of the interval.
     *
     * @return the interval text
     */
    public String intervalText() {
        return ci.defined() ? "[" + num(ci.lo()) + ", " + num(ci.hi()) + "]" : "n/a";
    }

    /**
     * The fields as an ordered map, for JSON output (the same fields as the table).
     *
     * @return the fields by name
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", claim.id());
        m.put("claim", claim.statement());
        m.put("statistic", claim.statistic());
        m.put("direction", claim.direction().name().toLowerCase(Locale.ROOT));
        m.put("reference", finite(claim.reference()));
        m.put("effect", finite(effect));
        m.put("ci_low", finite(ci.lo()));
        m.put("ci_high", finite(ci.hi()));
        m.put("ci_level", ci.level());
        m.put("ci_method", ci.method());
        m.put("n", n);
        m.put("resolution", claim.resolution());
        if (claim.direction() == Direction.WITHIN) {
            m.put("tolerance", claim.tolerance());
        }
        m.put("verdict", verdict.word());
        m.put("per_seed", finiteAll(values));
        if (others.length > 0) {
            m.put("per_seed_reference_group", finiteAll(others));
        }
        return m;
    }

    /**
     * Four significant digits, or "NaN".
     *
     * @param v the value
     * @return the text
     */
    public static String num(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 1e4 || (v != 0 && Math.abs(v) < 1e-3) ? "%.3e" : "%.4g", v);
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Object[] finiteAll(double[] v) {
        Object[] out = new Object[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = finite(v[i]);
        }
        return out;
    }
}
