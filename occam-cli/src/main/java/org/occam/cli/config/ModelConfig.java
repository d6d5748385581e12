package org.occam.cli.config;

import java.nio.file.Path;

/**
 * The {@code model:} section.
 *
 * @param spec       the architecture in {@link org.occam.nn.Models#parse} form, e.g. {@code mlp:64-64-10:tanh}
 * @param initScale  every initial parameter is multiplied by this (small- or large-initialization experiments)
 * @param initFrom   a safetensors file the initial parameters are read from (before init_scale), or null
 * @param initStrict with initFrom: the file must have exactly the model's names and shapes; if false,
 *                   matching tensors are taken and the rest listed
 */
public record ModelConfig(String spec, double initScale, Path initFrom, boolean initStrict) {

    /** A model initialized from its seed. */
    public ModelConfig(String spec, double initScale) {
        this(spec, initScale, null, true);
    }
}
