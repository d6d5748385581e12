package org.occam.measure.margin;

import java.io.Serializable;
import org.occam.autodiff.Params;
import org.occam.data.Dataset;
import org.occam.measure.GeometricComplexity;
import org.occam.nn.Model;
import org.occam.tensor.Tensor;

/**
 * The margin-normalised geometric complexity of the GC generalisation bound (Munn, Dherin and
 * Gonzalvo; METHODS §7.3): GC/γ², where GC = mean_x ‖∇_x f(x)‖²_F is taken on the logits
 * ({@link GeometricComplexity#exact}; METHODS §10 pitfall 8) and γ is a low quantile (type 7,
 * {@link Quantiles}; 10th percentile by default) of the training margins. The bound's complexity
 * term scales like √(C_P·GC/(γ² n)), so GC/γ² is the quantity to compare across runs. It is
 * undefined (NaN) when γ ≤ 0, i.e. when more than the quantile's share of training examples is
 * misclassified.
 *
 * @param gc           geometric complexity of the logits
 * @param gamma        γ, the quantile of the training margins
 * @param level        the quantile level
 * @param gcOverGamma2 GC/γ² (NaN when γ ≤ 0)
 */
public record MarginGc(double gc, double gamma, double level, double gcOverGamma2) implements Serializable {

    /** The default quantile level of γ: the 10th percentile of the training margins. */
    public static final double DEFAULT_LEVEL = 0.1;

    /**
     * GC/γ² from a GC value and the training margins.
     *
     * @param gc the GC value
     * @param margins the training margins
     * @param level the quantile level of γ
     * @return the ratio with its parts
     */
    public static MarginGc of(double gc, double[] margins, double level) {
        double gamma = Quantiles.of(margins, level);
        return new MarginGc(gc, gamma, level, ratio(gc, gamma));
    }

    /**
     * GC/γ², or NaN when γ ≤ 0.
     *
     * @param gc GC
     * @param gamma γ
     * @return GC/γ²
     */
    public static double ratio(double gc, double gamma) {
        return gamma > 0 ? gc / (gamma * gamma) : Double.NaN;
    }

    /**
     * GC of the logits over the inputs {@code gcInputs} (e.g. a subset of the training set) and γ
     * from the margins of every example of {@code train}.
     *
     * @param model the network
     * @param p θ
     * @param gcInputs the inputs GC is averaged over
     * @param train the training set
     * @param level the quantile level of γ
     * @return the ratio with its parts
     */
    public static MarginGc measure(Model model, Params p, Tensor gcInputs, Dataset train, double level) {
        double gc = GeometricComplexity.exact(model, p, gcInputs).item();
        return of(gc, Margins.of(model, p, train), level);
    }

    /**
     * GC and γ both over the whole training set.
     *
     * @param model the network
     * @param p θ
     * @param train the training set
     * @param level the quantile level of γ
     * @return the ratio with its parts
     */
    public static MarginGc measure(Model model, Params p, Dataset train, double level) {
        return measure(model, p, train.x(), train, level);
    }
}
