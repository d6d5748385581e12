package org.occam.games.gan;

import java.util.Locale;
import org.occam.tensor.Tensor;

/** The generator's loss on the discriminator's logits for generated samples (METHODS §3.4). */
public enum GeneratorLoss {
    /**
     * The minimax ("saturating") loss −mean softplus(D(G(z))) = mean log(1 − sigmoid(D(G(z)))): the
     * negative of the discriminator's sample term, so the game is zero-sum in every gradient
     * (the real-data term does not depend on θ). The reference configs use it (METHODS §3.4).
     */
    SATURATING,
    /** The non-saturating loss mean softplus(−D(G(z))) = −mean log sigmoid(D(G(z))) (Goodfellow et al.'s −log D). */
    NON_SATURATING;

    /**
     * The loss, a scalar, on the fake logits [n] or [n, 1].
     *
     * @param fakeLogits D(G(z))
     * @return the loss
     */
    public Tensor of(Tensor fakeLogits) {
        return this == SATURATING ? GanLosses.fakeTerm(fakeLogits).neg() : fakeLogits.neg().softplus().mean();
    }

    /**
     * "saturating" or "non-saturating".
     *
     * @return the label
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses "saturating" / "non-saturating" (also "ns", "minimax").
     *
     * @param s the name
     * @return the loss
     */
    public static GeneratorLoss parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "saturating", "minimax", "zero-sum" -> SATURATING;
            case "non-saturating", "nonsaturating", "ns" -> NON_SATURATING;
            default -> throw new IllegalArgumentException("unknown generator loss '" + s
                    + "': allowed values are saturating, non-saturating");
        };
    }
}
