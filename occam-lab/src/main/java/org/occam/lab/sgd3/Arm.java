package org.occam.lab.sgd3;

/** The three trainings SGD-3 compares. */
public enum Arm {
    /** SGD with the small batch B_s. */
    SMALL("small batch"),
    /** SGD with the large batch B_l, same learning rate and epochs. */
    LARGE("large batch"),
    /** The large batch plus the explicit micro-batch regularizer (micro-batches of B_s, METHODS §2.2). */
    LARGE_REGULARIZED("large batch + regularizer");

    private final String words;

    Arm(String words) {
        this.words = words;
    }

    /**
     * The arm in words.
     *
     * @return the words
     */
    public String words() {
        return words;
    }
}
