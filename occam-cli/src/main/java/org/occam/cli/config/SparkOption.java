package org.occam.cli.config;

/** Reads {@code train.spark}: the Spark master of full-batch GD on a sharded objective (docs/sharded-objective.md). */
final class SparkOption {
    private SparkOption() {
    }

    /** The master, or null when the field is absent; it needs {@code batch_size: full}. */
    static String read(Node train, int batchSize) {
        if (!train.has("spark")) {
            return null;
        }
        Node n = train.get("spark");
        String s = n.json().isTextual() ? n.json().asText().strip() : "";
        if (s.isEmpty() || s.chars().anyMatch(Character::isWhitespace)) {
            throw n.error("must be a Spark master such as local[2] or spark://host:7077, got " + Node.describe(n.json()));
        }
        if (batchSize != TrainConfig.FULL) {
            throw n.error("computes full-batch gradients only; set train.batch_size: full (got " + batchSize + ")");
        }
        return s;
    }
}
