package org.occam.lab.gc1;

import java.util.List;

/**
 * One GC-1 run, measured where its training MSE first reached the target.
 *
 * @param config     the configuration
 * @param seed       the seed
 * @param reached    whether the training MSE reached the target within the step limit
 * @param step       the step of the match (or the last step measured)
 * @param trainMse   the training MSE at that step
 * @param gc         GC on the training points at that step (mean f'(x)² over the data)
 * @param arcLength  arc length ∫√(1 + f'²) over [−π, π] at that step
 * @param gcInit     GC at initialization
 * @param arcInit    arc length at initialization
 * @param curve      (step, training MSE, GC, arc length) at every measurement
 * @param seconds    wall time
 */
public record Gc1Run(Gc1Config config, long seed, boolean reached, long step, double trainMse, double gc,
                     double arcLength, double gcInit, double arcInit, List<double[]> curve, double seconds) {
    /**
     * GC at the match, NaN when the target was not reached (such a run compares with nothing).
     *
     * @return GC at the loss target
     */
    public double gcAtTarget() {
        return reached ? gc : Double.NaN;
    }

    /**
     * Arc length at the match, NaN when the target was not reached.
     *
     * @return the arc length at the loss target
     */
    public double arcAtTarget() {
        return reached ? arcLength : Double.NaN;
    }
}
