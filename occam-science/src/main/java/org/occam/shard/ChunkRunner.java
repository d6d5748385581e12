package org.occam.shard;

import java.util.List;

/**
 * Where the chunks of a sharded objective are computed: this JVM ({@link LocalChunks}) or Spark
 * executors (module occam-spark). Every runner returns the fixed-shape {@link TreeSum} of the
 * weighted chunk leaves, so the result has the same bits on any runner and for any number of
 * executors or partitions (docs/sharded-objective.md).
 */
public interface ChunkRunner extends AutoCloseable {

    /**
     * Σ_k (n_k/N)·op(chunk k) by the fixed tree over the chunks.
     *
     * @param op what to compute on each chunk
     * @param payload what every chunk needs (parameters, a vector)
     * @return the weighted sum
     */
    double[] sum(ChunkOp op, Payload payload);

    /**
     * The problem the chunks belong to.
     *
     * @return the problem
     */
    ShardProblem problem();

    /**
     * The number of chunks C.
     *
     * @return C
     */
    int chunks();

    /**
     * A few words for the console, e.g. "this JVM, 13 chunks" or "Spark local[2], 7 partitions, 13 chunks".
     *
     * @return the description
     */
    String describe();

    @Override
    void close();

    /** Opens runners of one kind; registered in META-INF/services (occam-spark registers Spark's). */
    interface Provider {
        /**
         * The kind, e.g. "spark".
         *
         * @return the kind
         */
        String name();

        /**
         * A runner on {@code master} (null: the one spark-submit configured) with the chunks spread over
         * {@code partitions} partitions (0: the cluster's default parallelism).
         *
         * @param master the cluster's master URL, or null
         * @param partitions the number of partitions (0: the cluster's default)
         * @param problem the problem the chunks belong to
         * @param chunks the chunks, in order
         * @return the runner
         * @throws UnsupportedOperationException when it cannot run here, saying why
         */
        ChunkRunner open(String master, int partitions, ShardProblem problem, List<Chunk> chunks);
    }
}
