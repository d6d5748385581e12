package org.occam.lab.sgd2;

import org.occam.lab.run.EndMeasures;

/**
 * One SGD-2 run and what it ended with.
 *
 * @param ratio        ε/B
 * @param batchSize    B
 * @param lr           ε = ratio·B
 * @param seed         the seed
 * @param steps        SGD steps taken
 * @param diverged     whether the loss diverged (then the measures are NaN)
 * @param trainLoss    final training loss (full training set)
 * @param testAccuracy final test accuracy
 * @param atInit       GC, λ_max and ‖∇C‖² at initialization
 * @param atEnd        GC, λ_max and ‖∇C‖² at the end
 * @param targetStep   the step where the training loss first reached the setting's target (−1: never)
 * @param atTarget     GC, λ_max and ‖∇C‖² there (NaN when never reached)
 * @param seconds      wall time of the run
 */
public record Sgd2Run(double ratio, int batchSize, double lr, long seed, long steps, boolean diverged, double trainLoss,
                      double testAccuracy, EndMeasures atInit, EndMeasures atEnd, long targetStep,
                      EndMeasures atTarget, double seconds) {
}
