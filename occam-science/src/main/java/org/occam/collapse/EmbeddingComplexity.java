package org.occam.collapse;

import org.occam.autodiff.Params;
import org.occam.data.Dataset;
import org.occam.measure.GeometricComplexity;
import org.occam.nn.Sequential;
import org.occam.tensor.Tensor;

/**
 * Geometric complexity of an embedding per class (METHODS §7.2, §7.4):
 * GC_c = (1/n_c) Σ_{x∈class c} ‖∇_x f(x)‖²_F, f the output of the first {@code layer} layers,
 * exact ({@link GeometricComplexity#exactLayer}) in chunks of rows, summed in float64.
 */
public final class EmbeddingComplexity {
    private EmbeddingComplexity() {
    }

    /**
     * GC_c for every class c of a labelled data set (every class needs a row).
     *
     * @param model the network
     * @param p the parameters
     * @param data labelled data
     * @param layer the number of leading layers giving the embedding f
     * @param chunk rows per pass
     * @return GC_c, by class
     */
    public static double[] classGc(Sequential model, Params p, Dataset data, int layer, int chunk) {
        Embeddings.checkLayer(model, layer);
        if (!data.hasLabels()) {
            throw new IllegalArgumentException("per-class GC needs class labels; " + data.name() + " has none");
        }
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be positive, got " + chunk);
        }
        int[][] byClass = indices(data);
        double[] gc = new double[byClass.length];
        for (int c = 0; c < byClass.length; c++) {
            if (byClass[c].length == 0) {
                throw new IllegalArgumentException("class " + c + " of " + data.name() + " has no rows");
            }
            gc[c] = gc(model, p, data.subset(byClass[c]).x(), layer, chunk);
        }
        return gc;
    }

    /**
     * (1/n) Σ_x ‖∇_x f(x)‖²_F over the rows of x, in chunks.
     *
     * @param model the network
     * @param p the parameters
     * @param x the inputs
     * @param layer the number of leading layers giving the embedding f
     * @param chunk rows per pass
     * @return the GC of the embedding
     */
    public static double gc(Sequential model, Params p, Tensor x, int layer, int chunk) {
        int n = x.size(0);
        double sum = 0;
        for (int start = 0; start < n; start += chunk) {
            int end = Math.min(n, start + chunk);
            sum += GeometricComplexity.exactLayer(model, p, x.slice(0, start, end), layer).item() * (end - start);
        }
        return sum / n;
    }

    /**
     * The example-weighted mean Σ_c n_c GC_c / Σ_c n_c: the GC over the whole set.
     *
     * @param classGc GC_c of each class
     * @param counts n_c of each class
     * @return the pooled GC
     */
    public static double pooled(double[] classGc, int[] counts) {
        double s = 0;
        long n = 0;
        for (int c = 0; c < classGc.length; c++) {
            s += classGc[c] * counts[c];
            n += counts[c];
        }
        return s / n;
    }

    private static int[][] indices(Dataset data) {
        int[] y = data.y();
        int[] counts = new int[data.numClasses()];
        for (int label : y) {
            counts[label]++;
        }
        int[][] idx = new int[counts.length][];
        for (int c = 0; c < counts.length; c++) {
            idx[c] = new int[counts[c]];
        }
        int[] fill = new int[counts.length];
        for (int i = 0; i < y.length; i++) {
            idx[y[i]][fill[y[i]]++] = i;
        }
        return idx;
    }
}
