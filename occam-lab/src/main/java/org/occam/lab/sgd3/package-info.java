/**
 * SGD-3 of METHODS §11: small-batch SGD vs large-batch SGD at the same learning rate and epochs
 * vs large-batch SGD with the explicit micro-batch regularizer of Smith, Dherin, Barrett &amp; De
 * (2021, METHODS §2.2); test accuracy and λ_max over seeds, and the fraction of the accuracy gap
 * the regularizer recovers. Entry point: {@link org.occam.lab.sgd3.Sgd3#run}.
 */
package org.occam.lab.sgd3;
