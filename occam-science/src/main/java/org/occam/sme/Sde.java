package org.occam.sme;

import java.util.function.Function;

/**
 * An Itô SDE dX = μ(X) dt + B(X) dW on R^d with W an m-dimensional Brownian motion (docs/sme.md);
 * the diffusion matrix is B(X)B(X)ᵀ.
 *
 * @param dimension d
 * @param drift     X ↦ μ(X)
 * @param noise     X ↦ B(X), d rows of m columns
 */
public record Sde(int dimension, Function<double[], double[]> drift, Function<double[], double[][]> noise) {
}
