package org.occam.measure.margin;

import org.occam.autodiff.Params;
import org.occam.tensor.Recording;
import org.occam.data.Dataset;
import org.occam.nn.Model;
import org.occam.tensor.Tensor;

/**
 * The margins q_i and the float64 log-losses log ℓ_i of every example of a data set under one
 * loss (METHODS §9), from one chunked forward pass without a graph.
 *
 * @param loss      the margin loss ℓ
 * @param margins   q_i (binary s_i f_i, or multiclass f_y − max_{j≠y} f_j)
 * @param logLosses log ℓ_i
 * @param classes   outputs per example for multiclass logits (2 for binary ones)
 */
public record TrainingMargins(MarginLoss loss, double[] margins, double[] logLosses, int classes) {

    /**
     * Margins and log-losses of every example of {@code data}.
     *
     * @param model the network
     * @param p θ
     * @param data the training set
     * @param loss the margin loss
     * @return the margins and log-losses
     */
    public static TrainingMargins of(Model model, Params p, Dataset data, MarginLoss loss) {
        Margins.requireLabels(data);
        int n = data.size();
        double[] q = new double[n];
        double[] logL = new double[n];
        int classes = 2;
        for (int start = 0; start < n; start += Margins.CHUNK) {
            int end = Math.min(n, start + Margins.CHUNK);
            Dataset part = data.slice(start, end);
            Tensor logits = Recording.noGrad(() -> model.apply(p, part.x()));
            System.arraycopy(Margins.of(logits, part.y()), 0, q, start, end - start);
            System.arraycopy(loss.logLosses(logits, part.y()), 0, logL, start, end - start);
            classes = Margins.isBinary(logits) ? 2 : logits.size(1);
        }
        return new TrainingMargins(loss, q, logL, classes);
    }

    /**
     * Examples.
     *
     * @return n
     */
    public int size() {
        return margins.length;
    }

    /**
     * log L of the summed loss L = Σ_i ℓ_i.
     *
     * @return log L
     */
    public double logSumLoss() {
        return MarginLoss.logSum(logLosses);
    }

    /**
     * The smallest margin.
     *
     * @return min_i q_i
     */
    public double minMargin() {
        double m = Double.POSITIVE_INFINITY;
        for (double v : margins) {
            m = Math.min(m, v);
        }
        return m;
    }
}
