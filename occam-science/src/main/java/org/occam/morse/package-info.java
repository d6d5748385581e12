/**
 * Morse neural networks (Dherin, Hu, Ren, Dusenberry, Lakshminarayanan 2023, arXiv 2307.00667;
 * METHODS §8): an unnormalised density {@code M(x) = K(φ(x), T)} built from a Morse kernel
 * {@link org.occam.morse.MorseKernel} and any Occam model φ, fitted with the unnormalised KL loss
 * {@link org.occam.morse.MorseLoss} against a broad {@link org.occam.morse.ReferenceDistribution}.
 *
 * <p>Its outputs: the density and an OOD score ({@link org.occam.morse.MorseNetwork},
 * {@link org.occam.morse.OodScores}), a calibration temperature for a pre-trained classifier
 * ({@link org.occam.morse.MorseTemperature}), a sampler ({@link org.occam.morse.MorseSampler}),
 * the distance-aware classifier of the supervised version, and a Morse head on the frozen
 * embeddings of a trained classifier ({@link org.occam.morse.MorseHead}). OOD and calibration
 * metrics are in {@link org.occam.morse.OodMetrics} and {@link org.occam.morse.Calibration}.
 *
 * <p>Provenance: the abstract [ABSTRACT] fixes the five outputs and the KL fit; kernel formulas,
 * the loss, the temperature {@code 1/M} and the samplers are METHODS §8 [RECALLED] items and are
 * exposed as parameters wherever a constant was recalled rather than checked (kernel bandwidth
 * λ, the weight of the reference term, the temperature exponent).
 */
package org.occam.morse;
