package org.occam.shard;

import java.util.List;

/**
 * Where the chunks of a sharded objective are computed: this JVM ({@link LocalChunks}) or Spark
 * executors (module occam-spark). Every runner returns the fixed-shape {@link TreeSum} of the
 * weighted chunk leaves, so the result has the same bits on any runner and for any number of
 * executors or partitions (docs/sharded-objective.md).
 */
public interface ChunkRunner extends AutoCloseable {

    /** Σ_k (n_k/N)·op(chunk k) by the fixed tree over the chunks. */
    double[] sum(ChunkOp op, Payload payload);

    /** The problem the chunks belong to. */
    ShardProblem problem();

    /** The number of chunks C. */
    int chunks();

    /** A few words for the console, e.g. "this JVM, 13 chunks" or "Spark local[2], 7 partitions, 13 chunks". */
    String describe();

    @Override
    void close();

    /** Opens runners of one kind; registered in META-INF/services (occam-spark registers Spark's). */
    interface Provider {
        /** The kind, e.g. "spark". */
        String name();

        /**
         * A runner on {@code master} (null: the one spark-submit configured) with the chunks spread over
         * {@code partitions} partitions (0: the cluster's default parallelism).
         *
         * @throws UnsupportedOperationException when it cannot run here, saying why
         */
        ChunkRunner open(String master, int partitions, ShardProblem problem, List<Chunk> chunks);
    }
}
