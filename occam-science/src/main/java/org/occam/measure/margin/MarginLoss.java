package org.occam.measure.margin;

import java.util.Locale;
import org.occam.tensor.Shape;
import org.occam.tensor.Tensor;

/**
 * The margin-based losses of Lyu and Li (METHODS §9), each summed over the examples,
 * L = Σ_i ℓ_i, with its smoothed margin γ̃ = Φ(L)/ρ^L (ρ = ‖θ‖₂, L in the exponent the
 * homogeneity degree):
 * <ul>
 *   <li>exponential, binary: ℓ_i = e^{−q_i}, Φ(L) = log(1/L);</li>
 *   <li>logistic, binary: ℓ_i = log(1 + e^{−q_i}), Φ(L) = log(1/(e^L − 1));</li>
 *   <li>cross-entropy, multiclass: ℓ_i = log(1 + Σ_{j≠y_i} e^{f_j − f_{y_i}}),
 *       Φ(L) = log(1/(e^L − 1)), as for the logistic loss.</li>
 * </ul>
 * Binary margins follow {@link Margins#binary} (labels 0/1 map to s = −1/+1). Everything is
 * computed from log ℓ_i in float64, so γ̃ stays finite after L underflows.
 *
 * <p>Bounds (derived here; they hold for every θ, also before the data are fitted), with
 * q_min = min_i q_i (multiclass: the smallest margin f_y − max_{j≠y} f_j), n examples and C
 * classes: Φ(L) ≤ q_min ≤ Φ(L) + s, so γ̄ − s/ρ^L ≤ γ̃ ≤ γ̄ with the slack
 * s = log n (exponential: e^{−q_min} ≤ L ≤ n e^{−q_min}), s = log n + L (logistic: L ≥
 * log(1 + e^{−q_min}) gives e^L − 1 ≥ e^{−q_min}; log(1+u) ≤ u gives L ≤ n e^{−q_min}, and
 * e^L − 1 ≤ L e^L), and s = log(n(C − 1)) + L (cross-entropy: each ℓ_i lies between
 * log(1 + e^{−M_i}) and log(1 + (C − 1)e^{−M_i})).
 */
public enum MarginLoss {
    /** ℓ = e^{−q} on one logit per example. */
    EXPONENTIAL,
    /** ℓ = log(1 + e^{−q}) on one logit per example. */
    LOGISTIC,
    /** Softmax cross-entropy on C logits per example. */
    CROSS_ENTROPY;

    /**
     * Parses exponential, logistic (binary_logistic) or cross_entropy (ce).
     *
     * @param s the name
     * @return the loss
     */
    public static MarginLoss parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "exponential" -> EXPONENTIAL;
            case "logistic", "binary_logistic" -> LOGISTIC;
            case "cross_entropy", "ce" -> CROSS_ENTROPY;
            default -> throw new IllegalArgumentException("unknown margin loss '" + s
                    + "': allowed values are exponential, logistic, cross_entropy");
        };
    }

    /**
     * The lower-case name used in configs.
     *
     * @return the name
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the loss takes one logit per example (exponential, logistic).
     *
     * @return whether it is binary
     */
    public boolean binary() {
        return this != CROSS_ENTROPY;
    }

    /**
     * log ℓ_i of every example, in float64 and without underflow.
     *
     * @param logits the network's outputs
     * @param labels the class of each row
     * @return log ℓ_i for each i
     */
    public double[] logLosses(Tensor logits, int[] labels) {
        if (binary() != Margins.isBinary(logits)) {
            throw new IllegalArgumentException(label() + " loss needs " + (binary() ? "one logit per example"
                    : "logits [N, C] with C >= 2") + ", got shape " + Shape.str(logits.shapeRef()));
        }
        if (this == CROSS_ENTROPY) {
            return crossEntropyLogLosses(logits, labels);
        }
        double[] q = Margins.binary(logits, labels);
        double[] out = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            out[i] = this == EXPONENTIAL ? -q[i] : LogSpace.logSoftplus(-q[i]);
        }
        return out;
    }

    /**
     * log L of the summed loss, from the per-example log-losses.
     *
     * @param logLosses log ℓ_i for each i
     * @return log L
     */
    public static double logSum(double[] logLosses) {
        return LogSpace.logSumExp(logLosses);
    }

    /**
     * Φ(L): log(1/L) (exponential) or log(1/(e^L − 1)) (logistic, cross-entropy), from log L.
     *
     * @param logSumLoss log L
     * @return Φ(L)
     */
    public double smoothedNumerator(double logSumLoss) {
        return this == EXPONENTIAL ? -logSumLoss : LogSpace.logInverseExpm1(logSumLoss);
    }

    /**
     * The slack s of the bounds γ̄ − s/ρ^L ≤ γ̃ ≤ γ̄ (class comment) for n examples and C classes.
     *
     * @param n n
     * @param classes C
     * @param logSumLoss log L
     * @return s
     */
    public double boundSlack(int n, int classes, double logSumLoss) {
        return switch (this) {
            case EXPONENTIAL -> Math.log(n);
            case LOGISTIC -> Math.log(n) + Math.exp(logSumLoss);
            case CROSS_ENTROPY -> Math.log((double) n * (classes - 1)) + Math.exp(logSumLoss);
        };
    }

    /**
     * The sum-loss level below which every example has a positive margin: 1 (exponential), log 2 otherwise.
     *
     * @return the level
     */
    public double fittedThreshold() {
        return this == EXPONENTIAL ? 1 : Math.log(2);
    }

    private static double[] crossEntropyLogLosses(Tensor logits, int[] labels) {
        int n = logits.size(0);
        int c = logits.size(1);
        if (labels.length != n) {
            throw new IllegalArgumentException("cross_entropy: logits of shape " + Shape.str(logits.shapeRef()) + " for "
                    + labels.length + " labels");
        }
        double[] f = logits.toDoubleArray();
        double[] out = new double[n];
        double[] others = new double[c - 1];
        for (int i = 0; i < n; i++) {
            int y = labels[i];
            if (y < 0 || y >= c) {
                throw new IllegalArgumentException("cross_entropy: label " + y + " at " + i + " is outside 0.." + (c - 1));
            }
            int k = 0;
            for (int j = 0; j < c; j++) {
                if (j != y) {
                    others[k++] = f[i * c + j] - f[i * c + y];
                }
            }
            out[i] = LogSpace.logSoftplus(LogSpace.logSumExp(others));
        }
        return out;
    }
}
