package org.occam.shard;

import java.util.List;
import java.util.ServiceLoader;

/** Finds the chunk runners that other modules register (docs/sharded-objective.md); Spark's comes with occam-spark. */
public final class ChunkRunners {
    private ChunkRunners() {
    }

    /**
     * True when a provider of {@code kind} (e.g. "spark") is on the class path.
     *
     * @param kind the runner kind
     * @return whether it can be opened
     */
    public static boolean available(String kind) {
        return find(kind) != null;
    }

    /**
     * A runner of {@code kind} on {@code master}.
     *
     * @param kind the runner kind, e.g. {@code spark}
     * @param master the cluster's master URL, or null
     * @param partitions the number of partitions (0: the cluster's default)
     * @param problem the problem the chunks belong to
     * @param chunks the chunks, in order
     * @return the runner
     * @throws UnsupportedOperationException when no such provider is on the class path
     */
    public static ChunkRunner open(String kind, String master, int partitions, ShardProblem problem, List<Chunk> chunks) {
        ChunkRunner.Provider p = find(kind);
        if (p == null) {
            throw new UnsupportedOperationException("no '" + kind + "' chunk runner on the class path: run with the"
                    + " occam-spark module (./occam starts it for --spark), or under spark-submit");
        }
        return p.open(master, partitions, problem, chunks);
    }

    private static ChunkRunner.Provider find(String kind) {
        for (ChunkRunner.Provider p : ServiceLoader.load(ChunkRunner.Provider.class)) {
            if (p.name().equals(kind)) {
                return p;
            }
        }
        return null;
    }
}
