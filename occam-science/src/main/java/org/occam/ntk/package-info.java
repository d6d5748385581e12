/**
 * The empirical neural tangent kernel (docs/ntk.md; Jacot et al. 2018, Chizat et al. 2019):
 * Θ(x, x') = J(x)J(x')ᵀ on a subset, its spectrum, its relative distance from initialization along
 * training, and the output scale α that moves training between the rich and the lazy regime.
 */
package org.occam.ntk;
