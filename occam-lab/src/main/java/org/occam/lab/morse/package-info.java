/**
 * The {@code occam ood} experiments on Morse networks (METHODS §8, §11 MORSE-1): the 2-D toy
 * ({@link org.occam.lab.morse.ToyExperiment}), MNIST against Fashion-MNIST with a Morse head on a
 * trained classifier and the maximum-softmax baseline ({@link org.occam.lab.morse.MnistExperiment}),
 * and their reports ({@link org.occam.lab.morse.OodReport}).
 */
package org.occam.lab.morse;
