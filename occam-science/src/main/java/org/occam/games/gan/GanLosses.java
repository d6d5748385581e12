package org.occam.games.gan;

import org.occam.tensor.Tensor;

/**
 * The discriminator's binary cross-entropy on logits (METHODS §3.4), in the stable softplus form:
 * −log sigmoid(s) = softplus(−s) and −log(1 − sigmoid(s)) = softplus(s).
 */
public final class GanLosses {
    private GanLosses() {
    }

    /**
     * The discriminator's loss E = mean softplus(−D(x)) + mean softplus(D(G(z))): real labelled 1, fake 0.
     *
     * @param realLogits D(x)
     * @param fakeLogits D(G(z))
     * @return E
     */
    public static Tensor discriminator(Tensor realLogits, Tensor fakeLogits) {
        return realTerm(realLogits).add(fakeTerm(fakeLogits));
    }

    /**
     * The real-data term mean softplus(−D(x)) = −mean log sigmoid(D(x)).
     *
     * @param realLogits D(x)
     * @return the term
     */
    public static Tensor realTerm(Tensor realLogits) {
        return realLogits.neg().softplus().mean();
    }

    /**
     * The sample term mean softplus(D(G(z))) = −mean log(1 − sigmoid(D(G(z)))).
     *
     * @param fakeLogits D(G(z))
     * @return the term
     */
    public static Tensor fakeTerm(Tensor fakeLogits) {
        return fakeLogits.softplus().mean();
    }
}
