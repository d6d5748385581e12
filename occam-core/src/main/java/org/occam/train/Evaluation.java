package org.occam.train;

import org.occam.autodiff.Params;
import org.occam.tensor.Recording;
import org.occam.data.Batch;
import org.occam.data.Dataset;
import org.occam.nn.Losses;
import org.occam.nn.Model;

/** Loss and accuracy of a model over a whole data set, in chunks, without recording a graph. */
public final class Evaluation {
    private Evaluation() {
    }

    /**
     * Mean loss and (for labelled data) accuracy.
     *
     * @param loss the mean loss over the data set
     * @param accuracy the fraction classified correctly (NaN for a data set without labels)
     */
    public record Result(double loss, double accuracy) {
    }

    /**
     * Evaluates {@code objective} and the accuracy of {@code model} at {@code params} over all of {@code data}.
     *
     * @param model the network (gives the logits for the accuracy)
     * @param objective the loss to average
     * @param params the parameters to evaluate at
     * @param data the data set
     * @param chunk rows per forward pass
     * @return the mean loss and accuracy
     */
    public static Result evaluate(Model model, Objective objective, Params params, Dataset data, int chunk) {
        return Recording.noGrad(() -> {
            double lossSum = 0;
            long correct = 0;
            int n = data.size();
            for (int start = 0; start < n; start += chunk) {
                int end = Math.min(n, start + chunk);
                Batch b = data.slice(start, end).batch(range(end - start));
                lossSum += objective.loss(params, b).item() * (end - start);
                if (b.y() != null && data.numClasses() > 1) {
                    correct += Math.round(Losses.accuracy(model.apply(params, b.x()), b.y()) * (end - start));
                }
            }
            return new Result(lossSum / n, data.hasLabels() ? (double) correct / n : Double.NaN);
        });
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
