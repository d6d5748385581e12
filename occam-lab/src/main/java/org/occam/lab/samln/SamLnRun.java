package org.occam.lab.samln;

/**
 * One run at the stopping point: its arm and seed, steps taken, whether the loss target was
 * reached, the clean training loss, λ_max with its Lanczos residual, the Hutchinson tr H with its
 * standard error, test accuracy and wall seconds.
 *
 * @param seed the seed of the random draws
 * @param arm SGD, SAM or label-noise SGD
 * @param steps the steps taken
 * @param reached whether the loss target was reached
 * @param trainLoss the training loss without noise
 * @param lambdaMax λ_max
 * @param lambdaResidual its Lanczos residual
 * @param trace tr H by Hutchinson
 * @param traceStderr its standard error
 * @param testAccuracy the test accuracy
 * @param seconds the wall time
 */
public record SamLnRun(Arm arm, long seed, long steps, boolean reached, double trainLoss, double lambdaMax,
                       double lambdaResidual, double trace, double traceStderr, double testAccuracy, double seconds) {
}
