package org.occam.games.gan;

import java.util.List;
import org.occam.games.GameState;

/**
 * The outcome of one GAN training run ({@link GanTraining}).
 *
 * @param config     how it was trained
 * @param finalState (discriminator φ, generator θ) after the last round, or at divergence
 * @param logs       the logged rounds in order
 * @param divergedAt the round after which a parameter or logged value was NaN/±∞, or −1
 * @param seconds    wall time
 */
public record GanRun(GanConfig config, GameState finalState, List<GanLog> logs, long divergedAt, double seconds) {
    /** Copies the logs. */
    public GanRun {
        logs = List.copyOf(logs);
    }

    /**
     * Whether training stopped on a non-finite value.
     *
     * @return whether it diverged
     */
    public boolean diverged() {
        return divergedAt >= 0;
    }

    /**
     * The mean of a logged quantity over the last {@code fraction} of the logs (at least one;
     * non-finite values skipped), NaN when none is finite: e.g. the final gradient norms.
     *
     * @param f the quantity
     * @param fraction the tail's share of the logs
     * @return the mean
     */
    public double tailMean(java.util.function.ToDoubleFunction<GanLog> f, double fraction) {
        if (logs.isEmpty()) {
            return Double.NaN;
        }
        int from = Math.min(logs.size() - 1, (int) Math.floor(logs.size() * (1 - fraction)));
        double sum = 0;
        int n = 0;
        for (GanLog l : logs.subList(from, logs.size())) {
            double v = f.applyAsDouble(l);
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
