package org.occam.shard;

import java.util.List;

/**
 * The single-machine path of a sharded objective: every chunk on this JVM, summed by the same
 * fixed tree as on Spark, so both give the same bits (docs/sharded-objective.md).
 */
public final class LocalChunks implements ChunkRunner {
    private final ShardProblem problem;
    private final List<Chunk> chunks;
    private final ShardProblem.Built built;

    /**
     * A runner over {@code chunks} (in chunk order) of {@code problem}.
     *
     * @param problem the problem the chunks belong to
     * @param chunks the chunks, in order
     */
    public LocalChunks(ShardProblem problem, List<Chunk> chunks) {
        this.problem = problem;
        this.chunks = List.copyOf(chunks);
        for (int k = 0; k < this.chunks.size(); k++) {
            if (this.chunks.get(k).index() != k) {
                throw new IllegalArgumentException("chunk " + k + " has index " + this.chunks.get(k).index());
            }
        }
        this.built = problem.build();
    }

    @Override
    public double[] sum(ChunkOp op, Payload payload) {
        return TreeSum.sum(chunks.size(), k -> built.leaf(op, chunks.get(k), payload));
    }

    @Override
    public ShardProblem problem() {
        return problem;
    }

    @Override
    public int chunks() {
        return chunks.size();
    }

    @Override
    public String describe() {
        return "this JVM, " + chunks.size() + " chunks";
    }

    @Override
    public void close() {
    }
}
