package org.occam.lab.igr;

import java.util.List;

/**
 * One run (arm, seed) of the IGR-2 / GC-2 check, measured where its training loss crosses the target:
 * each quantity interpolated linearly in the loss between the last iterate above the target and the
 * first at or below it (equal training loss across runs; {@link EqualLossTraining#run}).
 *
 * @param arm            what was trained
 * @param seed           initialization seed (the same seeds for every arm: paired design)
 * @param steps          GD steps taken
 * @param reachedTarget  whether the training loss reached the target within the step budget
 * @param diverged       whether the loss became non-finite or exceeded 10·ln 10
 * @param trainLoss      training loss E where it was measured: the target when it crossed it, else where it stopped
 * @param rIg            R_IG = ‖∇E‖²/m there (m = number of parameters; METHODS §1.1)
 * @param lambdaMax      top Hessian eigenvalue of E there (Lanczos)
 * @param lambdaResidual Lanczos residual ‖Hv − λv‖ of that eigenpair (bounds the eigenvalue's error)
 * @param gc             geometric complexity of the logits over the training set (exact, METHODS §7.2)
 * @param testAccuracy   accuracy on the whole test set
 * @param maxHLambda     the largest h·λ_max over the checkpoints and the end
 * @param crossing       w ∈ (0, 1]: where in its last step the loss crossed the target (the weight of the
 *                       iterate after it in the interpolation); NaN when not interpolated
 * @param checkpoints    sharpness along the run
 */
public record IgrRun(Arm arm, long seed, long steps, boolean reachedTarget, boolean diverged, double trainLoss,
                     double rIg, double lambdaMax, double lambdaResidual, double gc, double testAccuracy,
                     double maxHLambda, double crossing, List<Checkpoint> checkpoints) {

    /** Refuses settings out of range, with one line naming the field. */
    public IgrRun {
        checkpoints = List.copyOf(checkpoints);
    }

    /**
     * Whether the run exceeded the hλ_max limit of its setting (flagged: outside the first-order regime).
     *
     * @param limit the hλ_max limit
     * @return whether the run's largest hλ_max exceeded it
     */
    public boolean exceeds(double limit) {
        return maxHLambda > limit;
    }
}
