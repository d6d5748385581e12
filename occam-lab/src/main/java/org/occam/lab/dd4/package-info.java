/**
 * The two-player-game reproductions: {@code occam reproduce dd-4} (METHODS §11 DD-4,
 * {@link org.occam.lab.dd4.Dd4}, {@link org.occam.lab.dd4.Dd4Report}), the small MNIST GAN
 * ({@link org.occam.lab.dd4.MnistGan}) and the sample-grid image writer
 * ({@link org.occam.lab.dd4.SampleGrid}).
 */
package org.occam.lab.dd4;
