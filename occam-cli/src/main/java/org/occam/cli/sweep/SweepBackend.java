package org.occam.cli.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where the runs of a sweep execute: the {@link LocalPool} of this process, or Spark (module
 * occam-spark, found through {@link Provider}). Every backend runs the same per-run function,
 * {@link SweepRuns#execute}, so the results do not depend on the backend.
 */
public interface SweepBackend extends AutoCloseable {

    /** A few words for the console, e.g. "local pool of 2" or "Spark local[2]". */
    String describe();

    /**
     * Runs every task and returns one result per task (any order). {@code done} sees each result
     * as it is known (possibly from several threads, possibly only at the end).
     */
    List<RunResult> run(List<RunTask> tasks, Consumer<RunResult> done);

    /** Writes the table as Parquet at {@code target} and returns true, or returns false when this backend writes none. */
    boolean writeParquet(ResultsTable table, Path target);

    @Override
    void close();

    /** Makes backends of one kind; registered in META-INF/services (occam-spark registers Spark's). */
    interface Provider {
        /** The kind, e.g. "spark". */
        String name();

        /**
         * A backend for {@code master} (e.g. local[2]; null: whatever spark-submit configured).
         *
         * @throws UnsupportedOperationException when it cannot run here, saying why
         */
        SweepBackend open(String master);
    }
}
