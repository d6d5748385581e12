package org.occam.cli.measure;

import java.io.IOException;
import java.util.List;

/**
 * How {@code occam measure} computes one metric: the keys it puts into the output, whether its name
 * takes a count ({@code top_eigenvalues:K}), whether it runs on a sharded objective (--spark,
 * --chunk), and the computation.
 *
 * @param keys    the output keys, in the order it puts them
 * @param counted whether the name is written NAME:K
 * @param sharded whether it needs only a {@link MeasuredObjective} (else a {@link LocalObjective})
 * @param body    the computation
 */
public record Measurement(List<String> keys, boolean counted, boolean sharded, Body body) {

    /** The computation of a metric. */
    @FunctionalInterface
    public interface Body {
        /** Puts the metric's values into the run's output; count is K of NAME:K (1 for a bare name). */
        void measure(MeasureRun run, int count) throws IOException;
    }

    public Measurement {
        keys = List.copyOf(keys);
    }

    /** A metric of the local objective only. */
    public static Measurement local(List<String> keys, Body body) {
        return new Measurement(keys, false, false, body);
    }

    /** A metric of the local and of a sharded objective. */
    public static Measurement anywhere(List<String> keys, Body body) {
        return new Measurement(keys, false, true, body);
    }

    /** The same metric, named NAME:K. */
    public Measurement withCount() {
        return new Measurement(keys, true, sharded, body);
    }

    /** How the metric is written on the command line: NAME, or NAME:K when it takes a count. */
    public String usage(String name) {
        return counted ? name + ":K" : name;
    }
}
