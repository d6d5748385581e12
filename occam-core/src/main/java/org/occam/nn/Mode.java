package org.occam.nn;

import java.util.Locale;

/**
 * How a stateful layer computes: TRAIN normalises with batch statistics, updates running buffers
 * and applies dropout; EVAL uses the running buffers and turns dropout off (torch's
 * {@code module.train()} / {@code module.eval()}, as a value rather than a flag on the model).
 */
public enum Mode {
    /** Training: batch statistics (and their running averages updated), dropout on. */
    TRAIN,
    /** Evaluation: running statistics, dropout off. */
    EVAL;

    /**
     * Parses "train" or "eval" (any case).
     *
     * @param s the spelling
     * @return the mode
     */
    public static Mode parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "train" -> TRAIN;
            case "eval" -> EVAL;
            default -> throw new IllegalArgumentException("unknown mode '" + s + "': allowed values are eval, train");
        };
    }

    /**
     * "train" or "eval", as printed in every output.
     *
     * @return the label
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
