/**
 * What the reproductions share: running independent runs in parallel with results in task order
 * ({@link org.occam.lab.run.RunPool}), the image data subsets of the SGD checks
 * ({@link org.occam.lab.run.ImageData}), and the end-of-run measurements of the unregularized loss
 * ({@link org.occam.lab.run.EndMeasures}).
 */
package org.occam.lab.run;
