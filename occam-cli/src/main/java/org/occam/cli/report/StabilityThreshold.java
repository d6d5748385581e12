package org.occam.cli.report;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sharpness above which the run's optimizer is unstable on a quadratic, as a multiple of 1/h:
 * 2/h for gradient descent, (2 + 2β)/h for heavy-ball momentum, (2 + 2β)/((1 + 2β)h) for Nesterov
 * momentum; none for Adam and AdamW, whose stability depends on the preconditioned Hessian, not on λ_max.
 *
 * @param factor the threshold times h
 * @param label  the legend entry, e.g. {@code (2+2β)/h, β = 0.9}
 */
record StabilityThreshold(double factor, String label) {

    /** The threshold of the optimizer in a flattened config.yaml ({@code optimizer.name}, {@code optimizer.momentum}). */
    static Optional<StabilityThreshold> of(Map<String, String> config) {
        String name = config.getOrDefault("optimizer.name", config.getOrDefault("optimizer", "sgd")).toLowerCase(Locale.ROOT);
        double beta = config.containsKey("optimizer.momentum") ? Double.parseDouble(config.get("optimizer.momentum")) : 0.9;
        return switch (name) {
            case "sgd", "gd" -> Optional.of(new StabilityThreshold(2, "2/h"));
            case "momentum" -> Optional.of(new StabilityThreshold(2 + 2 * beta, "(2+2β)/h, β = " + beta));
            case "nesterov" -> Optional.of(new StabilityThreshold((2 + 2 * beta) / (1 + 2 * beta), "(2+2β)/((1+2β)h), β = " + beta));
            default -> Optional.empty();
        };
    }

    /** Why no line is drawn for an optimizer without a λ_max threshold. */
    static String noneFor(Map<String, String> config) {
        return "no stability line: " + config.getOrDefault("optimizer.name", "this optimizer")
                + " rescales each coordinate, so its stability depends on the preconditioned Hessian, not on λ_max";
    }
}
