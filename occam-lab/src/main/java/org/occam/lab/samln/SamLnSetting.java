package org.occam.lab.samln;

/**
 * The SAM-1 / LN-1 setting (docs/sam.md §reproduction). Loss: E = ½·mean_i‖f(x_i) − onehot(y_i)‖²
 * (MSE on one-hot targets, so that the label-noise theory for squared loss applies to every arm).
 *
 * @param data          "mnist-embedded" (the MNIST subset inside the jar) or "digits"
 * @param trainSize     training rows (the first ones)
 * @param testSize      test rows (the first ones)
 * @param model         model spec
 * @param lr            SGD learning rate η (all arms)
 * @param batchSize     minibatch size B (all arms; random reshuffling)
 * @param rho           SAM radius ρ
 * @param sigma         label-noise standard deviation σ on the one-hot targets
 * @param targetLoss    every run stops at the first epoch end where the clean training loss E ≤ this
 * @param maxEpochs     a run that has not reached the target after this many epochs is reported as not reached
 * @param lanczosSteps  Lanczos steps for λ_max at the stop
 * @param probes        Rademacher probes of the Hutchinson estimate of tr H at the stop
 */
public record SamLnSetting(String data, int trainSize, int testSize, String model, double lr, int batchSize, double rho,
                           double sigma, double targetLoss, int maxEpochs, int lanczosSteps, int probes) {

    /** Refuses settings out of range, with one line naming the field. */
    public SamLnSetting {
        if (!data.equals("mnist-embedded") && !data.equals("digits")) {
            throw new IllegalArgumentException("data must be mnist-embedded or digits, got '" + data + "'");
        }
        if (!(lr > 0) || batchSize < 1 || !(rho > 0) || !(sigma > 0) || !(targetLoss > 0) || maxEpochs < 1
                || lanczosSteps < 2 || probes < 2) {
            throw new IllegalArgumentException("SAM-1/LN-1 needs lr, rho, sigma, target > 0, batch, epochs >= 1,"
                    + " Lanczos steps and probes >= 2");
        }
    }

    /**
     * The default, fixed before any run from the papers: 1,000 embedded MNIST images, the MLP
     * 784-64-10 (ReLU) of the IGR check, η = 0.05 and B = 32 for every arm; SAM with ρ = 0.05, the
     * default of Foret et al. (2021); Gaussian label noise σ = 0.5, half the gap between one-hot
     * label values, as in the regression setting of Blanc et al. (2020) (it gives a tr H coefficient
     * λ = ησ²/(4B) ≈ 1e-4, docs/label-noise.md); every run stopped at ½·mean‖f − y‖² ≤ 0.05 (one tenth
     * of its value at initialization); λ_max by 30 Lanczos steps, tr H by 50 Hutchinson probes.
     *
     * @return the settings
     */
    public static SamLnSetting defaults() {
        return new SamLnSetting("mnist-embedded", 1000, 10_000, "mlp:784-64-10:relu", 0.05, 32, 0.05, 0.5, 0.05, 400,
                30, 50);
    }

    /**
     * Tiny settings for tests: 96 digits, mlp 64-16-10, loose target, few epochs.
     *
     * @return the settings
     */
    public static SamLnSetting quick() {
        return new SamLnSetting("digits", 96, 100, "mlp:64-16-10:relu", 0.1, 16, 0.05, 0.5, 0.35, 10, 4, 3);
    }
}
