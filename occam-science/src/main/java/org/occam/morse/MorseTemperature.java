package org.occam.morse;

import org.occam.tensor.Tensor;

/**
 * The Morse calibration temperature (METHODS §8): {@code τ(x) = M(x)^{−α}}, used to temper a
 * pre-trained classifier's logits, {@code p(y|x) = softmax(ℓ(x)/τ(x))}. Since {@code 0 < M ≤ 1},
 * {@code τ ≥ 1}: predictions are unchanged on the mode set ({@code M = 1}) and go to uniform far
 * from the training data ({@code M → 0}, {@code τ → ∞}).
 *
 * <p>[RECALLED] METHODS gives {@code τ = 1/M} "or a monotone function of it"; the exponent α
 * (default 1, i.e. {@code τ = 1/M}) is therefore a parameter.
 *
 * @param alpha the exponent α ≥ 0 (0 leaves the classifier unchanged)
 */
public record MorseTemperature(double alpha) {

    /** Checks that α is finite and non-negative. */
    public MorseTemperature {
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("temperature exponent must be finite and >= 0, got " + alpha);
        }
    }

    /**
     * {@code τ = 1/M}.
     *
     * @return the temperature with α = 1
     */
    public static MorseTemperature inverseDensity() {
        return new MorseTemperature(1);
    }

    /**
     * {@code τ(x) = exp(−α log M(x))}.
     *
     * @param logDensity log M(x)
     * @return τ(x)
     */
    public double temperature(double logDensity) {
        return Math.exp(-alpha * logDensity);
    }

    /**
     * The tempered logits {@code ℓ/τ = ℓ·M^α} for logits {@code [B, C]} and {@code log M} per row.
     *
     * @param logits the network's outputs
     * @param logDensity log M per row
     * @return the tempered logits
     */
    public Tensor temper(Tensor logits, double[] logDensity) {
        if (logits.rank() != 2 || logits.size(0) != logDensity.length) {
            throw new IllegalArgumentException("temper: logits [B, C] with B = " + logDensity.length + " rows expected, got "
                    + java.util.Arrays.toString(logits.shapeRef()));
        }
        double[] inv = new double[logDensity.length];
        for (int i = 0; i < inv.length; i++) {
            inv[i] = 1 / temperature(logDensity[i]);
        }
        return logits.mul(Tensor.of(logits.dtype(), inv, inv.length, 1));
    }

    /**
     * The tempered class probabilities {@code softmax(ℓ/τ)}, {@code [B, C]}.
     *
     * @param logits the network's outputs
     * @param logDensity log M per row
     * @return the probabilities
     */
    public Tensor probabilities(Tensor logits, double[] logDensity) {
        return temper(logits, logDensity).softmax(1);
    }
}
