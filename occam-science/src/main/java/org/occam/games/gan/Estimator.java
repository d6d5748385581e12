package org.occam.games.gan;

import java.util.Locale;

/** Which minibatch estimator the regularisers' dot products use (METHODS §3.5, estimators). */
public enum Estimator {
    /** One minibatch for both factors (the reference MNIST config). */
    BIASED,
    /** Two halves: the differentiated factor on half 1, the frozen factor on half 2 (the reference CIFAR config). */
    UNBIASED;

    /**
     * "biased" or "unbiased".
     *
     * @return the label
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses "biased" / "unbiased".
     *
     * @param s the name
     * @return the estimator
     */
    public static Estimator parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "biased" -> BIASED;
            case "unbiased" -> UNBIASED;
            default -> throw new IllegalArgumentException("unknown estimator '" + s + "': allowed values are biased, unbiased");
        };
    }
}
