package org.occam.lab.seeds;

import java.io.Serializable;
import java.util.function.Consumer;

/**
 * One seed's run of a reproduction: deterministic in its seed, with progress lines to {@code log}.
 * Serializable, so that a {@link SeedBackend} can ship it (the lambda and the settings it captures)
 * to another JVM.
 *
 * @param <R> the per-seed result
 */
@FunctionalInterface
public interface SeedRun<R> extends Serializable {
    /**
     * Runs one seed.
     *
     * @param seed the seed
     * @param log  progress lines
     * @return the seed's result
     */
    R run(long seed, Consumer<String> log);
}
