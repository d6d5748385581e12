package org.occam.lab.sgd3;

import org.occam.lab.run.ImageData;

/**
 * The SGD-3 setting (METHODS §11): small-batch SGD vs large-batch SGD (same ε and epochs) vs
 * large-batch SGD on C + (λ/(4m)) Σ_k ‖∇Ĉ_k‖² over its m micro-batches of the small batch size.
 *
 * @param data         the training and test rows
 * @param model        an MLP spec whose input matches the data
 * @param lr           ε, shared by the three arms
 * @param smallBatch   B_s (also the micro-batch size of the regularizer)
 * @param largeBatch   B_l, a multiple of B_s
 * @param lambda       the regularizer's strength λ (METHODS §2.2: ≈ the small-batch learning rate)
 * @param epochs       epochs of every run
 * @param seeds        seeds 0..seeds−1 (initialization and batch order, shared by the three arms)
 * @param lanczosSteps Lanczos steps of the sharpness at the end
 */
public record Sgd3Setting(ImageData data, String model, double lr, int smallBatch, int largeBatch, double lambda,
                          int epochs, int seeds, int lanczosSteps) {
    /** Refuses settings out of range, with one line naming the field. */
    public Sgd3Setting {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("SGD-3 learning rate must be positive, got " + lr);
        }
        if (smallBatch < 1 || largeBatch <= smallBatch || largeBatch % smallBatch != 0 || largeBatch > data.trainSize()) {
            throw new IllegalArgumentException("SGD-3 needs 1 <= small batch < large batch <= training rows, the large"
                    + " batch a multiple of the small one; got " + smallBatch + " and " + largeBatch);
        }
        if (data.trainSize() % largeBatch != 0) {
            throw new IllegalArgumentException("SGD-3 training rows (" + data.trainSize() + ") must be a multiple of the"
                    + " large batch " + largeBatch + " so that every step splits into micro-batches");
        }
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("SGD-3 regularizer strength lambda must be >= 0, got " + lambda);
        }
        if (epochs < 1 || seeds < 1 || lanczosSteps < 2) {
            throw new IllegalArgumentException("SGD-3 needs epochs >= 1, seeds >= 1 and lanczos steps >= 2");
        }
    }

    /**
     * The default: MNIST (first 1024 training rows, the 10,000 test images), mlp 784-128-10 (ReLU),
     * ε = 0.05, B_s = 16, B_l = 256 (16·B_s), λ = ε, 40 epochs, 5 seeds.
     *
     * @return the settings
     */
    public static Sgd3Setting defaults() {
        return new Sgd3Setting(new ImageData("mnist", 1024, 10_000), "mlp:784-128-10:relu", 0.05, 16, 256, 0.05, 40, 5,
                20);
    }

    /**
     * Tiny settings for tests: 128 digits, mlp 64-16-10, B_s = 4, B_l = 32, 2 epochs, 2 seeds.
     *
     * @return the settings
     */
    public static Sgd3Setting quick() {
        return new Sgd3Setting(new ImageData("digits", 128, 200), "mlp:64-16-10:relu", 0.05, 4, 32, 0.05, 2, 2, 5);
    }

    /**
     * The same setting with another number of seeds.
     *
     * @param n the number of seeds
     * @return the settings
     */
    public Sgd3Setting withSeeds(int n) {
        return new Sgd3Setting(data, model, lr, smallBatch, largeBatch, lambda, epochs, n, lanczosSteps);
    }

    /**
     * The same setting on other data and model.
     *
     * @param d the data
     * @param m the model spec
     * @return the settings
     */
    public Sgd3Setting withData(ImageData d, String m) {
        return new Sgd3Setting(d, m, lr, smallBatch, largeBatch, lambda, epochs, seeds, lanczosSteps);
    }

    /**
     * The batch size of an arm.
     *
     * @param arm the learning rate and regularization of a run
     * @return B_s or B_l
     */
    public int batchSize(Arm arm) {
        return arm == Arm.SMALL ? smallBatch : largeBatch;
    }
}
