package org.occam.lab.samln;

/**
 * One run at the stopping point: its arm and seed, steps taken, whether the loss target was
 * reached, the clean training loss, λ_max with its Lanczos residual, the Hutchinson tr H with its
 * standard error, test accuracy and wall seconds.
 */
public record SamLnRun(Arm arm, long seed, long steps, boolean reached, double trainLoss, double lambdaMax,
                       double lambdaResidual, double trace, double traceStderr, double testAccuracy, double seconds) {
}
