package org.occam.morse;

import org.occam.autodiff.Params;
import org.occam.tensor.Ops;
import org.occam.tensor.Tensor;

/**
 * The Morse loss (METHODS §8): the θ-dependent part of the unnormalised KL divergence
 * {@code KL(p‖M) = E_p[log p − log M] − 1 + ∫M},
 *
 * <pre>
 *   unsupervised: L(θ) = E_{x~data}[−log K(φ_θ(x), T)]      + w · E_{u~ν}[K(φ_θ(u), T)]
 *   supervised:   L(θ) = E_{(x,y)~data}[−log K(φ_θ(x), T_y)] + w · E_{u~ν, y~Unif(C)}[K(φ_θ(u), T_y)]
 * </pre>
 *
 * estimated on a batch of data and a batch of reference draws (the expectation over the uniform
 * label is computed exactly, by averaging over all C targets). With the Gaussian kernel the data
 * term is {@code (λ²/2)E‖φ(x) − T‖²}: Deep SVDD; the reference term stops φ from collapsing.
 *
 * <p>The weight w of the reference term [RECALLED; a parameter here]:
 * <ul>
 *   <li>{@link #lebesgue}: {@code w = V·C} with V the volume of a uniform reference box, so that
 *       {@code w·E_ν[K] = ∫Σ_y M(x, y) dx} and L is the KL with respect to Lebesgue (× counting)
 *       measure: METHODS §8 as written. Only usable where V is representable (low dimension).</li>
 *   <li>{@link #relative}: {@code w = 1}: the same KL with the reference ν itself as the base
 *       measure ({@code p = dμ/dν}); the only finite choice for high-dimensional references
 *       (e.g. a box around 128-dimensional embeddings), and what {@link MorseHead} uses.</li>
 * </ul>
 *
 * @param network         the Morse network
 * @param referenceWeight w ≥ 0
 */
public record MorseLoss(MorseNetwork network, double referenceWeight) {

    /** Checks a network and a finite, non-negative reference weight. */
    public MorseLoss {
        if (network == null) {
            throw new IllegalArgumentException("a Morse loss needs a network");
        }
        if (!(referenceWeight >= 0) || Double.isInfinite(referenceWeight)) {
            throw new IllegalArgumentException("the reference weight must be finite and non-negative, got " + referenceWeight);
        }
    }

    /**
     * The KL with respect to Lebesgue (× counting) measure: {@code w = V·C} for a uniform reference of volume V.
     *
     * @param network the Morse network
     * @param reference the uniform reference
     * @return the loss
     */
    public static MorseLoss lebesgue(MorseNetwork network, ReferenceDistribution reference) {
        double logW = reference.logVolume() + Math.log(network.classes());
        if (!(logW < 700)) {
            throw new IllegalArgumentException("the reference volume (log V = " + reference.logVolume() + ") is not "
                    + "representable: use MorseLoss.relative (KL with respect to the reference measure) instead");
        }
        return new MorseLoss(network, Math.exp(logW));
    }

    /**
     * The KL with the reference measure as base measure: {@code w = 1}.
     *
     * @param network the Morse network
     * @return the loss
     */
    public static MorseLoss relative(MorseNetwork network) {
        return new MorseLoss(network, 1.0);
    }

    /**
     * The two terms of the loss on one batch (for logging): data term and weighted reference term.
     *
     * @param data the data term
     * @param reference the weighted reference term
     */
    public record Terms(double data, double reference) {
        /**
         * Their sum, the loss.
         *
         * @return the loss
         */
        public double total() {
            return data + reference;
        }
    }

    /**
     * The loss on a data batch {@code x [B, d]} with labels {@code y} (null, or ignored, for the
     * unsupervised network) and reference draws {@code u [R, d]}: a differentiable scalar.
     *
     * @param p the parameters
     * @param x the data batch
     * @param y the labels, or null
     * @param u the reference draws
     * @return the loss
     */
    public Tensor value(Params p, Tensor x, int[] y, Tensor u) {
        return dataTerm(p, x, y).add(referenceTerm(p, u));
    }

    /**
     * Both terms as numbers.
     *
     * @param p the parameters
     * @param x the data batch
     * @param y the labels, or null
     * @param u the reference draws
     * @return the terms
     */
    public Terms terms(Params p, Tensor x, int[] y, Tensor u) {
        return new Terms(dataTerm(p, x, y).item(), referenceTerm(p, u).item());
    }

    /**
     * {@code E_data[−log K(φ(x), T_y)]} on the batch.
     *
     * @param p the parameters
     * @param x the data batch
     * @param y the labels, or null
     * @return the data term
     */
    public Tensor dataTerm(Params p, Tensor x, int[] y) {
        Tensor lk = network.logKernels(p, x);
        int n = lk.size(0);
        if (!network.supervised()) {
            return lk.mean().neg();
        }
        if (y == null || y.length != n) {
            throw new IllegalArgumentException("the supervised Morse loss needs one label per row: " + n + " rows, "
                    + (y == null ? "no labels" : y.length + " labels"));
        }
        for (int i = 0; i < n; i++) {
            if (y[i] < 0 || y[i] >= network.classes()) {
                throw new IllegalArgumentException("label " + y[i] + " at row " + i + " is outside [0, " + network.classes() + ")");
            }
        }
        return Ops.gather(lk, 1, y, n, 1).mean().neg();
    }

    /**
     * {@code w·E_{u~ν, y~Unif}[K(φ(u), T_y)]} on the reference batch.
     *
     * @param p the parameters
     * @param u the reference draws
     * @return the reference term
     */
    public Tensor referenceTerm(Params p, Tensor u) {
        return network.logKernels(p, u).exp().mean().mul(referenceWeight);
    }
}
