package org.occam.lab.landscape;

import org.occam.landscape.Interpolation;
import org.occam.landscape.Plane;
import org.occam.landscape.TrajectoryPca;

/**
 * Everything a landscape study measured (docs/landscapes.md).
 *
 * @param setting      the grid and span
 * @param initToFinal  train loss from the initialization (t = 0) to the final parameters (t = 1)
 * @param initToFinalTest test loss along the same line, or null without a test set
 * @param finalToOther train loss from the final parameters (t = 0) to another solution (t = 1), or null
 * @param random       train loss on the slice through the final parameters along two filter-normalized random directions
 * @param pca          train loss on the PCA plane of the trajectory, centred on the final parameters
 * @param trajectory   the PCA directions and the iterates' coordinates on them
 * @param steps        the training step of each recorded iterate
 * @param points       training examples in every loss evaluation
 * @param seconds      wall time of the study
 */
public record LandscapeResult(LandscapeSetting setting, Interpolation initToFinal, Interpolation initToFinalTest,
                              Interpolation finalToOther, Plane random, Plane pca, TrajectoryPca trajectory, long[] steps,
                              int points, double seconds) {
}
