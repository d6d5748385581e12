package org.occam.collapse;

import org.occam.autodiff.Params;
import org.occam.data.Dataset;
import org.occam.nn.Sequential;
import org.occam.tensor.Rng;

/**
 * How to measure collapse and transfer of one embedding (METHODS §7.4, §11 NC-1): on the source
 * (training) classes NC1, CDNV and NCC accuracy, optionally the embedding's GC with the Poincaré
 * bound; on held-out target classes, when given, NC1, CDNV, NCC accuracy and k-shot NCC accuracy.
 *
 * @param layer    the embedding is the output of this many layers; −1: all but the last (penultimate)
 * @param gc       whether to compute the embedding's GC per source class (k pullbacks per chunk: the costly part)
 * @param shots    k of k-shot transfer
 * @param episodes few-shot episodes
 * @param seed     seed of the few-shot episodes
 * @param chunk    rows per forward pass and per GC pass
 */
public record CollapseProbe(int layer, boolean gc, int shots, int episodes, long seed, int chunk) {

    /** Checks the counts. */
    public CollapseProbe {
        if (layer < -1) {
            throw new IllegalArgumentException("layer must be >= 0, or -1 for the penultimate embedding, got " + layer);
        }
        if (shots < 1 || episodes < 1 || chunk < 1) {
            throw new IllegalArgumentException("shots, episodes and chunk must be positive, got " + shots + ", " + episodes
                    + ", " + chunk);
        }
    }

    /**
     * Penultimate embedding, GC on, 5-shot over 100 episodes with seed 0, chunks of 256 rows.
     *
     * @return the probe
     */
    public static CollapseProbe defaults() {
        return new CollapseProbe(-1, true, 5, 100, 0, 256);
    }

    /**
     * The prefix length for this model (resolves −1 to the penultimate layer).
     *
     * @param model the network
     * @return the number of leading layers that give the embedding
     */
    public int layerFor(Sequential model) {
        int l = layer < 0 ? Embeddings.penultimate(model) : layer;
        Embeddings.checkLayer(model, l);
        return l;
    }

    /**
     * Measures on {@code source} and, when not null, on {@code target} (held-out classes).
     *
     * @param model the network
     * @param p the parameters
     * @param source the training classes
     * @param target the held-out classes, or null
     * @return the collapse and transfer statistics
     */
    public TransferStats measure(Sequential model, Params p, Dataset source, Dataset target) {
        int l = layerFor(model);
        Embeddings src = Embeddings.embed(model, p, source, l, chunk);
        ClassGeometry geometry = ClassGeometry.of(src);
        CollapseStats s = NeuralCollapse.measure(src, geometry);
        PoincareLink link = gc ? PoincareLink.of(geometry,
                EmbeddingComplexity.classGc(model, p, source, l, chunk)) : null;
        if (target == null) {
            return new TransferStats(s, link, null, null);
        }
        Embeddings tgt = Embeddings.embed(model, p, target, l, chunk);
        return new TransferStats(s, link, NeuralCollapse.measure(tgt), FewShot.evaluate(tgt, shots, episodes, Rng.seed(seed)));
    }
}
