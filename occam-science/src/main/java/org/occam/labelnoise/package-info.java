/**
 * Label-noise SGD and its implicit regularizer (Blanc et al. 2020, arXiv 1904.09080; Damian, Ma
 * &amp; Lee 2021, arXiv 2106.06530; docs/label-noise.md): {@link org.occam.labelnoise.LabelNoise}
 * (fresh noise each step: Gaussian on regression targets, or random label flips) and
 * {@link org.occam.labelnoise.LabelNoiseTheory} (the noise covariance of the gradient, the
 * expected one-step loss increase, the two-step mean drift and the tr H coefficient for MSE).
 */
package org.occam.labelnoise;
