package org.occam.measure;

/**
 * A Monte-Carlo estimate: the mean of independent unbiased samples and its standard error
 * (sample standard deviation / √samples; NaN with a single sample).
 *
 * @param mean     the estimate
 * @param stderr   its standard error
 * @param samples  number of probes averaged
 * @param cost     operator applications spent: HVPs for traces, VJP passes for GC
 */
public record Estimate(double mean, double stderr, int samples, long cost) {

    /**
     * Mean and standard error of the samples.
     *
     * @param samples one value per probe
     * @param cost their cost (e.g. HVPs)
     * @return the estimate
     */
    public static Estimate of(double[] samples, long cost) {
        int n = samples.length;
        if (n == 0) {
            throw new IllegalArgumentException("an estimate needs at least one sample");
        }
        double mean = 0;
        for (double s : samples) {
            mean += s;
        }
        mean /= n;
        double ss = 0;
        for (double s : samples) {
            ss += (s - mean) * (s - mean);
        }
        double stderr = n > 1 ? Math.sqrt(ss / (n - 1) / n) : Double.NaN;
        return new Estimate(mean, stderr, n, cost);
    }
}
