package org.occam.measure.margin;

import org.occam.autodiff.Params;
import org.occam.data.Dataset;
import org.occam.nn.Model;

/**
 * Normalised and smoothed margins of an L-homogeneous network (Lyu and Li; METHODS §9), with
 * ρ = ‖θ‖₂ and the loss summed over the examples: γ̄ = min_i q_i / ρ^L and γ̃ = Φ(L)/ρ^L, where
 * Φ(L) = log(1/L) for the exponential loss and log(1/(e^L − 1)) for the logistic and
 * cross-entropy losses. γ̃ ≤ γ̄ ≤ γ̃ + s/ρ^L (the slack s of {@link MarginLoss#boundSlack}); once
 * L &lt; {@link MarginLoss#fittedThreshold} γ̃ is non-decreasing along gradient flow.
 *
 * @param degree     the homogeneity degree L
 * @param paramNorm  ρ = ‖θ‖₂
 * @param minMargin  min_i q_i
 * @param logSumLoss log L
 * @param normalized γ̄
 * @param smoothed   γ̃
 * @param slack      s, so that γ̄ − s/ρ^L ≤ γ̃
 */
public record HomogeneousMargins(int degree, double paramNorm, double minMargin, double logSumLoss, double normalized,
                                 double smoothed, double slack) {

    /**
     * γ̄ = min_i q_i / ρ^L.
     *
     * @param minMargin min_i q_i
     * @param paramNorm ρ = ‖θ‖
     * @param degree L
     * @return γ̄
     */
    public static double normalizedMargin(double minMargin, double paramNorm, int degree) {
        return minMargin / Math.pow(paramNorm, degree);
    }

    /**
     * γ̃ = Φ(L)/ρ^L from log L (stable when L underflows).
     *
     * @param loss the margin loss
     * @param logSumLoss log L
     * @param paramNorm ρ
     * @param degree L
     * @return γ̃
     */
    public static double smoothedMargin(MarginLoss loss, double logSumLoss, double paramNorm, int degree) {
        return loss.smoothedNumerator(logSumLoss) / Math.pow(paramNorm, degree);
    }

    /**
     * Both margins from measured training margins, the parameter norm and the degree.
     *
     * @param m the training margins
     * @param paramNorm ρ
     * @param degree L
     * @return the margins
     */
    public static HomogeneousMargins of(TrainingMargins m, double paramNorm, int degree) {
        double logL = m.logSumLoss();
        double min = m.minMargin();
        return new HomogeneousMargins(degree, paramNorm, min, logL, normalizedMargin(min, paramNorm, degree),
                smoothedMargin(m.loss(), logL, paramNorm, degree), m.loss().boundSlack(m.size(), m.classes(), logL));
    }

    /**
     * Both margins of a homogeneous model over a data set (the degree from {@link Homogeneity#degree}).
     *
     * @param model the network
     * @param p θ
     * @param data the training set
     * @param loss the margin loss
     * @return the margins
     */
    public static HomogeneousMargins measure(Model model, Params p, Dataset data, MarginLoss loss) {
        int degree = Homogeneity.degree(model);
        return of(TrainingMargins.of(model, p, data, loss), Directions.norm(p), degree);
    }

    /**
     * The lower bound γ̄ − s/ρ^L of γ̃.
     *
     * @return the bound
     */
    public double lowerBound() {
        return normalized - slack / Math.pow(paramNorm, degree);
    }

    /**
     * The summed loss L (0 once it underflows; {@link #logSumLoss} keeps it).
     *
     * @return L
     */
    public double sumLoss() {
        return Math.exp(logSumLoss);
    }
}
