package org.occam.lab.dd4;

/**
 * Mean and sample standard deviation over seeds, skipping NaN (e.g. the gradient norms of a run
 * that diverged at once).
 *
 * @param mean the mean of the finite values (NaN when there is none)
 * @param sd   the sample standard deviation (0 for one value, NaN for none)
 * @param n    how many values were finite
 */
public record Dd4Stats(double mean, double sd, int n) {

    /**
     * The statistics of the values.
     *
     * @param values the values (non-finite ones skipped)
     * @return the statistics
     */
    public static Dd4Stats of(double... values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return new Dd4Stats(Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        double ss = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        return new Dd4Stats(mean, n > 1 ? Math.sqrt(ss / (n - 1)) : 0, n);
    }

    /**
     * "mean ± sd" with the given format for both numbers, or "-" when there is no value.
     *
     * @param numberFormat a format for one number, e.g. {@code %.3f}
     * @return the text
     */
    public String format(String numberFormat) {
        if (n == 0) {
            return "-";
        }
        return String.format(java.util.Locale.ROOT, numberFormat + " ± " + numberFormat, mean, sd);
    }
}
