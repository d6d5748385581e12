package org.occam.games;

import java.util.Objects;

/**
 * The games one regularised-gradient evaluation uses (METHODS §3.5, estimators): {@code loss} for
 * the plain gradient ∇_own L_own, {@code differentiated} for the factor of each regulariser that is
 * differentiated through, {@code frozen} for the stop-gradient factor.
 * <ul>
 *   <li>biased: one minibatch for all three;</li>
 *   <li>unbiased: the batch split in two halves, differentiated factor from half 1, frozen factor
 *       from half 2, the loss from the whole batch.</li>
 * </ul>
 *
 * @param loss the game of the plain gradient
 * @param differentiated the game of the differentiated factor
 * @param frozen the game of the frozen factor
 */
public record GameBatch(Game loss, Game differentiated, Game frozen) {
    /** Refuses a missing game. */
    public GameBatch {
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(differentiated, "differentiated");
        Objects.requireNonNull(frozen, "frozen");
    }

    /**
     * The biased estimator: one game (minibatch) for everything.
     *
     * @param game the minibatch's game
     * @return the batch
     */
    public static GameBatch biased(Game game) {
        return new GameBatch(game, game, game);
    }

    /**
     * The unbiased estimator: loss on the full batch, differentiated factor on half 1, frozen factor on half 2.
     *
     * @param full the full batch's game
     * @param half1 the first half's game
     * @param half2 the second half's game
     * @return the batch
     */
    public static GameBatch unbiased(Game full, Game half1, Game half2) {
        return new GameBatch(full, half1, half2);
    }

    /**
     * The unbiased estimator with the loss the mean of the two halves (the full batch when they have equal size).
     *
     * @param half1 the first half's game
     * @param half2 the second half's game
     * @return the batch
     */
    public static GameBatch unbiased(Game half1, Game half2) {
        return new GameBatch(Game.mean(half1, half2), half1, half2);
    }
}
