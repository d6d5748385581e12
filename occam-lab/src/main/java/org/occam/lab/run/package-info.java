/**
 * What the reproductions share: running independent runs in parallel with results in task order
 * ({@link org.occam.lab.run.RunPool}), the image subsets of the SGD checks
 * ({@link org.occam.lab.run.ImageData}), one plain-SGD run through the Trainer
 * ({@link org.occam.lab.run.SgdTraining}), and the measurements of the unregularized loss at the end
 * ({@link org.occam.lab.run.EndMeasures}) or where the training loss first reaches a target
 * ({@link org.occam.lab.run.AtLossTarget}).
 */
package org.occam.lab.run;
