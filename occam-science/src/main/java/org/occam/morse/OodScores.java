package org.occam.morse;

import java.util.Locale;
import org.occam.tensor.Recording;
import org.occam.tensor.Tensor;

/**
 * Out-of-distribution scores, higher = more out-of-distribution (METHODS §8), and the
 * maximum-softmax-probability baseline (Hendrycks &amp; Gimpel 2017).
 */
public final class OodScores {
    private OodScores() {
    }

    /** The Morse scores: both are decreasing in M, so they rank inputs identically up to ties. */
    public enum Kind {
        /** {@code −log M(x)}: keeps its resolution where M underflows (the default for ranking). */
        NEG_LOG_DENSITY,
        /** {@code 1 − M(x)} (supervised: {@code 1 − max_y M(x, y)}), in [0, 1]. */
        ONE_MINUS_DENSITY;

        /**
         * Parses neg-log-density / nll or one-minus-density / 1-m.
         *
         * @param s the name
         * @return the kind
         */
        public static Kind parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "neg-log-density", "nll", "-log-m" -> NEG_LOG_DENSITY;
                case "one-minus-density", "1-m" -> ONE_MINUS_DENSITY;
                default -> throw new IllegalArgumentException("unknown OOD score '" + s
                        + "': allowed values are neg-log-density, one-minus-density");
            };
        }
    }

    /**
     * Scores from {@code log M} values.
     *
     * @param logDensity log M per row
     * @param kind which score
     * @return the scores
     */
    public static double[] fromLogDensity(double[] logDensity, Kind kind) {
        double[] s = new double[logDensity.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = kind == Kind.NEG_LOG_DENSITY ? -logDensity[i] : -Math.expm1(logDensity[i]);
        }
        return s;
    }

    /**
     * The maximum-softmax-probability baseline: {@code 1 − max_y softmax(ℓ)_y} per row of logits {@code [B, C]}.
     *
     * @param logits the network's outputs
     * @return the scores
     */
    public static double[] maxSoftmax(Tensor logits) {
        return oneMinusMax(Recording.noGrad(() -> logits.softmax(1)));
    }

    /**
     * {@code 1 − max_y p_y} per row of probabilities {@code [B, C]}.
     *
     * @param probabilities the class probabilities [B, C]
     * @return the scores
     */
    public static double[] oneMinusMax(Tensor probabilities) {
        int n = probabilities.size(0);
        int c = probabilities.size(1);
        double[] v = probabilities.toDoubleArray();
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            double m = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) {
                m = Math.max(m, v[i * c + j]);
            }
            s[i] = 1 - m;
        }
        return s;
    }
}
