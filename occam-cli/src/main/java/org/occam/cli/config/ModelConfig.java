package org.occam.cli.config;

/**
 * The {@code model:} section.
 *
 * @param spec      the architecture in {@link org.occam.nn.Models#parse} form, e.g. {@code mlp:64-64-10:tanh}
 * @param initScale every initial parameter is multiplied by this (small- or large-initialization experiments)
 */
public record ModelConfig(String spec, double initScale) {
}
