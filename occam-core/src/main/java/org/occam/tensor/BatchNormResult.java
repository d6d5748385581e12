package org.occam.tensor;

/**
 * The result of a training-mode batch norm: the normalised output (differentiable) and the batch
 * mean and biased variance per channel (constants, for the running buffers).
 *
 * @param output the normalised (and, with weight and bias, scaled and shifted) input, shape of x
 * @param mean the batch mean per channel [C], a constant
 * @param var the biased batch variance per channel [C], a constant
 */
public record BatchNormResult(Tensor output, Tensor mean, Tensor var) {
}
