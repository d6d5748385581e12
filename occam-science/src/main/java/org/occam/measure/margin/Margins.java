package org.occam.measure.margin;

import org.occam.autodiff.Params;
import org.occam.tensor.Recording;
import org.occam.data.Dataset;
import org.occam.nn.Losses;
import org.occam.nn.Model;
import org.occam.tensor.Shape;
import org.occam.tensor.Tensor;

/**
 * Classification margins (METHODS §7.3, §9). Multiclass: M_f(x, y) = f_y(x) − max_{j≠y} f_j(x)
 * ({@link Losses#margins}). Binary (one logit per example): q_i = s_i f(x_i) with s_i = +1 for
 * label 1 and −1 for label 0, the same sign convention as {@link Losses#binaryLogistic} and
 * {@link Losses#exponential}. A margin is positive exactly when the example is classified
 * correctly (ties count as wrong).
 */
public final class Margins {
    private Margins() {
    }

    /** Rows per forward pass when margins are taken over a whole data set. */
    static final int CHUNK = 2048;

    /**
     * Binary margins s_i·f_i of logits [N] or [N, 1] with labels in {0, 1}.
     *
     * @param logits the network's outputs
     * @param labels the class of each row
     * @return the margins
     */
    public static double[] binary(Tensor logits, int[] labels) {
        double[] f = logits.toDoubleArray();
        if (f.length != labels.length || (logits.rank() == 2 && logits.size(1) != 1) || logits.rank() > 2) {
            throw new IllegalArgumentException("binary margins need logits [N] or [N, 1] with N = " + labels.length
                    + " labels, got shape " + Shape.str(logits.shapeRef()));
        }
        double[] q = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            q[i] = sign(labels[i], i) * f[i];
        }
        return q;
    }

    /**
     * Multiclass margins f_y − max_{j≠y} f_j of logits [N, C], C ≥ 2 (via {@link Losses#margins}).
     *
     * @param logits the network's outputs
     * @param labels the class of each row
     * @return the margins
     */
    public static double[] multiclass(Tensor logits, int[] labels) {
        if (logits.rank() != 2 || logits.size(1) < 2) {
            throw new IllegalArgumentException("multiclass margins need logits [N, C] with C >= 2, got shape "
                    + Shape.str(logits.shapeRef()));
        }
        return Recording.noGrad(() -> Losses.margins(logits, labels)).toDoubleArray();
    }

    /**
     * Binary margins for one logit per example ([N] or [N, 1]), multiclass margins otherwise.
     *
     * @param logits the network's outputs
     * @param labels the class of each row
     * @return the margins
     */
    public static double[] of(Tensor logits, int[] labels) {
        return isBinary(logits) ? binary(logits, labels) : multiclass(logits, labels);
    }

    /**
     * The margins of every example of a labelled data set under (model, p), in chunks, without a graph.
     *
     * @param model the network
     * @param p θ
     * @param data the data set
     * @return the margins
     */
    public static double[] of(Model model, Params p, Dataset data) {
        requireLabels(data);
        int n = data.size();
        double[] q = new double[n];
        for (int start = 0; start < n; start += CHUNK) {
            int end = Math.min(n, start + CHUNK);
            Dataset part = data.slice(start, end);
            Tensor logits = Recording.noGrad(() -> model.apply(p, part.x()));
            System.arraycopy(of(logits, part.y()), 0, q, start, end - start);
        }
        return q;
    }

    /**
     * Whether logits hold one value per example ([N] or [N, 1]).
     *
     * @param logits the network's outputs
     * @return whether they are binary
     */
    public static boolean isBinary(Tensor logits) {
        return logits.rank() == 1 || (logits.rank() == 2 && logits.size(1) == 1);
    }

    /** +1 for label 1, −1 for label 0. */
    static double sign(int label, int index) {
        if (label != 0 && label != 1) {
            throw new IllegalArgumentException("binary margins: label " + label + " at " + index + " is not 0 or 1");
        }
        return label == 1 ? 1 : -1;
    }

    static void requireLabels(Dataset data) {
        if (!data.hasLabels()) {
            throw new IllegalArgumentException("margins need class labels; data set " + data.name()
                    + " has regression targets only");
        }
    }
}
