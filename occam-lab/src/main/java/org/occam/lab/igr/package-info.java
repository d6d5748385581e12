/**
 * IGR-2 and GC-2 of METHODS §11, the main job ({@code ./occam reproduce igr-lr-sweep}): a 2-layer
 * MLP on the embedded MNIST, full-batch GD at learning rates below the edge of stability and
 * explicit gradient regularization at the smallest rate, every run stopped at the same training
 * loss; R_IG, λ_max, GC and test accuracy there, judged as claims over paired seeds
 * ({@link org.occam.lab.claim}). The edge-of-stability regime is reported apart.
 */
package org.occam.lab.igr;
