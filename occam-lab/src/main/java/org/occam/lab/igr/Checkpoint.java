package org.occam.lab.igr;

/**
 * The sharpness seen at one step of a run (Lanczos on the training-loss Hessian).
 *
 * @param step      GD step
 * @param trainLoss training loss E at that step
 * @param lambdaMax top Hessian eigenvalue of E
 * @param hLambda   h·λ_max (below ~0.5: first-order IGR regime; 2: edge of stability)
 */
public record Checkpoint(long step, double trainLoss, double lambdaMax, double hLambda) {
}
