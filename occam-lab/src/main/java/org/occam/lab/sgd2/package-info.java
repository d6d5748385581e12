/**
 * SGD-2 of METHODS §11: the linear scaling rule of SGD's implicit regularizer (Smith, Dherin,
 * Barrett &amp; De 2021). A grid of (ε, B) sharing each ratio ε/B, the same epochs, several seeds;
 * GC, λ_max, test accuracy and ‖∇C‖² at the end; claims that runs with equal ε/B cluster and
 * that regularization grows with ε/B. Entry point: {@link org.occam.lab.sgd2.Sgd2#run}.
 */
package org.occam.lab.sgd2;
