package org.occam.morse;

import org.occam.autodiff.Params;
import org.occam.tensor.Recording;
import org.occam.tensor.Ops;
import org.occam.data.Dataset;
import org.occam.nn.Sequential;
import org.occam.tensor.Tensor;

/**
 * The frozen embedding of a trained classifier: the output of its first {@code upTo} layers
 * ({@link Sequential#applyPrefix}), e.g. the penultimate layer for a Morse head (METHODS §8:
 * "it can sit on top of a pre-trained network"). Computed without recording a graph, so nothing
 * flows back into the classifier.
 *
 * @param model  the trained classifier
 * @param params its parameters (kept fixed)
 * @param upTo   the number of leading layers to apply (exclusive end index)
 */
public record FrozenEmbedding(Sequential model, Params params, int upTo) {

    /** Checks the depth and detaches the parameters from any graph. */
    public FrozenEmbedding {
        if (upTo < 1 || upTo > model.layers().size()) {
            throw new IllegalArgumentException("embedding depth must be in [1, " + model.layers().size() + "], got " + upTo);
        }
        params = params.detach();
    }

    /**
     * The input of the classifier's last layer: the penultimate representation.
     *
     * @param model the classifier
     * @param params its parameters
     * @return the embedding
     */
    public static FrozenEmbedding penultimate(Sequential model, Params params) {
        return new FrozenEmbedding(model, params, model.layers().size() - 1);
    }

    /**
     * The embeddings of the rows of {@code x}, {@code [N, e]}, computed in chunks of {@code chunk} rows.
     *
     * @param x the inputs
     * @param chunk rows per pass
     * @return the embeddings
     */
    public Tensor embed(Tensor x, int chunk) {
        return Recording.noGrad(() -> {
            int n = x.size(0);
            Tensor[] parts = new Tensor[(n + chunk - 1) / chunk];
            for (int s = 0, k = 0; s < n; s += chunk, k++) {
                Tensor e = model.applyPrefix(params, x.slice(0, s, Math.min(n, s + chunk)), upTo);
                parts[k] = e.reshape(e.size(0), e.numel() / Math.max(1, e.size(0)));
            }
            return parts.length == 1 ? parts[0].contiguous() : Ops.concat(0, parts);
        });
    }

    /**
     * The data set of embeddings, with the same labels.
     *
     * @param data the data set
     * @param chunk rows per pass
     * @return the embedded data set
     */
    public Dataset embed(Dataset data, int chunk) {
        Tensor e = embed(data.x(), chunk);
        return data.hasLabels() ? Dataset.of(data.name() + "-embedded", e, data.y(), data.numClasses(), data.classNames())
                : Dataset.of(data.name() + "-embedded", e, null, 0);
    }

    /**
     * The classifier's logits for the rows of {@code x}, in chunks, without a graph.
     *
     * @param x the inputs
     * @param chunk rows per pass
     * @return the logits
     */
    public Tensor logits(Tensor x, int chunk) {
        return Recording.noGrad(() -> {
            int n = x.size(0);
            Tensor[] parts = new Tensor[(n + chunk - 1) / chunk];
            for (int s = 0, k = 0; s < n; s += chunk, k++) {
                parts[k] = model.apply(params, x.slice(0, s, Math.min(n, s + chunk)));
            }
            return parts.length == 1 ? parts[0].contiguous() : Ops.concat(0, parts);
        });
    }
}
