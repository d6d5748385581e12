package org.occam.collapse;

import java.util.Arrays;
import org.occam.autodiff.Params;
import org.occam.tensor.Recording;
import org.occam.data.Dataset;
import org.occam.nn.Sequential;
import org.occam.tensor.Shape;
import org.occam.tensor.Tensor;

/**
 * Labelled embedding vectors f(x_i) ∈ R^p in float64, the input of every collapse measure
 * (METHODS §7.4). Arrays are copied in; the accessors return the stored arrays (do not modify).
 *
 * @param rows       one embedding per example, each of length {@link #dim()}
 * @param labels     the class of each row, in [0, numClasses)
 * @param numClasses the number of classes C
 */
public record Embeddings(double[][] rows, int[] labels, int numClasses) {

    /** Checks shapes and labels and copies the arrays. */
    public Embeddings {
        if (rows.length != labels.length) {
            throw new IllegalArgumentException("embeddings: " + rows.length + " rows but " + labels.length + " labels");
        }
        if (rows.length == 0) {
            throw new IllegalArgumentException("embeddings: no rows");
        }
        if (numClasses < 1) {
            throw new IllegalArgumentException("embeddings: numClasses must be positive, got " + numClasses);
        }
        int p = rows[0].length;
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != p) {
                throw new IllegalArgumentException("embeddings: row " + i + " has " + rows[i].length + " entries, row 0 has " + p);
            }
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("embeddings: label " + labels[i] + " at row " + i + " is outside [0, "
                        + numClasses + ")");
            }
            copy[i] = rows[i].clone();
        }
        rows = copy;
        labels = labels.clone();
    }

    /**
     * Embeddings from a tensor [n, p] (any dtype, read as float64) and its labels.
     *
     * @param z the embeddings [n, p]
     * @param labels the class of each row
     * @param numClasses C
     * @return the embeddings
     */
    public static Embeddings of(Tensor z, int[] labels, int numClasses) {
        if (z.rank() != 2) {
            throw new IllegalArgumentException("embeddings need a tensor [n, p], got shape " + Shape.str(z.shapeRef()));
        }
        int n = z.size(0);
        int p = z.size(1);
        double[] flat = z.toDoubleArray();
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = Arrays.copyOfRange(flat, i * p, (i + 1) * p);
        }
        return new Embeddings(rows, labels, numClasses);
    }

    /**
     * The output of the first {@code layer} layers of {@code model} on every example of a labelled
     * data set, flattened per example, computed without recording in chunks of {@code chunk} rows.
     *
     * @param model the network
     * @param p the parameters
     * @param data labelled data
     * @param layer the number of leading layers
     * @param chunk rows per pass
     * @return the embeddings
     */
    public static Embeddings embed(Sequential model, Params p, Dataset data, int layer, int chunk) {
        checkLayer(model, layer);
        if (!data.hasLabels()) {
            throw new IllegalArgumentException("embeddings need class labels; " + data.name() + " has none");
        }
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be positive, got " + chunk);
        }
        int n = data.size();
        double[][] rows = new double[n][];
        for (int start = 0; start < n; start += chunk) {
            int end = Math.min(n, start + chunk);
            Tensor x = data.x().slice(0, start, end);
            Tensor z = Recording.noGrad(() -> model.applyPrefix(p, x, layer));
            int m = end - start;
            int width = z.numel() / m;
            double[] flat = z.toDoubleArray();
            for (int i = 0; i < m; i++) {
                rows[start + i] = Arrays.copyOfRange(flat, i * width, (i + 1) * width);
            }
        }
        return new Embeddings(rows, data.y(), data.numClasses());
    }

    /**
     * The penultimate embedding's prefix length: every layer but the last (METHODS §7.4).
     *
     * @param model the network
     * @return the number of its layers minus one
     */
    public static int penultimate(Sequential model) {
        if (model.layers().size() < 2) {
            throw new IllegalArgumentException("a penultimate embedding needs at least 2 layers, got " + model.describe());
        }
        return model.layers().size() - 1;
    }

    /** Throws unless 0 ≤ layer ≤ number of layers. */
    static void checkLayer(Sequential model, int layer) {
        if (layer < 0 || layer > model.layers().size()) {
            throw new IllegalArgumentException("layer must be in [0, " + model.layers().size() + "] for " + model.describe()
                    + ", got " + layer);
        }
    }

    /**
     * The number of rows n.
     *
     * @return n
     */
    public int size() {
        return rows.length;
    }

    /**
     * The embedding dimension p.
     *
     * @return p
     */
    public int dim() {
        return rows[0].length;
    }

    /**
     * The row indices of each class, in row order.
     *
     * @return the rows of each class
     */
    public int[][] classIndices() {
        int[] counts = new int[numClasses];
        for (int y : labels) {
            counts[y]++;
        }
        int[][] idx = new int[numClasses][];
        for (int c = 0; c < numClasses; c++) {
            idx[c] = new int[counts[c]];
        }
        int[] fill = new int[numClasses];
        for (int i = 0; i < labels.length; i++) {
            idx[labels[i]][fill[labels[i]]++] = i;
        }
        return idx;
    }
}
