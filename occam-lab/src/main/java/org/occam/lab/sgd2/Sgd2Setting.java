package org.occam.lab.sgd2;

import java.util.Arrays;
import org.occam.lab.run.ImageData;

/**
 * The SGD-2 setting (METHODS §11): an MLP trained by SGD with random reshuffling on a fixed image
 * subset, over a grid of (ε, B) in which every ratio ε/B is shared by every batch size, the same
 * number of epochs for every run, several seeds.
 *
 * @param data         the training and test rows
 * @param model        an MLP spec whose input matches the data
 * @param ratios       the ratios ε/B (each run's learning rate is ε = ratio·B)
 * @param batchSizes   the batch sizes (at least 3 pairs share each ratio)
 * @param epochs       epochs of every run
 * @param seeds        seeds 0..seeds−1 (initialization and batch order; shared by the runs of a seed)
 * @param lanczosSteps Lanczos steps of the sharpness at the end
 * @param lossTarget   GC, λ_max and ‖∇C‖² are also taken where the training loss first falls to this (checked
 *                     every quarter epoch): a comparison at equal training loss beside the one at equal epochs
 */
public record Sgd2Setting(ImageData data, String model, double[] ratios, int[] batchSizes, int epochs, int seeds,
                          int lanczosSteps, double lossTarget) {
    /** Sorts the ratios and batch sizes and refuses settings out of range, with one line naming the field. */
    public Sgd2Setting {
        ratios = ratios.clone();
        batchSizes = batchSizes.clone();
        Arrays.sort(ratios);
        Arrays.sort(batchSizes);
        if (ratios.length < 2) {
            throw new IllegalArgumentException("SGD-2 needs at least 2 ratios eps/B, got " + ratios.length);
        }
        if (batchSizes.length < 2) {
            throw new IllegalArgumentException("SGD-2 needs at least 2 batch sizes per ratio, got " + batchSizes.length);
        }
        for (double r : ratios) {
            if (!(r > 0) || !Double.isFinite(r)) {
                throw new IllegalArgumentException("SGD-2 ratios eps/B must be positive, got " + r);
            }
        }
        for (int b : batchSizes) {
            if (b < 1 || b > data.trainSize()) {
                throw new IllegalArgumentException("SGD-2 batch sizes must be in 1.." + data.trainSize() + ", got " + b);
            }
        }
        if (!(lossTarget > 0)) {
            throw new IllegalArgumentException("SGD-2 loss target must be positive, got " + lossTarget);
        }
        if (epochs < 1 || seeds < 1 || lanczosSteps < 2) {
            throw new IllegalArgumentException("SGD-2 needs epochs >= 1, seeds >= 1 and lanczos steps >= 2, got "
                    + epochs + ", " + seeds + ", " + lanczosSteps);
        }
    }

    /**
     * The default: MNIST, first 1024 training rows, the whole 10,000-image test set, mlp 784-128-10
     * (ReLU); ε/B ∈ {1/1024, 1/512, 1/256} × B ∈ {16, 32, 64} (ε from 1/64 to 1/4), 30 epochs, 5 seeds;
     * the equal-loss comparison at training loss 0.3 (every run gets there within its epochs).
     *
     * @return the settings
     */
    public static Sgd2Setting defaults() {
        return new Sgd2Setting(new ImageData("mnist", 1024, 10_000), "mlp:784-128-10:relu",
                new double[] {1.0 / 1024, 1.0 / 512, 1.0 / 256}, new int[] {16, 32, 64}, 30, 5, 20, 0.3);
    }

    /**
     * Tiny settings for tests: 128 digits, mlp 64-16-10, 2 ratios × 2 batch sizes, 2 epochs, 2 seeds.
     *
     * @return the settings
     */
    public static Sgd2Setting quick() {
        return new Sgd2Setting(new ImageData("digits", 128, 200), "mlp:64-16-10:relu",
                new double[] {1.0 / 256, 1.0 / 64}, new int[] {8, 16}, 2, 2, 5, 2.29);
    }

    /**
     * The same setting with another number of seeds.
     *
     * @param n the number of seeds
     * @return the settings
     */
    public Sgd2Setting withSeeds(int n) {
        return new Sgd2Setting(data, model, ratios, batchSizes, epochs, n, lanczosSteps, lossTarget);
    }

    /**
     * The same setting on other data (the model's input must match).
     *
     * @param d the data
     * @param m the model spec
     * @return the settings
     */
    public Sgd2Setting withData(ImageData d, String m) {
        return new Sgd2Setting(d, m, ratios, batchSizes, epochs, seeds, lanczosSteps, lossTarget);
    }
}
