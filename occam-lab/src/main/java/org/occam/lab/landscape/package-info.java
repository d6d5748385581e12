/**
 * The loss-landscape study of a trained run (docs/landscapes.md): the 1-D interpolation from
 * initialization to the solution (and to a second solution), the 2-D slice along filter-normalized
 * random directions, and the PCA plane of the training trajectory with the iterates drawn on it;
 * written as an HTML report with contour and surface plots and a JSON file of every value.
 */
package org.occam.lab.landscape;
