package org.occam.lr;

/**
 * Counts loss spikes in a training curve (METHODS §11 DAL-1's "number of loss spikes"): a spike
 * begins when the loss exceeds {@code factor} times the lowest loss seen so far, and ends when it
 * falls back below that threshold; each such episode counts once, however long it lasts. Non-finite
 * losses (a divergence) count as a spike that never ends.
 */
public final class LossSpikes {

    /** The default threshold: the loss more than doubles over its running minimum. */
    public static final double DEFAULT_FACTOR = 2;

    private LossSpikes() {
    }

    /**
     * Number of spike episodes in {@code loss} at threshold {@code factor} &gt; 1.
     *
     * @param loss the loss at each step
     * @param factor how far above its running minimum the loss must rise
     * @return the number of episodes
     */
    public static int count(double[] loss, double factor) {
        if (!(factor > 1)) {
            throw new IllegalArgumentException("spike factor must be > 1, got " + factor);
        }
        int spikes = 0;
        boolean inSpike = false;
        double min = Double.POSITIVE_INFINITY;
        for (double v : loss) {
            if (!Double.isFinite(v)) {
                if (!inSpike) {
                    spikes++;
                }
                return spikes;
            }
            boolean above = v > factor * min;
            if (above && !inSpike) {
                spikes++;
            }
            inSpike = above;
            min = Math.min(min, v);
        }
        return spikes;
    }

    /**
     * Number of steps at which the loss rose (loss[t] &gt; loss[t−1]): how non-monotone a curve is.
     *
     * @param loss the loss at each step
     * @return the number of rises
     */
    public static int increases(double[] loss) {
        int n = 0;
        for (int t = 1; t < loss.length; t++) {
            if (loss[t] > loss[t - 1]) {
                n++;
            }
        }
        return n;
    }
}
