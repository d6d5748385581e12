package org.occam.measure.margin;

import java.util.Arrays;

/**
 * Summary of a sample of margins (METHODS §7.3): the minimum, the type-7 quantile of a chosen
 * level (see {@link Quantiles}), the median, the mean and the fraction of positive margins
 * (the training accuracy when the margins are those of the training set).
 *
 * @param n                examples
 * @param min              smallest margin
 * @param level            the quantile level p
 * @param quantile         Q(p)
 * @param median           Q(0.5)
 * @param mean             the mean margin
 * @param positiveFraction fraction of margins > 0
 */
public record MarginSummary(int n, double min, double level, double quantile, double median, double mean,
                            double positiveFraction) {

    /**
     * The summary of the margins q with the quantile of level p.
     *
     * @param q the margins
     * @param p the quantile level
     * @return the summary
     */
    public static MarginSummary of(double[] q, double p) {
        Quantiles.checkLevel(p);
        if (q.length == 0) {
            throw new IllegalArgumentException("margin summary of an empty sample");
        }
        double[] s = q.clone();
        Arrays.sort(s);
        double sum = 0;
        int positive = 0;
        for (double v : s) {
            sum += v;
            positive += v > 0 ? 1 : 0;
        }
        return new MarginSummary(s.length, s[0], p, Quantiles.ofSorted(s, p), Quantiles.ofSorted(s, 0.5), sum / s.length,
                (double) positive / s.length);
    }

    /**
     * The metric key of the quantile, "margin_q" and the level in percent without trailing zeros:
     * margin_q10 for p = 0.1, margin_q2.5 for p = 0.025.
     *
     * @return the key
     */
    public String quantileKey() {
        return "margin_q" + java.math.BigDecimal.valueOf(level).movePointRight(2).stripTrailingZeros().toPlainString();
    }
}
