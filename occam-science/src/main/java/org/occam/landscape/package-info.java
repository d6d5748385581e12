/**
 * Loss landscapes (docs/landscapes.md): 1-D linear interpolation between two parameter sets
 * (Goodfellow et al. 2015), 2-D slices along filter-normalized random directions (Li et al. 2018),
 * and the PCA plane of a training trajectory with the iterates projected on it.
 */
package org.occam.landscape;
