package org.occam.collapse;

import java.io.Serializable;

/**
 * The outcome of k-shot transfer (METHODS §7.4): per-episode query accuracies, their mean and the
 * standard error of the mean (sample standard deviation / √episodes; NaN for one episode).
 *
 * @param shots      k
 * @param accuracies one query accuracy per episode
 * @param mean       the mean accuracy
 * @param stderr     its standard error
 */
public record FewShotResult(int shots, double[] accuracies, double mean, double stderr) implements Serializable {

    /**
     * Mean and standard error of the episodes' accuracies.
     *
     * @param shots the shots per class
     * @param accuracies each episode's accuracy
     * @return the result
     */
    public static FewShotResult of(int shots, double[] accuracies) {
        int n = accuracies.length;
        double sum = 0;
        for (double a : accuracies) {
            sum += a;
        }
        double mean = sum / n;
        double ss = 0;
        for (double a : accuracies) {
            ss += (a - mean) * (a - mean);
        }
        double stderr = n < 2 ? Double.NaN : Math.sqrt(ss / (n - 1) / n);
        return new FewShotResult(shots, accuracies.clone(), mean, stderr);
    }
}
