package org.occam.lab.sgd3;

import org.occam.lab.run.EndMeasures;

/**
 * One SGD-3 run.
 *
 * @param arm          small, large, or large + regularizer
 * @param seed         the seed
 * @param batchSize    its batch size
 * @param steps        SGD steps taken
 * @param diverged     whether the loss diverged (then the outcomes are NaN)
 * @param trainLoss    final cross-entropy on the training set
 * @param testAccuracy final test accuracy
 * @param atEnd        GC, λ_max and ‖∇C‖² of the unregularized loss at the end
 * @param seconds      wall time
 */
public record Sgd3Run(Arm arm, long seed, int batchSize, long steps, boolean diverged, double trainLoss,
                      double testAccuracy, EndMeasures atEnd, double seconds) {
}
