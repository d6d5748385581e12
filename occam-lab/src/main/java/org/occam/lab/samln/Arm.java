package org.occam.lab.samln;

/** The three trainings SAM-1 and LN-1 compare, all with the same rate, batch, initialization and batch order. */
public enum Arm {
    /** Plain minibatch SGD. */
    SGD("SGD"),
    /** SGD on the SAM gradient ∇E(θ + ρ g/‖g‖) of each minibatch. */
    SAM("SAM"),
    /** SGD with fresh Gaussian noise on the one-hot targets every step. */
    LABEL_NOISE("label-noise SGD");

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
