/**
 * The {@code occam ood} experiments on Morse networks (METHODS §8, §11 MORSE-1): the 2-D toy
 * ({@link org.occam.cli.morse.ToyExperiment}), MNIST against Fashion-MNIST with a Morse head on a
 * trained classifier and the maximum-softmax baseline ({@link org.occam.cli.morse.MnistExperiment}),
 * and their reports ({@link org.occam.cli.morse.OodReport}).
 */
package org.occam.cli.morse;
