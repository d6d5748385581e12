package org.occam.tensor;

/**
 * The result of a training-mode batch norm: the normalised output (differentiable) and the batch
 * mean and biased variance per channel (constants, for the running buffers).
 */
public record BatchNormResult(Tensor output, Tensor mean, Tensor var) {
}
