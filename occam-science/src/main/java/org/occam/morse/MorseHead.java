package org.occam.morse;

import java.util.function.Consumer;
import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.tensor.Recording;
import org.occam.data.Dataset;
import org.occam.optim.Optimizer;
import org.occam.tensor.Tensor;

/**
 * A Morse network on the frozen embeddings of a trained classifier (METHODS §8: "it can sit on
 * top of a pre-trained network"): {@code M(x, y) = K(ψ(e(x)), T_y)} with e the
 * {@link FrozenEmbedding} and ψ a small head model. Fitted with {@link MorseLoss#relative}
 * (reference weight 1), since the volume of a box in embedding space is not representable.
 *
 * @param embedding the frozen embedding e
 * @param network   the Morse network on embeddings (its φ is the head ψ)
 * @param params    the head's fitted parameters
 * @param reference the reference distribution in embedding space it was fitted against
 */
public record MorseHead(FrozenEmbedding embedding, MorseNetwork network, Params params, ReferenceDistribution reference) {

    /** Rows per forward pass when scoring. */
    static final int CHUNK = 1024;

    /**
     * The head and its fit.
     *
     * @param head the fitted head
     * @param fit the fit's parameters and loss curve
     */
    public record Fitted(MorseHead head, MorseFit.Result fit) {
    }

    /**
     * Fits the head: embeds {@code train} (labels dropped for the unsupervised network), fits the
     * reference to the embeddings ({@code reference.apply(embeddings)}, e.g.
     * {@code e -> ReferenceDistribution.around("box", e, 1.5)}), and runs {@link MorseFit} from {@code init}.
     *
     * @param embedding the frozen embedding
     * @param network the Morse network on the embeddings
     * @param init the starting parameters of φ
     * @param train the training data (raw inputs)
     * @param reference fits a reference distribution to the embeddings
     * @param optimizer the update rule
     * @param spec batch sizes, steps, schedule, seed
     * @param progress sees every logged point, or null
     * @return the head and its fit
     */
    public static Fitted fit(FrozenEmbedding embedding, MorseNetwork network, Params init, Dataset train,
                             Function<Tensor, ReferenceDistribution> reference, Optimizer optimizer, MorseFit.Spec spec,
                             Consumer<MorseFit.Point> progress) {
        Dataset e = embedding.embed(train, CHUNK);
        if (!network.supervised() && e.hasLabels()) {
            e = Dataset.of(e.name(), e.x(), null, 0);
        }
        ReferenceDistribution ref = reference.apply(e.x());
        MorseFit.Result r = MorseFit.fit(MorseLoss.relative(network), ref, init, e, optimizer, spec, progress);
        return new Fitted(new MorseHead(embedding, network, r.params(), ref), r);
    }

    /**
     * {@code log M(x)} for raw inputs {@code x}.
     *
     * @param x raw inputs
     * @return log M(x) per row
     */
    public double[] logDensity(Tensor x) {
        return network.logDensityValues(params, embedding.embed(x, CHUNK), CHUNK);
    }

    /**
     * OOD scores (higher = more OOD) for raw inputs.
     *
     * @param x raw inputs
     * @param kind which score
     * @return the scores
     */
    public double[] oodScores(Tensor x, OodScores.Kind kind) {
        return OodScores.fromLogDensity(logDensity(x), kind);
    }

    /**
     * The supervised head's distance-aware class probabilities {@code [N, C]} for raw inputs.
     *
     * @param x raw inputs
     * @return the probabilities
     */
    public Tensor classProbabilities(Tensor x) {
        Tensor e = embedding.embed(x, CHUNK);
        return Recording.noGrad(() -> network.classProbabilities(params, e));
    }
}
