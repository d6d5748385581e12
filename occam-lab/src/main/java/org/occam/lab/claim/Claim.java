package org.occam.lab.claim;

import java.util.Objects;

/**
 * A scientific claim judged over seeds (docs/claims.md): what the paper expects, the statistic
 * that tests it, the expected direction, and the smallest effect the measurement can resolve.
 * The effect is (statistic − reference); one value per seed is either the statistic itself
 * ({@link #test}) or a group of seeds is compared with another ({@link #testDifference}).
 *
 * @param id         short id with the check it belongs to, e.g. "IGR-2 R_IG(h)"
 * @param statement  what the paper (METHODS §11) expects, in words
 * @param statistic  what is computed per seed, e.g. "slope of log R_IG against h" or
 *                   "test accuracy, h=0.1 minus h=0.01"
 * @param direction  the expected sign of the effect, or {@link Direction#WITHIN} for an equivalence claim
 * @param reference  the value the statistic is compared with (0 for a difference, 0.5 for an AUROC, …)
 * @param resolution the smallest |effect| the measurement resolves (one test image = 1/N_test;
 *                   an estimator's standard error); 0 when exact
 * @param tolerance  for {@link Direction#WITHIN}: the effect must lie within ±tolerance; ignored otherwise
 * @param method     how the interval is computed
 */
public record Claim(String id, String statement, String statistic, Direction direction, double reference,
                    double resolution, double tolerance, IntervalMethod method) {

    /** Coverage of every interval. */
    public static final double LEVEL = 0.95;

    /** Refuses a missing part. */
    public Claim {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(statistic, "statistic");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(method, "method");
        if (!(resolution >= 0) || !(tolerance >= 0)) {
            throw new IllegalArgumentException("claim " + id + ": resolution and tolerance must be >= 0, got "
                    + resolution + " and " + tolerance);
        }
        if (direction == Direction.WITHIN && !(tolerance > 0)) {
            throw new IllegalArgumentException("claim " + id + ": an equivalence claim (WITHIN) needs a tolerance > 0");
        }
    }

    /**
     * A directional claim about (statistic − reference), t-interval.
     *
     * @param id the claim's short id, e.g. {@code IGR-2 R_IG(h)}
     * @param statement what the literature claims, in a sentence
     * @param statistic what is measured per seed
     * @param direction the predicted sign of (statistic − reference)
     * @param reference the value the statistic is compared with
     * @param resolution the smallest effect the measurement can tell from zero
     * @return the claim
     */
    public static Claim of(String id, String statement, String statistic, Direction direction, double reference,
                           double resolution) {
        if (direction == Direction.WITHIN) {
            throw new IllegalArgumentException("claim " + id + ": use Claim.within for an equivalence claim");
        }
        return new Claim(id, statement, statistic, direction, reference, resolution, 0, IntervalMethod.T);
    }

    /**
     * An equivalence claim: |statistic − reference| ≤ tolerance, t-interval.
     *
     * @param id the claim's short id
     * @param statement what the literature claims, in a sentence
     * @param statistic what is measured per seed
     * @param reference the value the statistic should equal
     * @param tolerance the largest difference that counts as equal
     * @param resolution the smallest effect the measurement can tell from zero
     * @return the claim
     */
    public static Claim within(String id, String statement, String statistic, double reference, double tolerance,
                               double resolution) {
        return new Claim(id, statement, statistic, Direction.WITHIN, reference, resolution, tolerance, IntervalMethod.T);
    }

    /**
     * The same claim with another interval method.
     *
     * @param m t, Welch or bootstrap
     * @return the claim
     */
    public Claim withMethod(IntervalMethod m) {
        return new Claim(id, statement, statistic, direction, reference, resolution, tolerance, m);
    }

    /**
     * Judges one value of the statistic per seed: effect = mean − reference.
     *
     * @param perSeed the statistic of each seed
     * @return the effect, interval and verdict
     */
    public ClaimResult test(double[] perSeed) {
        double[] x = perSeed.clone();
        double effect = SeedStatistics.mean(x) - reference;
        Interval raw = method == IntervalMethod.T ? SeedStatistics.tInterval(x, LEVEL)
                : SeedStatistics.bootstrapInterval(x, LEVEL);
        Interval ci = new Interval(raw.lo() - reference, raw.hi() - reference, raw.level(), raw.method());
        return new ClaimResult(this, effect, ci, x.length, verdict(effect, ci), x, new double[0]);
    }

    /**
     * Judges group a against group b (different seeds, not paired): effect = mean(a) − mean(b) − reference.
     *
     * @param a the statistic of group a's seeds
     * @param b the statistic of group b's seeds
     * @return the effect, interval and verdict
     */
    public ClaimResult testDifference(double[] a, double[] b) {
        double[] xa = a.clone();
        double[] xb = b.clone();
        double effect = SeedStatistics.mean(xa) - SeedStatistics.mean(xb) - reference;
        Interval raw = method == IntervalMethod.T ? SeedStatistics.welchInterval(xa, xb, LEVEL)
                : SeedStatistics.bootstrapDifference(xa, xb, LEVEL);
        Interval ci = new Interval(raw.lo() - reference, raw.hi() - reference, raw.level(), raw.method());
        return new ClaimResult(this, effect, ci, Math.min(xa.length, xb.length), verdict(effect, ci), xa, xb);
    }

    /**
     * The verdict rule of docs/claims.md for an effect and its interval.
     *
     * @param effect the estimated effect
     * @param ci its 95 % interval
     * @return supported, contradicted or inconclusive
     */
    public Verdict verdict(double effect, Interval ci) {
        if (!ci.defined() || !Double.isFinite(effect)) {
            return Verdict.INCONCLUSIVE;
        }
        boolean resolved = Math.abs(effect) > resolution;
        return switch (direction) {
            case INCREASE -> ci.lo() > 0 && resolved ? Verdict.SUPPORTED
                    : ci.hi() < 0 && resolved ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE;
            case DECREASE -> ci.hi() < 0 && resolved ? Verdict.SUPPORTED
                    : ci.lo() > 0 && resolved ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE;
            case WITHIN -> ci.lo() >= -tolerance && ci.hi() <= tolerance ? Verdict.SUPPORTED
                    : ci.lo() > tolerance || ci.hi() < -tolerance ? Verdict.CONTRADICTED : Verdict.INCONCLUSIVE;
        };
    }
}
