package org.occam.cli.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One swept field: a config key in {@code --set} form ({@code lr}, {@code train.batch_size},
 * {@code regularizers.0.coef}) and where the sweep file declares it ({@code grid.lr},
 * {@code random.axes.lr}, {@code seeds}). A grid axis and the seeds list their values; a random
 * axis draws them from its {@link Distribution}.
 *
 * @param key          the config key, also the column name in results.csv
 * @param where        the field path in the sweep file, for messages
 * @param values       the values of a grid axis or of seeds (empty for a random axis)
 * @param distribution the distribution of a random axis (null otherwise)
 */
public record Axis(String key, String where, List<JsonNode> values, Distribution distribution) {

    public Axis {
        values = List.copyOf(values);
    }

    /** Whether the values are drawn at random. */
    public boolean random() {
        return distribution != null;
    }
}
